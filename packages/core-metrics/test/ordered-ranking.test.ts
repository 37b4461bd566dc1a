import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  averagePrecisionKernel,
  averagePrecisionOrderedKernel,
  inScoreOrder,
  rocAucBinaryKernel,
  rocAucOrderedKernel,
  scoreOrderKernel,
  scoreOrderMatches,
} from '../src/index.js';

/** Rows with scores from a small grid (many ties, `-0` beside `0`) or anywhere, and weights with zeros. */
const rowsArb = fc.array(
  fc.record({
    y: fc.integer({ min: 0, max: 1 }),
    s: fc.oneof(
      fc.integer({ min: -6, max: 6 }).map((v) => (v === 0 ? -0 : v / 4)),
      fc.integer({ min: -6, max: 6 }).map((v) => v / 4),
      fc.double({ min: -5, max: 5, noNaN: true }),
    ),
    w: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 10, noNaN: true })),
    inDomain: fc.boolean(),
  }),
  { minLength: 1, maxLength: 80 },
);

/** A data set, a draw of row positions (with repeats) and whether the draw is restricted. */
const caseArb = rowsArb.chain((rows) =>
  fc.record({
    rows: fc.constant(rows),
    picks: fc.array(fc.nat({ max: rows.length - 1 }), { minLength: 0, maxLength: 2 * rows.length }),
    restricted: fc.boolean(),
    weighted: fc.boolean(),
  }),
);

/** Equal to 1e-12 relative (NaN equals NaN), and bit for bit when `exact`. */
function expectSame(actual: number, expected: number, exact: boolean, what: string): void {
  if (Number.isNaN(expected)) {
    expect(actual, what).toBeNaN();
    return;
  }
  if (exact) {
    expect(actual, what).toBe(expected);
    return;
  }
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    1e-12 * Math.max(1, Math.abs(expected)),
  );
}

describe('ordered ranking kernels', () => {
  it('equal the sorting kernels on every resample, with ties, weights and a restricted domain', () => {
    fc.assert(
      fc.property(caseArb, ({ rows, picks, restricted, weighted }) => {
        const isPositive = Uint8Array.from(rows, (r) => r.y);
        const scores = Float64Array.from(rows, (r) => r.s);
        const weight = weighted ? Float64Array.from(rows, (r) => r.w) : null;
        const domainRows = rows.flatMap((r, i) => (!restricted || r.inDomain ? [i] : []));
        const domain = restricted ? Uint32Array.from(domainRows) : null;
        // a draw lies within its domain: map each pick onto the domain's rows
        const drawn = Uint32Array.from(
          domainRows.length === 0 ? [] : picks.map((p) => domainRows[p % domainRows.length]!),
        );
        const counts = new Uint8Array(rows.length);
        for (const r of drawn) counts[r]!++;
        const ranked = scoreOrderKernel(scores, domain);
        const positive = inScoreOrder(ranked, isPositive);
        const rankedWeight = weight === null ? null : inScoreOrder(ranked, weight);
        const exact = weight === null;
        expectSame(
          rocAucOrderedKernel(ranked, positive, rankedWeight, counts),
          rocAucBinaryKernel(isPositive, scores, weight, drawn),
          exact,
          'roc auc',
        );
        expectSame(
          averagePrecisionOrderedKernel(ranked, positive, rankedWeight, counts),
          averagePrecisionKernel(isPositive, scores, weight, drawn),
          exact,
          'average precision',
        );
      }),
      { numRuns: 500 },
    );
  });

  it('with every row counted once equal the sorting kernels on all rows', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const isPositive = Uint8Array.from(rows, (r) => r.y);
        const scores = Float64Array.from(rows, (r) => r.s);
        const ones = new Uint32Array(rows.length).fill(1);
        const ranked = scoreOrderKernel(scores, null);
        const positive = inScoreOrder(ranked, isPositive);
        expectSame(
          rocAucOrderedKernel(ranked, positive, null, ones),
          rocAucBinaryKernel(isPositive, scores, null, null),
          true,
          'roc auc',
        );
        expectSame(
          averagePrecisionOrderedKernel(ranked, positive, null, ones),
          averagePrecisionKernel(isPositive, scores, null, null),
          true,
          'average precision',
        );
      }),
    );
  });
});

describe('score order', () => {
  it('ranks rows by descending score, ties in one group in ascending row order', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const scores = Float64Array.from(rows, (r) => r.s);
        const { order, groupEnd } = scoreOrderKernel(scores, null);
        const expected = rows.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
        expect(Array.from(order)).toEqual(expected);
        for (let p = 0; p < order.length; p++) {
          const last = p === order.length - 1 || scores[order[p]!] !== scores[order[p + 1]!];
          expect(groupEnd[p]).toBe(last ? 1 : 0);
        }
        expect(scoreOrderMatches({ order, groupEnd }, scores)).toBe(true);
      }),
    );
  });

  it('lays per-row values out in ranked order, into a new array or a given one', () => {
    const ranked = scoreOrderKernel(new Float64Array([0.2, 0.9, 0.4, 0.9]), null);
    expect(Array.from(inScoreOrder(ranked, Int32Array.of(5, 6, 7, 8)))).toEqual([6, 8, 7, 5]);
    const out = new Float64Array(4);
    expect(inScoreOrder(ranked, Float64Array.of(0.5, 1, 1.5, 2), out)).toBe(out);
    expect(Array.from(out)).toEqual([1, 2, 1.5, 0.5]);
  });

  it('keeps to the rows it is given and puts -0 and 0 in one group', () => {
    const scores = new Float64Array([0.5, -0, 0.9, 0, 0.5, 0.1]);
    const { order, groupEnd } = scoreOrderKernel(scores, Uint32Array.from([0, 1, 3, 4]));
    expect(Array.from(order)).toEqual([0, 4, 1, 3]);
    expect(Array.from(groupEnd)).toEqual([0, 1, 0, 1]);
  });

  it('does not match a column whose order or ties differ', () => {
    const scores = new Float64Array([0.2, 0.9, 0.2, 0.4]);
    const ranked = scoreOrderKernel(scores, null);
    expect(scoreOrderMatches(ranked, scores)).toBe(true);
    expect(scoreOrderMatches(ranked, Float64Array.from(scores))).toBe(true);
    // the same order of values but a tie broken: the groups differ
    expect(scoreOrderMatches(ranked, new Float64Array([0.2, 0.9, 0.1, 0.4]))).toBe(false);
    // a new tie where there was none
    expect(scoreOrderMatches(ranked, new Float64Array([0.2, 0.9, 0.2, 0.2]))).toBe(false);
    expect(scoreOrderMatches(ranked, new Float64Array([0.9, 0.2, 0.2, 0.4]))).toBe(false);
    // a shorter column than the rows ranked
    expect(scoreOrderMatches(ranked, new Float64Array([0.2, 0.9]))).toBe(false);
    expect(scoreOrderMatches(ranked, new Float64Array([0.2, 0.9, 0.2, Number.NaN]))).toBe(false);
  });
});
