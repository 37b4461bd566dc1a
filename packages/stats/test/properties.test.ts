import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bcaInterval,
  benjaminiHochbergAdjust,
  holmAdjust,
  percentileInterval,
  quantileSorted,
} from '../src/index.js';

const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
/** Values with NaN now and then (a statistic undefined on that resample). */
const replicates = fc.array(fc.oneof({ weight: 9, arbitrary: value }, fc.constant(Number.NaN)), {
  minLength: 1,
  maxLength: 200,
});
const level = fc.double({ min: 0.5, max: 0.99, noNaN: true });
/** p-values with ties, 0 and 1 common, NaN now and then. */
const pValue = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.constantFrom(0, 1, 0.05, 0.01, Number.NaN),
);

function defined(xs: readonly number[]): number[] {
  return xs.filter((v) => !Number.isNaN(v));
}

function expectWithin(interval: readonly [number, number], xs: readonly number[]): void {
  const kept = defined(xs);
  expect(interval[0]).toBeLessThanOrEqual(interval[1]);
  expect(interval[0]).toBeGreaterThanOrEqual(Math.min(...kept));
  expect(interval[1]).toBeLessThanOrEqual(Math.max(...kept));
}

describe('interval properties', () => {
  it('a percentile interval is ordered and within [min, max] of the replicates', () => {
    fc.assert(
      fc.property(replicates, level, (xs, ci) => {
        const interval = percentileInterval(xs, ci);
        if (defined(xs).length === 0) expect(interval).toBeNull();
        else expectWithin(interval!, xs);
      }),
    );
  });

  it('a BCa interval is ordered and within [min, max], or NaN where BCa is undefined', () => {
    fc.assert(
      fc.property(
        replicates,
        value,
        fc.array(value, { minLength: 2, maxLength: 30 }),
        level,
        (xs, observed, jackknife, ci) => {
          const interval = bcaInterval(xs, { observed, jackknife, level: ci });
          if (defined(xs).length === 0) {
            expect(interval).toBeNull();
          } else if (!Number.isNaN(interval![0]) || !Number.isNaN(interval![1])) {
            expectWithin(interval!, xs);
          }
        },
      ),
    );
  });

  it('a quantile does not decrease as q grows', () => {
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, q1, q2) => {
          const sorted = Float64Array.from(xs).sort();
          const [lo, hi] = q1 <= q2 ? [q1, q2] : [q2, q1];
          expect(quantileSorted(sorted, lo)).toBeLessThanOrEqual(quantileSorted(sorted, hi));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('multiple-testing properties', () => {
  const family = fc.array(pValue, { maxLength: 40 });

  it.each([
    ['holmAdjust', holmAdjust],
    ['benjaminiHochbergAdjust', benjaminiHochbergAdjust],
  ] as const)('%s is >= the raw p-value, <= 1, and monotone in the raw order', (_name, adjust) => {
    fc.assert(
      fc.property(family, (p) => {
        const adjusted = adjust(p);
        p.forEach((pi, i) => {
          if (Number.isNaN(pi)) {
            expect(adjusted[i]).toBeNaN();
            return;
          }
          expect(adjusted[i]).toBeGreaterThanOrEqual(pi);
          expect(adjusted[i]).toBeLessThanOrEqual(1);
          p.forEach((pj, j) => {
            if (pi < pj) expect(adjusted[i]).toBeLessThanOrEqual(adjusted[j]!);
          });
        });
      }),
    );
  });

  // BH divides p / (j / m) as statsmodels does and Holm multiplies (m − j + 1) · p; for the
  // smallest p-value the two are equal in exact arithmetic and may round one ulp apart.
  it('Benjamini-Hochberg never exceeds Holm (but for that last-place rounding)', () => {
    fc.assert(
      fc.property(family, (p) => {
        const bh = benjaminiHochbergAdjust(p);
        const holm = holmAdjust(p);
        p.forEach((pi, i) => {
          if (Number.isNaN(pi)) return;
          const ulp = Math.max(holm[i]! * Number.EPSILON, Number.MIN_VALUE);
          expect(bh[i]).toBeLessThanOrEqual(holm[i]! + ulp);
        });
      }),
      { numRuns: 2000 },
    );
  });
});
