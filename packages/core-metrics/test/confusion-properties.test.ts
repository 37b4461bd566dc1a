import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accumulateConfusion,
  accumulateConfusionByGroup,
  accumulateConfusionByGroupInt8,
  accuracyScore,
  balancedAccuracyScore,
  ConfusionAccumulator,
  cohenKappaScore,
  f1Score,
  jaccardFromConfusion,
  jaccardScore,
  matthewsCorrcoef,
  precisionRecallFscoreSupportFromConfusion,
  precisionScore,
  recallScore,
} from '../src/index.js';

const K = 5;
/** Rows of (true code, predicted code, weight). */
const rowsArb = fc.array(
  fc.tuple(
    fc.integer({ min: 0, max: K - 1 }),
    fc.integer({ min: 0, max: K - 1 }),
    fc.double({ min: 0, max: 10, noNaN: true }),
  ),
  { minLength: 1, maxLength: 200 },
);

function columns(rows: readonly [number, number, number][]) {
  return {
    yTrue: Int32Array.from(rows, (r) => r[0]),
    yPred: Int32Array.from(rows, (r) => r[1]),
    weight: Float64Array.from(rows, (r) => r[2]),
  };
}

describe('ConfusionAccumulator properties', () => {
  it('merging shard accumulators equals accumulating the whole (exact, unweighted)', () => {
    fc.assert(
      fc.property(rowsArb, fc.array(fc.nat(), { maxLength: 5 }), (rows, cuts) => {
        const { yTrue, yPred } = columns(rows);
        const whole = new ConfusionAccumulator(K).update(yTrue, yPred);
        const bounds = [
          0,
          ...cuts.map((c) => c % (rows.length + 1)).sort((a, b) => a - b),
          rows.length,
        ];
        const merged = new ConfusionAccumulator(K);
        for (let s = 0; s + 1 < bounds.length; s++) {
          merged.merge(
            new ConfusionAccumulator(K).update(yTrue, yPred, null, bounds[s], bounds[s + 1]),
          );
        }
        expect(Array.from(merged.counts)).toEqual(Array.from(whole.counts));
      }),
    );
  });

  it('merging weighted shards equals the whole within rounding', () => {
    fc.assert(
      fc.property(rowsArb, fc.nat(), (rows, cut) => {
        const { yTrue, yPred, weight } = columns(rows);
        const at = cut % (rows.length + 1);
        const whole = new ConfusionAccumulator(K).update(yTrue, yPred, weight);
        const merged = new ConfusionAccumulator(K)
          .update(yTrue, yPred, weight, 0, at)
          .merge(new ConfusionAccumulator(K).update(yTrue, yPred, weight, at));
        whole.counts.forEach((v, i) => {
          expect(merged.counts[i]).toBeCloseTo(v, 9);
        });
      }),
    );
  });

  it('toJSON / fromJSON round-trips exactly, through JSON text', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const { yTrue, yPred, weight } = columns(rows);
        const acc = new ConfusionAccumulator(K).update(yTrue, yPred, weight);
        const copy = ConfusionAccumulator.fromJSON(JSON.parse(JSON.stringify(acc)));
        expect(copy.nClasses).toBe(K);
        expect(Array.from(copy.counts)).toEqual(Array.from(acc.counts));
      }),
    );
  });

  it('rebuilds from a transferred counts buffer', () => {
    const acc = new ConfusionAccumulator(2).update(Int32Array.of(0, 1, 1), Int32Array.of(0, 0, 1));
    const copy = new ConfusionAccumulator(2, new Float64Array(structuredClone(acc.counts.buffer)));
    expect(Array.from(copy.counts)).toEqual([1, 0, 1, 1]);
  });
});

