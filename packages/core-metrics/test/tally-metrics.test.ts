import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accumulateConfusion,
  accuracyFromConfusion,
  accuracyFromTallies,
  balancedAccuracyFromConfusion,
  balancedAccuracyFromTallies,
  cohenKappaFromConfusion,
  cohenKappaFromTallies,
  confusionTallies,
  jaccardFromConfusion,
  jaccardFromTallies,
  matthewsCorrcoefFromConfusion,
  matthewsCorrcoefFromTallies,
  precisionRecallFscoreSupportFromConfusion,
  precisionRecallFscoreSupportFromTallies,
} from '../src/index.js';
import { expectClose } from './support/expect-close.js';

const K = 6;
const rowsArb = fc.array(
  fc.tuple(
    fc.integer({ min: 0, max: K - 1 }),
    fc.integer({ min: 0, max: K - 1 }),
    fc.double({ min: 0.1, max: 10, noNaN: true }),
  ),
  { minLength: 1, maxLength: 150 },
);

function countsOf(rows: readonly [number, number, number][], weighted: boolean): Float64Array {
  const counts = new Float64Array(K * K);
  accumulateConfusion(
    counts,
    K,
    Int32Array.from(rows, (r) => r[0]),
    Int32Array.from(rows, (r) => r[1]),
    weighted ? Float64Array.from(rows, (r) => r[2]) : null,
    0,
    rows.length,
  );
  return counts;
}

describe('metrics from per-class tallies', () => {
  it('equal the *FromConfusion metrics on the matrix the tallies come from', () => {
    fc.assert(
      fc.property(rowsArb, fc.boolean(), (rows, weighted) => {
        const counts = countsOf(rows, weighted);
        const tallies = confusionTallies(counts, K);
        expectClose(accuracyFromTallies(tallies), accuracyFromConfusion(counts, K));
        expectClose(balancedAccuracyFromTallies(tallies), balancedAccuracyFromConfusion(counts, K));
        expectClose(
          balancedAccuracyFromTallies(tallies, { adjusted: true }),
          balancedAccuracyFromConfusion(counts, K, { adjusted: true }),
        );
        expectClose(matthewsCorrcoefFromTallies(tallies), matthewsCorrcoefFromConfusion(counts, K));
        expectClose(cohenKappaFromTallies(tallies), cohenKappaFromConfusion(counts, K));
        for (const average of ['macro', 'micro', 'weighted', null] as const) {
          const options = { average, zeroDivision: 0 as const, labels: [0, 2, 5] };
          expectClose(
            precisionRecallFscoreSupportFromTallies(tallies, options),
            precisionRecallFscoreSupportFromConfusion(counts, K, options),
          );
          expectClose(
            jaccardFromTallies(tallies, options),
            jaccardFromConfusion(counts, K, options),
          );
        }
        const binary = { average: 'binary' as const, posLabel: 3, zeroDivision: 0 as const };
        expectClose(
          precisionRecallFscoreSupportFromTallies(tallies, binary),
          precisionRecallFscoreSupportFromConfusion(counts, K, binary),
        );
      }),
    );
  });

  it('read the tallies of a known matrix: tp on the diagonal, predicted by column, actual by row', () => {
    const tallies = confusionTallies(Float64Array.of(5, 1, 2, 2), 2);
    expect(Array.from(tallies.tp)).toEqual([5, 2]);
    expect(Array.from(tallies.predicted)).toEqual([7, 3]);
    expect(Array.from(tallies.actual)).toEqual([6, 4]);
    expect(accuracyFromTallies(tallies)).toBe(0.7);
    expectClose(cohenKappaFromTallies(tallies), (0.7 - 0.54) / 0.46);
  });

  it('reject a class index outside the tallies, as the confusion form does', () => {
    const tallies = confusionTallies(Float64Array.of(5, 1, 2, 2), 2);
    expect(() => jaccardFromTallies(tallies, { average: 'binary', posLabel: 2 })).toThrow(
      /class index 2/,
    );
  });
});
