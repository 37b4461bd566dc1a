import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  averagePrecisionKernel,
  averagePrecisionScore,
  brierScoreLoss,
  logLoss,
  radixSortFloat64,
  releaseSortScratch,
  rocAucBinaryKernel,
  rocAucScore,
} from '../src/index.js';
import { expectClose } from './fixture-cases.js';

/** Labels with both classes, and scores drawn from a small grid so ties are common. */
const labelledScores = fc
  .array(
    fc.record({
      y: fc.integer({ min: 0, max: 1 }),
      s: fc.oneof(
        fc.integer({ min: -20, max: 20 }).map((v) => v / 8),
        fc.double({ min: -5, max: 5, noNaN: true }),
      ),
      w: fc.integer({ min: 1, max: 5 }),
    }),
    { minLength: 2, maxLength: 120 },
  )
  .filter((rows) => rows.some((r) => r.y === 0) && rows.some((r) => r.y === 1));

/** AUC by brute force over all positive–negative pairs (ties count half). */
function pairwiseAuc(y: number[], s: number[], w: number[] | null): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 1) continue;
    for (let j = 0; j < y.length; j++) {
      if (y[j] !== 0) continue;
      const pw = w === null ? 1 : w[i]! * w[j]!;
      num += pw * (s[i]! > s[j]! ? 1 : s[i] === s[j] ? 0.5 : 0);
      den += pw;
    }
  }
  return num / den;
}

