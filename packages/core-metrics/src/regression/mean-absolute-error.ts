import type { NumericInput } from '../input/numeric-column.js';
import { checkOptions } from '../input/option-keys.js';
import {
  accumulateRegression,
  REGRESSION_KEYS,
  type RegressionOptions,
} from './regression-inputs.js';

/**
 * Mean absolute error, as scikit-learn 1.2's `mean_absolute_error`.
 *
 * @remarks
 * `MAE = Σ w_i |y_i − ŷ_i| / Σ w_i`.
 * Multi-output targets are out of scope: pass one output at a time.
 *
 * @param yTrue - true targets (finite numbers)
 * @param yPred - predictions, same length
 * @param options - `sampleWeight` (finite, non-negative)
 * @returns the weighted mean absolute residual, ≥ 0
 * @throws {@link MetricInputError} `EMPTY_INPUT`, `LENGTH_MISMATCH`, `MISSING_VALUE`,
 *   `NON_FINITE_VALUE`, `INVALID_WEIGHT`
 * @example
 * ```ts
 * import { meanAbsoluteError } from '@assay/core-metrics';
 * meanAbsoluteError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.5
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.mean_absolute_error.html
 */
export function meanAbsoluteError(
  yTrue: NumericInput,
  yPred: NumericInput,
  options: RegressionOptions = {},
): number {
  checkOptions(options, 'meanAbsoluteError', REGRESSION_KEYS);
  return accumulateRegression(yTrue, yPred, options.sampleWeight).meanAbsoluteError();
}
