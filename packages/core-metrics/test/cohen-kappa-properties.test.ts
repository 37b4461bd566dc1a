import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cohenKappaFromConfusion,
  cohenKappaScore,
  encodeRatingPairs,
  type KappaWeights,
} from '../src/index.js';

const weightsArb = fc.constantFrom<KappaWeights | null>(null, 'linear', 'quadratic');
/** Grades 1..5 (the ordinal scale of a judge), sometimes only a few of them used. */
const gradesArb = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 120 });
const pairArb = gradesArb.chain((y1) =>
  fc.tuple(
    fc.constant(y1),
    fc.array(fc.integer({ min: 1, max: 5 }), { minLength: y1.length, maxLength: y1.length }),
  ),
);
const stringPairArb = pairArb.map(([a, b]) => [a.map((g) => `g${g}`), b.map((g) => `g${g}`)]);
/** Row weights: 0 or at least 1e-3 (subnormal weights underflow in Σ w·E, in numpy too). */
const rowWeightsArb = (n: number) =>
  fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 5, noNaN: true })), {
    minLength: n,
    maxLength: n,
  });

describe('Cohen kappa properties', () => {
  it('a rater agrees with itself: kappa(y, y) = 1 when y holds more than one label', () => {
    fc.assert(
      fc.property(gradesArb, weightsArb, (y, weights) => {
        const kappa = cohenKappaScore(y, y, { weights });
        if (new Set(y).size > 1) expect(kappa).toBe(1);
        else expect(kappa).toBeNaN();
      }),
    );
  });

  it('is symmetric in the two raters, for every weighting and with row weights', () => {
    fc.assert(
      fc.property(
        pairArb.chain(([a, b]) =>
          fc.tuple(fc.constant(a), fc.constant(b), rowWeightsArb(a.length)),
        ),
        weightsArb,
        fc.boolean(),
        ([y1, y2, rows], weights, weighted) => {
          const options = weighted ? { weights, sampleWeight: rows } : { weights };
          const ab = cohenKappaScore(y1, y2, options);
          const ba = cohenKappaScore(y2, y1, options);
          if (Number.isNaN(ab)) expect(ba).toBeNaN();
          else expect(Math.abs(ab - ba)).toBeLessThanOrEqual(1e-12);
        },
      ),
    );
  });

  it('lies in [-1, 1] (or is NaN) for every weighting, labels and row weights', () => {
    fc.assert(
      fc.property(
        pairArb.chain(([a, b]) =>
          fc.tuple(fc.constant(a), fc.constant(b), rowWeightsArb(a.length)),
        ),
        weightsArb,
        fc.boolean(),
        ([y1, y2, rows], weights, weighted) => {
          const kappa = cohenKappaScore(
            y1,
            y2,
            weighted ? { weights, sampleWeight: rows } : { weights },
          );
          if (!Number.isNaN(kappa)) {
            expect(kappa).toBeGreaterThanOrEqual(-1 - 1e-12);
            expect(kappa).toBeLessThanOrEqual(1 + 1e-12);
          }
        },
      ),
    );
  });

  it('complete disagreement of two balanced binary raters is -1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), weightsArb, (m, weights) => {
        const y1 = [...Array(m).fill('fail'), ...Array(m).fill('pass')];
        const y2 = [...Array(m).fill('pass'), ...Array(m).fill('fail')];
        expect(cohenKappaScore(y1, y2, { weights })).toBe(-1);
      }),
    );
  });

  it('rating-pair cells tallied and scored by the kernel give cohenKappaScore exactly', () => {
    fc.assert(
      fc.property(
        fc.oneof(pairArb, stringPairArb),
        weightsArb,
        fc.boolean(),
        ([y1, y2], weights, reversed) => {
          const labels = [...new Set([...y1, ...y2])].sort();
          if (reversed) labels.reverse();
          const pairs = encodeRatingPairs(y1, y2, { labels });
          expect(pairs.labels).toEqual(labels);
          const counts = new Float64Array(pairs.nClasses ** 2);
          for (const cell of pairs.cells) counts[cell]! += 1;
          const fromCells = cohenKappaFromConfusion(counts, pairs.nClasses, { weights });
          expect(Object.is(fromCells, cohenKappaScore(y1, y2, { weights, labels }))).toBe(true);
        },
      ),
    );
  });

  it('kappa depends on the matrix only through its proportions (scaling every count)', () => {
    fc.assert(
      fc.property(pairArb, weightsArb, fc.integer({ min: 2, max: 9 }), ([y1, y2], weights, r) => {
        const once = cohenKappaScore(y1, y2, { weights });
        const repeated = cohenKappaScore(
          y1.flatMap((g) => Array(r).fill(g)),
          y2.flatMap((g) => Array(r).fill(g)),
          { weights },
        );
        if (Number.isNaN(once)) expect(repeated).toBeNaN();
        else expect(Math.abs(once - repeated)).toBeLessThanOrEqual(1e-12);
      }),
    );
  });
});
