import { describe, expect, it } from 'vitest';
import { binomialTestHalf, mcnemarExact, StatsError } from '../src/index.js';
import { loadCases } from './support/fixtures.js';
import { pairedOutcomes } from './support/paired-outcomes.js';

interface McNemarCase {
  onlyA: number;
  onlyB: number;
  bothRight: number;
  bothWrong: number;
  pValue: number;
  binomtest: number;
}

const cases = loadCases<McNemarCase>('mcnemar.json');

describe("McNemar's exact test", () => {
  it.each(cases)(
    'matches statsmodels mcnemar(exact=True) and scipy binomtest for $onlyA / $onlyB discordant pairs',
    ({ onlyA, onlyB, bothRight, bothWrong, pValue, binomtest }) => {
      const [a, b] = pairedOutcomes(onlyA, onlyB, bothRight, bothWrong);
      const r = mcnemarExact(a, b);
      expect(r.onlyA).toBe(onlyA);
      expect(r.onlyB).toBe(onlyB);
      for (const expected of [pValue, binomtest]) {
        expect(r.pValue).toBeCloseTo(expected, 12);
        if (expected > 1e-300) expect(Math.abs(r.pValue - expected) / expected).toBeLessThan(1e-9);
      }
    },
  );

  it('ignores concordant pairs entirely', () => {
    const [a1, b1] = pairedOutcomes(4, 12, 0, 0);
    const [a2, b2] = pairedOutcomes(4, 12, 500, 300);
    expect(mcnemarExact(a1, b1).pValue).toBe(mcnemarExact(a2, b2).pValue);
  });

  it('is symmetric in the two models', () => {
    const [a, b] = pairedOutcomes(9, 21, 5, 5);
    expect(mcnemarExact(b, a).pValue).toBe(mcnemarExact(a, b).pValue);
    expect(binomialTestHalf(9, 30)).toBe(binomialTestHalf(21, 30));
  });

  it('rejects vectors of different length, naming both', () => {
    expect(() => mcnemarExact([true], [true, false])).toThrow(
      /correctA has 1 items but correctB has 2/,
    );
    expect(() => mcnemarExact([true], [true, false])).toThrow(StatsError);
  });

  it.each([
    [[0.9, 'no', 1, 1], [false, true, false, false], 'correctA[0]', 'got 0.9.'],
    [[true, true], [false, 1], 'correctB[1]', 'got 1.'],
    [[true, 'no'], [false, true], 'correctA[1]', 'got the string "no".'],
    [[true, null], [false, true], 'correctA[1]', 'got null.'],
  ])('accepts only booleans, not truthiness: %j vs %j is refused at %s', (a, b, path, got) => {
    let error: unknown;
    try {
      mcnemarExact(a as never, b as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StatsError);
    expect(error).toMatchObject({ code: 'INVALID_VALUE', path });
    expect((error as StatsError).message).toBe(
      `mcnemarExact: ${path} must be a boolean (whether the model was right on item ${path.slice(-2, -1)}), ${got}`,
    );
  });

  it('rejects k > n and counts that are not non-negative integers', () => {
    for (const [k, n] of [
      [3, 2],
      [-1, 4],
      [1.5, 4],
      [1, Number.NaN],
    ] as const) {
      expect(() => binomialTestHalf(k, n)).toThrow(
        expect.objectContaining({ code: 'INVALID_COUNT' }),
      );
    }
  });
});
