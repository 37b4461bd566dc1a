import type { ForceFiniteOptions } from '../accumulators/regression-accumulator.js';
import { checkBoolean } from '../classification/average-option.js';
import type { NumericInput } from '../input/numeric-column.js';
import { checkOptions } from '../input/option-keys.js';
import {
  accumulateRegression,
  FORCE_FINITE_REGRESSION_KEYS,
  type RegressionOptions,
} from './regression-inputs.js';

/**
 * Explained variance score, as scikit-learn 1.2's `explained_variance_score`.
 *
 * @remarks
 * `EV = 1 − Var_w(y − ŷ) / Var_w(y)` (weighted population variances).
 * With `forceFinite` (default true), a constant `yTrue` (zero denominator)
 * gives 1 for perfect predictions and 0 otherwise, instead of NaN / −Infinity;
 * a zero numerator always gives 1. The variances are weighted moments with an
 * exact two-pass mean per block (see {@link RegressionAccumulator}), so they
 * agree with scikit-learn's two-pass numpy result to ~1e-15 relative.
 * Multi-output targets are out of scope: pass one output at a time.
 *
 * @param yTrue - true targets (finite numbers)
 * @param yPred - predictions, same length
 * @param options - `sampleWeight`, `forceFinite`
 * @returns the explained variance, at most 1
 * @throws {@link MetricInputError} `EMPTY_INPUT`, `LENGTH_MISMATCH`, `MISSING_VALUE`,
 *   `NON_FINITE_VALUE`, `INVALID_WEIGHT`
 * @example
 * ```ts
 * import { explainedVarianceScore } from '@assay/core-metrics';
 * explainedVarianceScore([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.9571…
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.explained_variance_score.html
 */
export function explainedVarianceScore(
  yTrue: NumericInput,
  yPred: NumericInput,
  options: RegressionOptions & ForceFiniteOptions = {},
): number {
  checkOptions(options, 'explainedVarianceScore', FORCE_FINITE_REGRESSION_KEYS);
  const forceFinite = checkBoolean(options.forceFinite, true, 'options.forceFinite');
  return accumulateRegression(yTrue, yPred, options.sampleWeight).explainedVarianceScore({
    forceFinite,
  });
}
