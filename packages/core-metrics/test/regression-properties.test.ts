import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  explainedVarianceScore,
  maxError,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredError,
  meanSquaredLogError,
  medianAbsoluteError,
  RegressionAccumulator,
  r2Score,
} from '../src/index.js';
import { expectClose } from './fixture-cases.js';

// Values below 1e-6 are flushed to 0: squares of ~1e-160 residuals underflow to 0 in one
// summation order and not another, a limit of float64 rather than of the merge.
const value = fc.double({ min: 0, max: 1e4, noNaN: true }).map((v) => (v < 1e-6 ? 0 : v));

const rowsArb = fc.array(
  fc.record({
    y: value,
    p: value,
    w: fc.double({ min: 0.01, max: 10, noNaN: true }),
  }),
  { minLength: 3, maxLength: 300 },
);

const METHODS = [
  'meanAbsoluteError',
  'meanSquaredError',
  'rootMeanSquaredError',
  'meanSquaredLogError',
  'maxError',
  'r2Score',
  'explainedVarianceScore',
  'meanAbsolutePercentageError',
  'medianAbsoluteError',
] as const;

/** Σy² / Σ(y − ȳ)²: how much a sum of squared deviations loses to rounding (∞ when constant). */
function conditionOf(y: Float64Array): number {
  let mean = 0;
  for (const v of y) mean += v / y.length;
  let raw = 0;
  let central = 0;
  for (const v of y) {
    raw += v * v;
    central += (v - mean) ** 2;
  }
  return central === 0 ? Number.POSITIVE_INFINITY : raw / central;
}

