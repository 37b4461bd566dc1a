import { describe, expect, it } from 'vitest';
import {
  accuracyFromConfusion,
  balancedAccuracyFromConfusion,
  balancedAccuracyFromTallies,
  confusionTallies,
  explainedVarianceScore,
  logLoss,
  meanSquaredError,
  meanSquaredLogError,
  RegressionAccumulator,
  r2Score,
  rocCurve,
  topKAccuracyScore,
} from '../src/index.js';
import { thrown } from './support/thrown.js';

// biome-ignore lint/suspicious/noExplicitAny: the table passes deliberately wrong values
type Call = (value: any) => unknown;

const counts = Float64Array.of(2, 0, 1, 1);
const acc = new RegressionAccumulator().update(Float64Array.of(1, 2, 3), Float64Array.of(1, 2, 4));

const BOOLEAN_OPTIONS: readonly [string, string, Call][] = [
  ['meanSquaredError', 'squared', (v) => meanSquaredError([1, 2], [1, 3], { squared: v })],
  ['meanSquaredLogError', 'squared', (v) => meanSquaredLogError([1, 2], [1, 3], { squared: v })],
  ['r2Score', 'forceFinite', (v) => r2Score([1, 2], [1, 3], { forceFinite: v })],
  [
    'explainedVarianceScore',
    'forceFinite',
    (v) => explainedVarianceScore([1, 2], [1, 3], { forceFinite: v }),
  ],
  [
    'RegressionAccumulator',
    'keepResiduals',
    (v) => new RegressionAccumulator({ keepResiduals: v }),
  ],
  ['RegressionAccumulator', 'squaredLog', (v) => new RegressionAccumulator({ squaredLog: v })],
  ['RegressionAccumulator.r2Score', 'forceFinite', (v) => acc.r2Score({ forceFinite: v })],
  [
    'RegressionAccumulator.explainedVarianceScore',
    'forceFinite',
    (v) => acc.explainedVarianceScore({ forceFinite: v }),
  ],
  ['logLoss', 'normalize', (v) => logLoss([0, 1], [0.2, 0.7], { normalize: v })],
  [
    'topKAccuracyScore',
    'normalize',
    (v) =>
      topKAccuracyScore(
        [0, 1, 2],
        [
          [0.5, 0.3, 0.2],
          [0.2, 0.5, 0.3],
          [0.3, 0.2, 0.5],
        ],
        { normalize: v },
      ),
  ],
  ['rocCurve', 'dropIntermediate', (v) => rocCurve([0, 1], [0.2, 0.7], { dropIntermediate: v })],
  ['accuracyFromConfusion', 'normalize', (v) => accuracyFromConfusion(counts, 2, { normalize: v })],
  [
    'balancedAccuracyFromConfusion',
    'adjusted',
    (v) => balancedAccuracyFromConfusion(counts, 2, { adjusted: v }),
  ],
  [
    'balancedAccuracyFromTallies',
    'adjusted',
    (v) => balancedAccuracyFromTallies(confusionTallies(counts, 2), { adjusted: v }),
  ],
];

describe('boolean options accept only true and false', () => {
  it.each(BOOLEAN_OPTIONS)('%s refuses a non-boolean %s', (_name, option, call) => {
    for (const bad of ['no', 'yes', 0, 1, null]) {
      const e = thrown(() => call(bad));
      expect(e.code).toBe('INVALID_OPTION');
      expect(e.path).toBe(`options.${option}`);
      expect(e.message).toContain('it must be true or false');
    }
    expect(() => call(true)).not.toThrow();
    expect(() => call(false)).not.toThrow();
  });

  it("squared: 0 no longer gives the RMSE and 'no' no longer the MSE", () => {
    expect(meanSquaredError([0, 0], [1, 3], { squared: false })).toBe(Math.sqrt(5));
    expect(thrown(() => meanSquaredError([0, 0], [1, 3], { squared: 0 as never })).code).toBe(
      'INVALID_OPTION',
    );
  });
});
