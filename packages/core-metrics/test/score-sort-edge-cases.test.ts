import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  averagePrecisionKernel,
  averagePrecisionScore,
  MetricInputError,
  rocAucBinaryKernel,
  rocAucScore,
} from '../src/index.js';
import { msdRadixSort } from '../src/kernels/msd-radix-sort.js';
import { ascending, referenceAuc, referenceAveragePrecision } from './support/rank-references.js';
import { uniform } from './support/uniform.js';

/** Sorts a copy with msdRadixSort and with a comparison sort; both must agree (`-0` and `0` equal). */
function expectSortsLikeComparison(values: number[]): void {
  const keys = Float64Array.from(values);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  msdRadixSort(keys, min, max);
  const expected = [...values].sort(ascending);
  for (let i = 0; i < expected.length; i++) {
    if (keys[i] !== expected[i]) throw new Error(`position ${i}: ${keys[i]} vs ${expected[i]}`);
  }
}

/** Values whose float32 roundings collide: one base and neighbours a few float64 ulps away. */
function float32Collisions(base: number, count: number, random: () => number): number[] {
  return Array.from({ length: count }, () => base + Math.floor(random() * 64) * 2 ** -50 * base);
}

const edgeScore = fc.oneof(
  fc.double({ noNaN: true }),
  fc.constantFrom(0, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 5e-324, -5e-324),
  fc.double({ min: -1e-307, max: 1e-307, noNaN: true }),
  fc.integer({ min: -4, max: 4 }).map((v) => v / 4),
  fc.integer({ min: 0, max: 63 }).map((k) => 0.7 + k * 2 ** -52),
);

describe('msd radix sort of float64 keys', () => {
  it('orders any values without NaN as a comparison sort does (ties, -0, infinities, subnormals)', () => {
    fc.assert(
      fc.property(fc.array(edgeScore, { minLength: 1, maxLength: 600 }), (values) => {
        expectSortsLikeComparison(values);
      }),
      { numRuns: 300 },
    );
  });

  it('puts -0 next to 0 and orders infinities at the ends, short and long', () => {
    for (const copies of [1, 40]) {
      const values = [0, Number.POSITIVE_INFINITY, -0, -1, Number.NEGATIVE_INFINITY];
      const keys = Float64Array.from({ length: 5 * copies }, (_, i) => values[i % 5]!);
      msdRadixSort(keys, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
      const zeros = keys.subarray(2 * copies, 4 * copies);
      expect(
        Array.from(keys.subarray(0, copies)).every((v) => v === Number.NEGATIVE_INFINITY),
      ).toBe(true);
      expect(Array.from(keys.subarray(copies, 2 * copies)).every((v) => v === -1)).toBe(true);
      expect(zeros.filter((v) => Object.is(v, -0)).length).toBe(copies);
      expect(zeros.filter((v) => Object.is(v, 0)).length).toBe(copies);
      expect(keys[5 * copies - 1]).toBe(Number.POSITIVE_INFINITY);
    }
  });

  it('sorts 300k values that differ only in their last bits inside a wide range (the clustered fallback)', () => {
    const random = uniform(7);
    const values = Array.from({ length: 300_000 }, () => random());
    // a dense cluster: equal to float32 precision and in the 20 bits the in-cache passes read
    for (const v of float32Collisions(0.5, 100_000, random)) values.push(v);
    for (let i = 0; i < 1000; i++) values.push(0.25);
    expectSortsLikeComparison(values);
  });

  it('sorts a million spread values through several MSD levels', () => {
    const random = uniform(11);
    const values = Array.from({ length: 1_000_000 }, () => (random() - 0.5) * 2 ** (random() * 40));
    expectSortsLikeComparison(values);
  });
});

describe('unweighted ROC AUC and average precision against a comparison-sort reference', () => {
  const labelled = fc
    .array(fc.record({ y: fc.integer({ min: 0, max: 1 }), s: edgeScore }), {
      minLength: 2,
      maxLength: 300,
    })
    .filter((rows) => rows.some((r) => r.y === 1) && rows.some((r) => r.y === 0));

  it('agrees on edge-case scores, exactly for AUC', () => {
    fc.assert(
      fc.property(labelled, (rows) => {
        const isPositive = Uint8Array.from(rows, (r) => r.y);
        const scores = Float64Array.from(rows, (r) => r.s);
        expect(rocAucBinaryKernel(isPositive, scores, null, null)).toBe(
          referenceAuc(isPositive, scores),
        );
        const ap = averagePrecisionKernel(isPositive, scores, null, null);
        expect(Math.abs(ap - referenceAveragePrecision(isPositive, scores))).toBeLessThan(1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees on 400k rows with many ties, float32 collisions and a selection of rows', () => {
    const random = uniform(3);
    const n = 400_000;
    const labels = new Uint8Array(n);
    const scores = new Float64Array(n);
    const collisions = float32Collisions(0.3, n, random);
    for (let i = 0; i < n; i++) {
      const kind = random();
      const s =
        kind < 0.5 ? random() : kind < 0.7 ? Math.floor(random() * 20) / 20 : collisions[i]!;
      scores[i] = s;
      labels[i] = random() < s ? 1 : 0;
    }
    expect(rocAucBinaryKernel(labels, scores, null, null)).toBe(referenceAuc(labels, scores));
    expect(
      Math.abs(
        averagePrecisionKernel(labels, scores, null, null) -
          referenceAveragePrecision(labels, scores),
      ),
    ).toBeLessThan(1e-12);
    const rows = Uint32Array.from({ length: n / 2 }, (_, i) => (i * 7919) % n);
    const picked = Array.from(rows, (r) => labels[r]!);
    const pickedScores = Array.from(rows, (r) => scores[r]!);
    expect(rocAucBinaryKernel(labels, scores, null, rows)).toBe(referenceAuc(picked, pickedScores));
  });

  it('tells apart scores that are equal in float32 but not in float64', () => {
    const below = 1;
    const above = 1 + 2 ** -40;
    expect(Math.fround(below)).toBe(Math.fround(above));
    expect(rocAucScore([0, 1], [below, above])).toBe(1);
    expect(rocAucScore([1, 0], [below, above])).toBe(0);
    expect(averagePrecisionScore([0, 1], [below, above])).toBe(1);
  });

  it('counts -0 and 0 as one tie', () => {
    expect(rocAucScore([0, 1], [-0, 0])).toBe(0.5);
    expect(rocAucScore([1, 0, 0, 1], [0, -0, 0.5, 1])).toBe(0.625);
    expect(averagePrecisionScore([0, 1], [0, -0])).toBe(0.5);
  });

  it('orders ±Infinity scores in the kernels as the extreme values they are', () => {
    const isPositive = Uint8Array.of(1, 0, 1, 0);
    const scores = Float64Array.of(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, 1);
    expect(rocAucBinaryKernel(isPositive, scores, null, null)).toBe(0.75);
  });

  it('refuses NaN and ±Infinity in yScore at the public boundary, naming the row', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      let error: unknown;
      try {
        rocAucScore([0, 1, 1], [0.2, bad, 0.4]);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(MetricInputError);
      expect((error as MetricInputError).code).toBe('NON_FINITE_VALUE');
      expect((error as MetricInputError).message).toContain('row 1');
    }
  });
});
