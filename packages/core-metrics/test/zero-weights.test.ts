import { describe, expect, it } from 'vitest';
import {
  balancedAccuracyScore,
  explainedVarianceScore,
  maxError,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredError,
  medianAbsoluteError,
  RegressionAccumulator,
  r2Score,
  rootMeanSquaredError,
} from '../src/index.js';
import { thrown } from './support/thrown.js';

const yTrue = [1, 2, 3];
const yPred = [1, 5, 3];
const zeros = [0, 0, 0];

function zeroWeightAccumulator(): RegressionAccumulator {
  return new RegressionAccumulator({ keepResiduals: true }).update(
    Float64Array.from(yTrue),
    Float64Array.from(yPred),
    Float64Array.from(zeros),
  );
}

describe('all-zero sample weights', () => {
  it('maxError validates but ignores weights, as scikit-learn max_error takes none', () => {
    expect(maxError(yTrue, yPred, { sampleWeight: zeros })).toBe(3);
    expect(zeroWeightAccumulator().maxError()).toBe(3);
    expect(thrown(() => maxError(yTrue, yPred, { sampleWeight: [0, -1, 0] })).code).toBe(
      'INVALID_WEIGHT',
    );
    expect(thrown(() => maxError(yTrue, yPred, { sampleWeight: [0, 0] })).code).toBe(
      'LENGTH_MISMATCH',
    );
  });

  const WEIGHTED: readonly [string, (options: { sampleWeight: number[] }) => number][] = [
    ['meanAbsoluteError', (o) => meanAbsoluteError(yTrue, yPred, o)],
    ['meanSquaredError', (o) => meanSquaredError(yTrue, yPred, o)],
    ['rootMeanSquaredError', (o) => rootMeanSquaredError(yTrue, yPred, o)],
    ['meanAbsolutePercentageError', (o) => meanAbsolutePercentageError(yTrue, yPred, o)],
    ['medianAbsoluteError', (o) => medianAbsoluteError(yTrue, yPred, o)],
    ['r2Score', (o) => r2Score(yTrue, yPred, o)],
    ['explainedVarianceScore', (o) => explainedVarianceScore(yTrue, yPred, o)],
  ];

  it.each(WEIGHTED)(
    '%s raises INVALID_WEIGHT from the function and the accumulator, each worded for its caller',
    (name, fn) => {
      const fromFunction = thrown(() => fn({ sampleWeight: zeros }));
      const acc = zeroWeightAccumulator() as unknown as Record<string, () => number>;
      const fromAccumulator = thrown(() => acc[name]!.call(acc));
      expect(fromFunction.code).toBe('INVALID_WEIGHT');
      expect(fromFunction.path).toBe('options.sampleWeight');
      expect(fromFunction.message).toContain(
        `options.sampleWeight sums to 0 over 3 rows, so ${name} (`,
      );
      // the function's caller never saw the accumulator: it is not mentioned
      expect(fromFunction.message).not.toContain('RegressionAccumulator');
      expect(fromAccumulator.code).toBe(fromFunction.code);
      expect(fromAccumulator.path).toBe('weight');
      expect(fromAccumulator.message).toContain(
        `The weights given to RegressionAccumulator.update sum to 0 over 3 rows, so ${name}() (`,
      );
    },
  );

  it('an accumulator without rows is still EMPTY_INPUT', () => {
    expect(thrown(() => new RegressionAccumulator().meanAbsoluteError()).code).toBe('EMPTY_INPUT');
    expect(thrown(() => new RegressionAccumulator().maxError()).code).toBe('EMPTY_INPUT');
  });

  it('balancedAccuracyScore throws INVALID_WEIGHT instead of returning NaN', () => {
    for (const adjusted of [false, true]) {
      const e = thrown(() =>
        balancedAccuracyScore([1, 1], [1, 1], { sampleWeight: [0, 0], adjusted }),
      );
      expect(e.code).toBe('INVALID_WEIGHT');
      expect(e.path).toBe('options.sampleWeight');
      expect(e.message).toContain('balancedAccuracyScore');
      expect(e.message).not.toContain('normalize');
    }
    expect(balancedAccuracyScore([1, 0], [1, 1], { sampleWeight: [1, 0] })).toBe(1);
  });
});
