import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  averagePrecisionKernel,
  averagePrecisionScore,
  type Label,
  rocAucBinaryKernel,
  rocAucScore,
} from '../src/index.js';
import { referenceAuc, referenceAveragePrecision } from './support/rank-references.js';
import { thrown } from './support/thrown.js';
import { uniform } from './support/uniform.js';

const edgeScore = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 5e-324, -5e-324, 2 ** -1022, 1, 1 + 2 ** -40, 1 + 2 ** -41),
  fc.double({ min: -1e-307, max: 1e-307, noNaN: true }),
  fc.integer({ min: -4, max: 4 }).map((v) => v / 4),
  fc.integer({ min: 0, max: 63 }).map((k) => 0.7 + k * 2 ** -52),
);

const binaryRows = fc
  .array(fc.record({ y: fc.integer({ min: 0, max: 1 }), s: edgeScore }), {
    minLength: 2,
    maxLength: 400,
  })
  .filter((rows) => rows.some((r) => r.y === 1) && rows.some((r) => r.y === 0));

/** The score in the checked path: a plain array is converted and checked row by row. */
const checked = (scores: Float64Array): number[] => Array.from(scores);

describe('rocAucScore and averagePrecisionScore on Float64Array scores (one-pass input check)', () => {
  it('equal the comparison-sort reference and the checked path for every label container', () => {
    fc.assert(
      fc.property(binaryRows, (rows) => {
        const scores = Float64Array.from(rows, (r) => r.s);
        const codes = rows.map((r) => r.y);
        const auc = referenceAuc(codes, scores);
        const ap = referenceAveragePrecision(codes, scores);
        const containers: Array<ArrayLike<Label>> = [
          Int32Array.from(codes),
          Uint8Array.from(codes),
          Float64Array.from(codes),
          codes,
        ];
        for (const yTrue of containers) {
          expect(rocAucScore(yTrue, scores)).toBe(auc);
          expect(rocAucScore(yTrue, scores)).toBe(rocAucScore(yTrue, checked(scores)));
          const fast = averagePrecisionScore(yTrue, scores);
          expect(fast).toBe(averagePrecisionScore(yTrue, checked(scores)));
          expect(Math.abs(fast - ap)).toBeLessThan(1e-12);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('takes two labels other than 0 and 1 with the greater one positive, as the checked path', () => {
    const random = uniform(5);
    const scores = Float64Array.from({ length: 5000 }, () => Math.floor(random() * 300) / 100);
    const codes = Array.from(scores, (s) => (random() < s / 3 ? 1 : 0));
    const auc = referenceAuc(codes, scores);
    for (const [lo, hi] of [
      [-1, 1],
      [1, 2],
      [3, 70],
    ] as const) {
      const labels = codes.map((c) => (c === 1 ? hi : lo));
      expect(rocAucScore(Int32Array.from(labels), scores)).toBe(auc);
      expect(rocAucScore(Float64Array.from(labels), scores)).toBe(auc);
      expect(rocAucScore(labels, scores)).toBe(auc);
      expect(averagePrecisionScore(Int32Array.from(labels), scores, { posLabel: hi })).toBe(
        averagePrecisionScore(labels, checked(scores), { posLabel: hi }),
      );
      // the lesser label as positive is the checked path's job; the result is that of flipped codes
      expect(averagePrecisionScore(Int32Array.from(labels), scores, { posLabel: lo })).toBe(
        averagePrecisionScore(
          codes.map((c) => 1 - c),
          checked(scores),
        ),
      );
    }
    expect(
      averagePrecisionScore(
        Int32Array.from(codes, (c) => c * 2 - 1),
        scores,
      ),
    ).toBe(averagePrecisionScore(codes, scores));
  });

  it('gives string and boolean labels the result of their 0/1 codes', () => {
    const scores = Float64Array.of(0.1, 0.4, 0.35, 0.8, 0.35, -0, 0);
    const codes = [0, 0, 1, 1, 0, 1, 0];
    const auc = referenceAuc(codes, scores);
    expect(
      rocAucScore(
        codes.map((c) => (c === 1 ? 'spam' : 'ham')),
        scores,
      ),
    ).toBe(auc);
    const booleans = codes.map((c) => c === 1) as unknown as number[];
    expect(rocAucScore(booleans, scores)).toBe(auc);
    expect(
      averagePrecisionScore(
        codes.map((c) => (c === 1 ? 'spam' : 'ham')),
        scores,
        { posLabel: 'spam' },
      ),
    ).toBe(averagePrecisionScore(codes, scores));
  });

  it('reports bad input with the checked path error, code and message', () => {
    const cases: Array<[ArrayLike<Label>, Float64Array]> = [
      [[0, 1, 0], Float64Array.of(0.1, Number.NaN, 0.3)],
      [[0, 1, 0], Float64Array.of(0.1, 0.2, Number.POSITIVE_INFINITY)],
      [Int32Array.of(0, 1, 0), Float64Array.of(Number.NEGATIVE_INFINITY, 0.2, 0.3)],
      [Int32Array.of(1, 1, 1), Float64Array.of(0.1, 0.2, 0.3)],
      [Int32Array.of(0, 1, 2), Float64Array.of(0.1, 0.2, 0.3)],
      [Int32Array.of(0, 1), Float64Array.of(0.1, 0.2, 0.3)],
      [[], new Float64Array(0)],
      [[0, 1, Number.NaN], Float64Array.of(0.1, 0.2, 0.3)],
      [[0, 1, null as unknown as number], Float64Array.of(0.1, 0.2, 0.3)],
      [[0, 1, 'a'], Float64Array.of(0.1, 0.2, 0.3)],
    ];
    for (const [yTrue, scores] of cases) {
      for (const metric of [rocAucScore, averagePrecisionScore] as const) {
        if (metric === averagePrecisionScore && Array.from(yTrue).every((v) => v === 1)) continue;
        const fast = thrown(() => metric(yTrue, scores));
        const slow = thrown(() => metric(yTrue, checked(scores)));
        expect([fast.code, fast.message, fast.path]).toEqual([slow.code, slow.message, slow.path]);
      }
    }
    const missing = thrown(() =>
      averagePrecisionScore(Int32Array.of(0, 1), Float64Array.of(0.2, 0.4), { posLabel: 2 }),
    );
    expect(missing.code).toBe('UNKNOWN_POS_LABEL');
    const default1 = thrown(() =>
      averagePrecisionScore(Int32Array.of(2, 3), Float64Array.of(1, 2)),
    );
    expect(default1.code).toBe('UNKNOWN_POS_LABEL');
  });

  it('averagePrecisionScore without positives is still 0, as the checked path', () => {
    expect(averagePrecisionScore(Int32Array.of(0, 0, 0), Float64Array.of(0.1, 0.5, 0.9))).toBe(0);
  });
});

describe('bucket-pair counting and its fallbacks at scale', () => {
  /** Labels drawn with probability rising with the score's rank. */
  function labelsFor(scores: Float64Array, random: () => number): Uint8Array {
    const order = Array.from(scores.keys()).sort((a, b) => scores[a]! - scores[b]!);
    const labels = new Uint8Array(scores.length);
    order.forEach((row, rank) => {
      labels[row] = random() < 0.2 + (0.6 * rank) / scores.length ? 1 : 0;
    });
    return labels;
  }

  function expectReference(scores: Float64Array, labels: Uint8Array): void {
    const auc = referenceAuc(labels, scores);
    const ap = referenceAveragePrecision(labels, scores);
    expect(rocAucBinaryKernel(labels, scores, null, null)).toBe(auc);
    expect(rocAucScore(Int32Array.from(labels), scores)).toBe(auc);
    expect(Math.abs(averagePrecisionKernel(labels, scores, null, null) - ap)).toBeLessThan(1e-12);
    expect(averagePrecisionScore(Int32Array.from(labels), scores)).toBe(
      averagePrecisionKernel(labels, scores, null, null),
    );
  }

  const n = 200_000;
  const datasets: Array<[string, (random: () => number) => number]> = [
    ['spread scores (every pair counted without a sort)', (random) => random()],
    [
      'scores equal in float32 clustered in one slot (sorted instead)',
      (random) => 0.5 + Math.floor(random() * 4096) * 2 ** -50,
    ],
    ['a grid of 21 values (long ties)', (random) => Math.floor(random() * 21) / 20],
    [
      'both signs with -0 and 0 (whole-column path)',
      (random) => {
        const u = random();
        return u < 0.05 ? -0 : u < 0.1 ? 0 : (random() - 0.5) * 8;
      },
    ],
    [
      'subnormals and tiny normals',
      (random) => random() * 2 ** -1060 + (random() < 0.5 ? 0 : 2 ** -1021),
    ],
    ['negative scores spread over exponents', (random) => -(2 ** (random() * 60 - 30))],
  ];
  for (const [name, draw] of datasets) {
    it(`equals the reference on ${name}`, () => {
      const random = uniform(name.length);
      const scores = Float64Array.from({ length: n }, () => draw(random));
      expectReference(scores, labelsFor(scores, random));
    });
  }

  it('keeps infinities as extreme scores in the kernels', () => {
    const random = uniform(17);
    const scores = Float64Array.from({ length: 50_000 }, () => {
      const u = random();
      return u < 0.01 ? Number.POSITIVE_INFINITY : u < 0.02 ? Number.NEGATIVE_INFINITY : u;
    });
    const labels = labelsFor(scores, random);
    expect(rocAucBinaryKernel(labels, scores, null, null)).toBe(referenceAuc(labels, scores));
    expect(
      Math.abs(
        averagePrecisionKernel(labels, scores, null, null) -
          referenceAveragePrecision(labels, scores),
      ),
    ).toBeLessThan(1e-12);
  });
});