describe('RegressionAccumulator', () => {
  it('merged chunks (any split, any merge order, through JSON) equal the whole', () => {
    fc.assert(
      fc.property(
        rowsArb,
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (rows, cutSeeds, weighted) => {
          const yTrue = Float64Array.from(rows, (r) => r.y);
          const yPred = Float64Array.from(rows, (r) => r.p);
          const weight = weighted ? Float64Array.from(rows, (r) => r.w) : null;
          const whole = new RegressionAccumulator({ keepResiduals: true }).update(
            yTrue,
            yPred,
            weight,
          );
          const cuts = [...new Set([0, ...cutSeeds.map((c) => c % rows.length), rows.length])].sort(
            (a, b) => a - b,
          );
          const parts = cuts.slice(1).map((end, i) => {
            const rowsOf = Uint32Array.from({ length: end - cuts[i]! }, (_, j) => cuts[i]! + j);
            return new RegressionAccumulator({ keepResiduals: true }).update(
              yTrue,
              yPred,
              weight,
              rowsOf,
            );
          });
          const merged = RegressionAccumulator.fromJSON(
            JSON.parse(JSON.stringify(parts.reduceRight((acc, part) => acc.merge(part)))),
          );
          for (const method of METHODS) {
            const a = merged[method]();
            const b = whole[method]();
            if (method === 'r2Score' || method === 'explainedVarianceScore') {
              // 1 − ratio: compare the ratio's scale, not the (possibly tiny) difference. The
              // ratio's denominator is a sum of squared deviations, which merging central
              // moments gets to about κ·ε relative, κ = Σy² / Σ(y − ȳ)²: near-constant large
              // values (9999.999998, 9999.999087, ...) have κ ~ 1e20 and merged a 1.0e-9
              // relative difference; 1e-9 holds for κ up to 1e6. Past κ·ε = 1e-3 neither the
              // whole's nor the merged value has three correct digits (9999.9999999 ± 2e-9
              // against a prediction of 0: κ ~ 1e26, r2 ~ −1e20, and the two differed by 1.0e-6
              // relative), so there is nothing to compare.
              const relative = Math.max(1e-9, 1e-15 * conditionOf(yTrue));
              if (relative < 1e-3) {
                expect(Math.abs(a - b)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(b)));
              }
            } else {
              expectClose(a, b, method);
            }
          }
        },
      ),
    );
  });

  it('public functions give the accumulator values', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const y = rows.map((r) => r.y);
        const p = rows.map((r) => r.p);
        const acc = new RegressionAccumulator({ keepResiduals: true }).update(
          Float64Array.from(y),
          Float64Array.from(p),
        );
        expect(meanAbsoluteError(y, p)).toBe(acc.meanAbsoluteError());
        expect(meanSquaredError(y, p)).toBe(acc.meanSquaredError());
        expect(meanSquaredLogError(y, p)).toBe(acc.meanSquaredLogError());
        expect(maxError(y, p)).toBe(acc.maxError());
        expect(r2Score(y, p)).toBe(acc.r2Score());
        expect(explainedVarianceScore(y, p)).toBe(acc.explainedVarianceScore());
        expect(meanAbsolutePercentageError(y, p)).toBe(acc.meanAbsolutePercentageError());
        expect(medianAbsoluteError(y, p)).toBe(acc.medianAbsoluteError());
      }),
    );
  });

  it('without the squared log differences (squaredLog: false) every other metric is the same, bit for bit, also merged through JSON', () => {
    const others = METHODS.filter((m) => m !== 'meanSquaredLogError');
    fc.assert(
      fc.property(rowsArb, fc.boolean(), (rows, weighted) => {
        // negative values too: they only make MSLE an error
        const yTrue = Float64Array.from(rows, (r, i) => (i % 3 === 0 ? -r.y : r.y));
        const yPred = Float64Array.from(rows, (r) => r.p);
        const weight = weighted ? Float64Array.from(rows, (r) => r.w) : null;
        const full = new RegressionAccumulator({ keepResiduals: true });
        const lean = new RegressionAccumulator({ keepResiduals: true, squaredLog: false });
        const half = rows.length >> 1;
        const first = Uint32Array.from({ length: half }, (_, i) => i);
        const second = Uint32Array.from({ length: rows.length - half }, (_, i) => half + i);
        full.update(yTrue, yPred, weight);
        lean.update(yTrue, yPred, weight, first);
        const rest = new RegressionAccumulator({ keepResiduals: true, squaredLog: false });
        rest.update(yTrue, yPred, weight, second);
        const merged = RegressionAccumulator.fromJSON(JSON.parse(JSON.stringify(lean.merge(rest))));
        const whole = new RegressionAccumulator({ keepResiduals: true, squaredLog: false });
        whole.update(yTrue, yPred, weight);
        for (const method of others) {
          expect(whole[method](), method).toBe(full[method]());
          expectClose(merged[method](), full[method](), method);
        }
        expect(merged.toJSON().sumSquaredLog).toBeNull();
        for (const acc of [whole, merged]) {
          expect(() => acc.meanSquaredLogError()).toThrow(
            expect.objectContaining({ code: 'INVALID_STATE', path: 'squaredLog' }),
          );
        }
      }),
    );
  });

  it('stays accurate with a huge offset (no cancellation in the moments)', () => {
    const n = 10_000;
    const y = Float64Array.from({ length: n }, (_, i) => 1e9 + (i % 10));
    const p = Float64Array.from(y, (v, i) => v + ((i % 7) - 3) * 0.5);
    let mean = 0;
    for (const v of y) mean += v - 1e9;
    mean /= n;
    let ss = 0;
    let sr = 0;
    for (let i = 0; i < n; i++) {
      ss += (y[i]! - 1e9 - mean) ** 2;
      sr += (y[i]! - p[i]!) ** 2;
    }
    const halves = [0, 1].map((h) =>
      new RegressionAccumulator().update(
        y,
        p,
        null,
        Uint32Array.from({ length: n / 2 }, (_, i) => h * (n / 2) + i),
      ),
    );
    expectClose(halves[0]!.merge(halves[1]!).r2Score(), 1 - sr / ss, 'r2');
  });
});