describe('kernels', () => {
  it('accumulateConfusion over many rows (unrolled path) equals a row-by-row tally', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4096, max: 20000 }),
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 0, max: 7 }),
        fc.integer(),
        (n, skipStart, skipEnd, seed) => {
          let s = seed | 1;
          const next = () => {
            s ^= s << 13;
            s ^= s >>> 17;
            s ^= s << 5;
            return (s >>> 0) % K;
          };
          const yTrue = Int32Array.from({ length: n }, next);
          const yPred = Int32Array.from({ length: n }, next);
          const start = skipStart;
          const end = n - skipEnd;
          const expected = new Array<number>(K * K).fill(0);
          for (let i = start; i < end; i++) expected[yTrue[i]! * K + yPred[i]!]! += 1;
          const counts = new Float64Array(K * K).fill(1);
          accumulateConfusion(counts, K, yTrue, yPred, null, start, end);
          expect(Array.from(counts)).toEqual(expected.map((v) => v + 1));
        },
      ),
      { numRuns: 20 },
    );
  });

  it('accumulateConfusionByGroup equals one accumulateConfusion per group', () => {
    fc.assert(
      fc.property(
        rowsArb,
        fc.integer({ min: 1, max: 4 }),
        fc.infiniteStream(fc.integer({ min: -1, max: 3 })),
        fc.boolean(),
        (rows, nGroups, groupStream, weighted) => {
          const { yTrue, yPred, weight } = columns(rows);
          const groups = Int32Array.from(rows, () => {
            const g = groupStream.next().value as number;
            return g >= nGroups ? -1 : g;
          });
          const w = weighted ? weight : null;
          const byGroup = new Float64Array(nGroups * K * K);
          accumulateConfusionByGroup(byGroup, K, groups, yTrue, yPred, w, 0, rows.length);
          for (let g = 0; g < nGroups; g++) {
            const rowsOf = [...groups.keys()].filter((i) => groups[i] === g);
            const one = new Float64Array(K * K);
            accumulateConfusion(
              one,
              K,
              Int32Array.from(rowsOf, (i) => yTrue[i]!),
              Int32Array.from(rowsOf, (i) => yPred[i]!),
              w === null ? null : Float64Array.from(rowsOf, (i) => w[i]!),
              0,
              rowsOf.length,
            );
            expect(Array.from(byGroup.subarray(g * K * K, (g + 1) * K * K))).toEqual(
              Array.from(one),
            );
          }
        },
      ),
    );
  });
  it('accumulateConfusionByGroupInt8 equals the Int32 kernel on the same ids, over any row range', () => {
    fc.assert(
      fc.property(
        rowsArb,
        fc.integer({ min: 1, max: 4 }),
        fc.infiniteStream(fc.integer({ min: -1, max: 3 })),
        fc.boolean(),
        fc.nat(),
        (rows, nGroups, groupStream, weighted, cut) => {
          const { yTrue, yPred, weight } = columns(rows);
          const groups = Int32Array.from(rows, () => {
            const g = groupStream.next().value as number;
            return g >= nGroups ? -1 : g;
          });
          const w = weighted ? weight : null;
          const start = cut % rows.length;
          const wide = new Float64Array(nGroups * K * K);
          accumulateConfusionByGroup(wide, K, groups, yTrue, yPred, w, start, rows.length);
          const narrow = new Float64Array(nGroups * K * K);
          const bytes = Int8Array.from(groups);
          accumulateConfusionByGroupInt8(narrow, K, bytes, yTrue, yPred, w, start, rows.length);
          expect(Array.from(narrow)).toEqual(Array.from(wide));
        },
      ),
    );
  });

  it('accumulateConfusionByGroupInt8 counts groups up to 127 and skips -1', () => {
    const groups = Int8Array.of(127, -1, 127, 0);
    const counts = new Float64Array(128 * 4);
    const yTrue = Int32Array.of(1, 1, 0, 0);
    const yPred = Int32Array.of(1, 0, 1, 0);
    accumulateConfusionByGroupInt8(counts, 2, groups, yTrue, yPred, null, 0, 4);
    expect(Array.from(counts.subarray(127 * 4))).toEqual([0, 1, 0, 1]);
    expect(Array.from(counts.subarray(0, 4))).toEqual([1, 0, 0, 0]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
  });
});

