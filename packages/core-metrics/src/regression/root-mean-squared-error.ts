import type { NumericInput } from '../input/numeric-column.js';
import { checkOptions } from '../input/option-keys.js';
import {
  accumulateRegression,
  REGRESSION_KEYS,
  type RegressionOptions,
} from './regression-inputs.js';

/**
 * Root mean squared error (scikit-learn 1.2: `mean_squared_error(squared=False)`), as scikit-learn 1.2's `mean_squared_error`.
 *
 * @remarks
 * `RMSE = √(Σ w_i (y_i − ŷ_i)² / Σ w_i)`.
 * Multi-output targets are out of scope: pass one output at a time.
 *
 * @param yTrue - true targets (finite numbers)
 * @param yPred - predictions, same length
 * @param options - `sampleWeight` (finite, non-negative)
 * @returns the root of the weighted mean squared residual, ≥ 0
 * @throws {@link MetricInputError} `EMPTY_INPUT`, `LENGTH_MISMATCH`, `MISSING_VALUE`,
 *   `NON_FINITE_VALUE`, `INVALID_WEIGHT`
 * @example
 * ```ts
 * import { rootMeanSquaredError } from '@assay/core-metrics';
 * rootMeanSquaredError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.6123…
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.mean_squared_error.html
 */
export function rootMeanSquaredError(
  yTrue: NumericInput,
  yPred: NumericInput,
  options: RegressionOptions = {},
): number {
  checkOptions(options, 'rootMeanSquaredError', REGRESSION_KEYS);
  return accumulateRegression(yTrue, yPred, options.sampleWeight).rootMeanSquaredError();
}
