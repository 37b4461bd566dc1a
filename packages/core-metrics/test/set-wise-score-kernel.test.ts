import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  jaccardFromConfusion,
  precisionRecallFscoreSupportFromConfusion,
  type SetWiseQuantity,
  setWiseScoreKernel,
} from '../src/index.js';

type Averaging = 'binary' | 'macro' | 'micro' | 'weighted';

/** The classes with a true or a predicted row, as scikit-learn's `unique_labels`. */
function present(counts: Float64Array, k: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < k; c++) {
    let total = 0;
    for (let j = 0; j < k; j++) total += counts[c * k + j]! + counts[j * k + c]!;
    if (total > 0) out.push(c);
  }
  return out;
}

/** The validated functions' answer for the same question. */
function reference(
  counts: Float64Array,
  k: number,
  which: SetWiseQuantity,
  average: Averaging,
  labels: readonly number[],
  zeroDivision: number,
  beta: number,
): number {
  const options =
    average === 'binary'
      ? { average, posLabel: labels[0]!, zeroDivision }
      : { average, labels, zeroDivision };
  if (which === 'jaccard') return jaccardFromConfusion(counts, k, options);
  const prf = precisionRecallFscoreSupportFromConfusion(counts, k, {
    ...options,
    beta,
    warnFor: [],
  });
  return prf[which];
}

const caseArb = fc.integer({ min: 1, max: 6 }).chain((k) =>
  fc.record({
    k: fc.constant(k),
    // many empty cells, rows and columns: the zero-division and absent-class branches
    cells: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40 })), {
      minLength: k * k,
      maxLength: k * k,
    }),
    weighted: fc.boolean(),
    which: fc.constantFrom<SetWiseQuantity>('precision', 'recall', 'fbeta', 'jaccard'),
    average: fc.constantFrom<Averaging>('binary', 'macro', 'micro', 'weighted'),
    chosen: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: k - 1 }), { minLength: 1 })),
    zeroDivision: fc.constantFrom(0, 1, Number.NaN),
    beta: fc.constantFrom(1, 0, 0.5, 2, Number.POSITIVE_INFINITY),
  }),
);

describe('setWiseScoreKernel', () => {
  it('equals the validated functions bit for bit on any counts, average, labels and zeroDivision', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        // weighted rows make non-integer counts, where summation order shows
        const counts = Float64Array.from(c.cells, (v, i) => (c.weighted ? v * (1 + i / 7) : v));
        const labels = c.chosen ?? present(counts, c.k);
        if (c.average === 'binary' && labels.length === 0) return;
        const beta = c.which === 'fbeta' ? c.beta : 1;
        const got = setWiseScoreKernel(
          counts,
          c.k,
          c.which,
          c.average,
          c.average === 'binary' ? labels : (c.chosen ?? null),
          c.zeroDivision,
          beta,
        );
        const want = reference(counts, c.k, c.which, c.average, labels, c.zeroDivision, beta);
        expect(Object.is(got, want)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('averages over the present classes only when labels is null', () => {
    // class 2 has no row at all: left out of the macro mean, as scikit-learn's unique_labels
    const counts = Float64Array.of(3, 1, 0, 2, 4, 0, 0, 0, 0);
    const recall0 = 3 / 4;
    const recall1 = 4 / 6;
    expect(setWiseScoreKernel(counts, 3, 'recall', 'macro', null, 0)).toBe((recall0 + recall1) / 2);
    expect(setWiseScoreKernel(counts, 3, 'recall', 'macro', [0, 1, 2], 0)).toBe(
      (recall0 + recall1 + 0) / 3,
    );
  });

  it('gives scikit-learn 1.2 special values for a weighted average without support', () => {
    // nothing of class 1 is true; one row is predicted as 1
    const counts = Float64Array.of(5, 1, 0, 0);
    expect(setWiseScoreKernel(counts, 2, 'recall', 'weighted', [1], 1)).toBe(1);
    expect(setWiseScoreKernel(counts, 2, 'precision', 'weighted', [1], 1)).toBe(0);
    expect(setWiseScoreKernel(counts, 2, 'fbeta', 'weighted', [1], 1)).toBe(0);
    expect(
      setWiseScoreKernel(Float64Array.of(5, 0, 0, 0), 2, 'precision', 'weighted', [1], 1),
    ).toBe(1);
  });
});