describe('ROC AUC properties', () => {
  it('equals the pairwise (Mann–Whitney) probability, weighted or not', () => {
    fc.assert(
      fc.property(labelledScores, fc.boolean(), (rows, weighted) => {
        const y = rows.map((r) => r.y);
        const s = rows.map((r) => r.s);
        const w = weighted ? rows.map((r) => r.w) : null;
        const auc = rocAucScore(y, s, w === null ? {} : { sampleWeight: w });
        expectClose(auc, pairwiseAuc(y, s, w), 'auc');
      }),
    );
  });

  it('is invariant to strictly increasing transforms of the scores', () => {
    fc.assert(
      fc.property(labelledScores, (rows) => {
        const y = rows.map((r) => r.y);
        // On a coarse grid the transforms stay strictly increasing in floating point too.
        const s = rows.map((r) => Math.round(r.s * 8) / 8);
        const auc = rocAucScore(y, s);
        expectClose(
          rocAucScore(
            y,
            s.map((v) => 3 * v + 7),
          ),
          auc,
          'affine',
        );
        expectClose(
          rocAucScore(
            y,
            s.map((v) => Math.atan(v)),
          ),
          auc,
          'atan',
        );
        expectClose(
          rocAucScore(
            y,
            s.map((v) => v * v * v),
          ),
          auc,
          'cube',
        );
      }),
    );
  });

  it('is invariant to row permutations', () => {
    fc.assert(
      fc.property(
        labelledScores.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
        ),
        ([rows, shuffled]) => {
          const a = rocAucScore(
            rows.map((r) => r.y),
            rows.map((r) => r.s),
          );
          const b = rocAucScore(
            shuffled.map((r) => r.y),
            shuffled.map((r) => r.s),
          );
          expectClose(b, a, 'permuted');
        },
      ),
    );
  });

  it('reverses under negated scores: AUC(−s) = 1 − AUC(s), and AUC(1 − s) on an exact grid', () => {
    fc.assert(
      fc.property(labelledScores, (rows) => {
        const y = rows.map((r) => r.y);
        const s = rows.map((r) => r.s);
        const auc = rocAucScore(y, s);
        expectClose(
          rocAucScore(
            y,
            s.map((v) => -v),
          ),
          1 - auc,
          'negated',
        );
        const grid = rows.map((r) => Math.round(r.s * 8) / 64 + 0.5);
        expectClose(
          rocAucScore(
            y,
            grid.map((v) => 1 - v),
          ),
          1 - rocAucScore(y, grid),
          '1 - s',
        );
      }),
    );
  });

  it('stays in [0, 1], and so do AP and the Brier score; log loss is ≥ 0', () => {
    fc.assert(
      fc.property(labelledScores, (rows) => {
        const y = rows.map((r) => r.y);
        const p = rows.map((r) => 1 / (1 + Math.exp(-r.s)));
        for (const v of [rocAucScore(y, p), averagePrecisionScore(y, p), brierScoreLoss(y, p)]) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
        expect(logLoss(y, p)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('kernels with a row selection equal the public function on the selected rows', () => {
    fc.assert(
      fc.property(labelledScores, fc.integer({ min: 0, max: 1_000_000 }), (rows, seed) => {
        const isPositive = Uint8Array.from(rows, (r) => r.y);
        const scores = Float64Array.from(rows, (r) => r.s);
        const weight = Float64Array.from(rows, (r) => r.w);
        const picked = rows.map((_, i) => i).filter((i) => ((i * 7919 + seed) >>> 0) % 3 !== 0);
        const subset = picked.map((i) => rows[i]!);
        if (!subset.some((r) => r.y === 0) || !subset.some((r) => r.y === 1)) return;
        const sel = Uint32Array.from(picked);
        const y = subset.map((r) => r.y);
        const s = subset.map((r) => r.s);
        const w = subset.map((r) => r.w);
        expectClose(
          rocAucBinaryKernel(isPositive, scores, weight, sel),
          rocAucScore(y, s, { sampleWeight: w }),
          'auc',
        );
        expectClose(
          averagePrecisionKernel(isPositive, scores, weight, sel),
          averagePrecisionScore(y, s, { sampleWeight: w }),
          'ap',
        );
      }),
    );
  });
});

describe('scratch buffers', () => {
  it('results are unchanged after releasing the reused buffers, and across sizes', () => {
    const y = [0, 1, 1, 0, 1, 0, 0, 1, 1, 0];
    const s = [0.1, 0.9, 0.4, 0.35, 0.8, 0.2, 0.6, 0.7, 0.3, 0.05];
    const before = rocAucScore(y, s);
    rocAucScore(
      Array.from({ length: 5000 }, (_, i) => i % 2),
      Array.from({ length: 5000 }, (_, i) => Math.sin(i)),
    );
    expect(rocAucScore(y, s)).toBe(before);
    releaseSortScratch();
    expect(rocAucScore(y, s)).toBe(before);
    expect(rocAucScore(Int32Array.from(y), s)).toBe(before);
  });
});

describe('radix sort of float64', () => {
  const byValue = (a: number, b: number): number => a - b;

  it('equals Array.prototype.sort on arbitrary finite doubles (with -0 folded to 0)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 400 }),
        (values) => {
          const sorted = Float64Array.from(values);
          radixSortFloat64(sorted, null);
          const expected = [...values].sort(byValue);
          expect(Array.from(sorted, (v) => v + 0)).toEqual(expected.map((v) => v + 0));
        },
      ),
    );
  });

  it('sorts long runs that share their high 32 bits (low-word passes) and carries the payload', () => {
    const n = 5000;
    const values = new Float64Array(n);
    const payload = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      // 1 + k·2⁻⁵² differ only in the low word; interleave negatives and duplicates.
      const k = (i * 7919) % 1500;
      values[i] = (i % 3 === 0 ? -1 : 1) * (1 + k * Number.EPSILON);
      payload[i] = values[i]! * 10;
    }
    const expected = Array.from(values).sort(byValue);
    radixSortFloat64(values, payload);
    expect(Array.from(values)).toEqual(expected);
    for (let i = 0; i < n; i++) expect(payload[i]).toBe(values[i]! * 10);
  });

  it('sorts a large uniform sample (all radix passes, short runs)', () => {
    let seed = 12345;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const values = Float64Array.from({ length: 200_000 }, () => (random() - 0.3) * 1e3);
    const expected = Array.from(values).sort(byValue);
    radixSortFloat64(values, null);
    expect(Array.from(values)).toEqual(expected);
  });
});
