import { checkBoolean } from '../classification/average-option.js';
import type { NumericInput } from '../input/numeric-column.js';
import { checkOptions } from '../input/option-keys.js';
import { type MeanSquaredErrorOptions, SQUARED_KEYS } from './mean-squared-error.js';
import { accumulateRegression } from './regression-inputs.js';

/**
 * Mean squared logarithmic error, as scikit-learn 1.2's `mean_squared_log_error`.
 *
 * @remarks
 * `MSLE = Σ w_i (ln(1 + y_i) − ln(1 + ŷ_i))² / Σ w_i`; with `squared: false`,
 * its square root. Negative targets or predictions are rejected, as scikit-learn.
 *
 * @param yTrue - true targets, ≥ 0
 * @param yPred - predictions, ≥ 0
 * @param options - `sampleWeight`, `squared`
 * @returns the MSLE (or its root), ≥ 0
 * @throws {@link MetricInputError} `NEGATIVE_VALUE`, `EMPTY_INPUT`, `LENGTH_MISMATCH`,
 *   `MISSING_VALUE`, `NON_FINITE_VALUE`, `INVALID_WEIGHT`
 * @example
 * ```ts
 * import { meanSquaredLogError } from '@assay/core-metrics';
 * meanSquaredLogError([3, 5, 2.5, 7], [2.5, 5, 4, 8]); // 0.03973…
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.mean_squared_log_error.html
 */
export function meanSquaredLogError(
  yTrue: NumericInput,
  yPred: NumericInput,
  options: MeanSquaredErrorOptions = {},
): number {
  checkOptions(options, 'meanSquaredLogError', SQUARED_KEYS);
  const squared = checkBoolean(options.squared, true, 'options.squared');
  const msle = accumulateRegression(yTrue, yPred, options.sampleWeight).meanSquaredLogError();
  return squared ? msle : Math.sqrt(msle);
}