describe('classification metric properties', () => {
  it('public functions equal the *FromConfusion functions on the accumulated counts', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const { yTrue, yPred } = columns(rows);
        // Use codes over all K classes so the public label set equals the class set.
        const t = Int32Array.from([...yTrue, ...Array.from({ length: K }, (_, k) => k)]);
        const p = Int32Array.from([...yPred, ...Array.from({ length: K }, (_, k) => k)]);
        const acc = new ConfusionAccumulator(K).update(t, p);
        for (const average of ['micro', 'macro', 'weighted'] as const) {
          const prfs = precisionRecallFscoreSupportFromConfusion(acc.counts, K, {
            average,
            zeroDivision: 0,
          });
          expect(f1Score(t, p, { average, zeroDivision: 0 })).toBe(prfs.fbeta);
          expect(precisionScore(t, p, { average, zeroDivision: 0 })).toBe(prfs.precision);
          expect(recallScore(t, p, { average, zeroDivision: 0 })).toBe(prfs.recall);
          expect(jaccardScore(t, p, { average, zeroDivision: 0 })).toBe(
            jaccardFromConfusion(acc.counts, K, { average, zeroDivision: 0 }),
          );
        }
      }),
    );
  });

  it('with weights, public functions equal *FromConfusion exactly (Int32 and plain inputs)', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const { yTrue, yPred, weight } = columns(rows);
        const t = Int32Array.from([...yTrue, ...Array.from({ length: K }, (_, k) => k)]);
        const p = Int32Array.from([...yPred, ...Array.from({ length: K }, (_, k) => k)]);
        const w = Float64Array.from([...weight, ...Array.from({ length: K }, () => 1)]);
        const acc = new ConfusionAccumulator(K).update(t, p, w);
        for (const average of ['micro', 'macro', 'weighted'] as const) {
          const expected = precisionRecallFscoreSupportFromConfusion(acc.counts, K, {
            average,
            zeroDivision: 0,
          }).fbeta;
          expect(f1Score(t, p, { average, zeroDivision: 0, sampleWeight: w })).toBe(expected);
          expect(
            f1Score(Array.from(t), Array.from(p), { average, zeroDivision: 0, sampleWeight: w }),
          ).toBe(expected);
        }
      }),
    );
  });

  it('scores are invariant under a permutation of rows', () => {
    fc.assert(
      fc.property(
        rowsArb.chain((rows) =>
          fc.tuple(
            fc.constant(rows),
            fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
          ),
        ),
        ([rows, shuffled]) => {
          const a = columns(rows);
          const b = columns(shuffled);
          // Weights + 1: all-zero weights make the weighted accuracy undefined (it throws).
          expect(f1Score(b.yTrue, b.yPred, { average: 'macro', zeroDivision: 0 })).toBe(
            f1Score(a.yTrue, a.yPred, { average: 'macro', zeroDivision: 0 }),
          );
          expect(matthewsCorrcoef(b.yTrue, b.yPred)).toBe(matthewsCorrcoef(a.yTrue, a.yPred));
          const ka = cohenKappaScore(a.yTrue, a.yPred, { weights: 'quadratic' });
          const kb = cohenKappaScore(b.yTrue, b.yPred, { weights: 'quadratic' });
          expect(Object.is(ka, kb)).toBe(true);
          expect(
            accuracyScore(b.yTrue, b.yPred, { sampleWeight: b.weight.map((w) => w + 1) }),
          ).toBeCloseTo(
            accuracyScore(a.yTrue, a.yPred, { sampleWeight: a.weight.map((w) => w + 1) }),
            12,
          );
        },
      ),
    );
  });

  it('scores lie in [0, 1] and MCC / kappa in [-1, 1]', () => {
    fc.assert(
      fc.property(rowsArb, fc.constantFrom(0, 1), (rows, zeroDivision) => {
        const { yTrue, yPred } = columns(rows);
        const inUnit = (v: number) => v >= 0 && v <= 1 + 1e-12;
        for (const average of ['micro', 'macro', 'weighted'] as const) {
          expect(inUnit(f1Score(yTrue, yPred, { average, zeroDivision }))).toBe(true);
          expect(inUnit(precisionScore(yTrue, yPred, { average, zeroDivision }))).toBe(true);
          expect(inUnit(recallScore(yTrue, yPred, { average, zeroDivision }))).toBe(true);
          expect(inUnit(jaccardScore(yTrue, yPred, { average, zeroDivision }))).toBe(true);
        }
        expect(inUnit(accuracyScore(yTrue, yPred))).toBe(true);
        expect(inUnit(balancedAccuracyScore(yTrue, yPred))).toBe(true);
        const mcc = matthewsCorrcoef(yTrue, yPred);
        expect(mcc >= -1 - 1e-12 && mcc <= 1 + 1e-12).toBe(true);
        const kappa = cohenKappaScore(yTrue, yPred);
        expect(Number.isNaN(kappa) || (kappa >= -1 - 1e-12 && kappa <= 1 + 1e-12)).toBe(true);
      }),
    );
  });
});
