import { checkBoolean } from '../classification/average-option.js';
import type { NumericInput } from '../input/numeric-column.js';
import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import { accumulateRegression, type RegressionOptions } from './regression-inputs.js';

/** Options of {@link meanSquaredError}. */
export interface MeanSquaredErrorOptions extends RegressionOptions {
  /**
   * scikit-learn 1.2's `squared` flag: false returns the RMSE. Prefer
   * {@link rootMeanSquaredError}. Default true.
   */
  readonly squared?: boolean;
}

/**
 * The option names of {@link meanSquaredError} and `meanSquaredLogError`.
 *
 * @example
 * ```ts
 * SQUARED_KEYS; // { sampleWeight: true, squared: true }
 * ```
 */
export const SQUARED_KEYS: OptionKeys<MeanSquaredErrorOptions> = {
  sampleWeight: true,
  squared: true,
};

/**
 * Mean squared error, as scikit-learn 1.2's `mean_squared_error`.
 *
 * @remarks
 * `MSE = Σ w_i (y_i − ŷ_i)² / Σ w_i`; with `squared: false`, `√MSE`.
 * Multi-output targets are out of scope: pass one output at a time.
 *
 * @param yTrue - true targets (finite numbers)
 * @param yPred - predictions, same length
 * @param options - `sampleWeight`, `squared`
 * @returns the weighted mean squared residual (or its root), ≥ 0
 * @throws {@link MetricInputError} `EMPTY_INPUT`, `LENGTH_MISMATCH`, `MISSING_VALUE`,
 *   `NON_FINITE_VALUE`, `INVALID_WEIGHT`
 * @example
 * ```ts
 * import { meanSquaredError } from '@assay/core-metrics';
 * meanSquaredError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.375
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.mean_squared_error.html
 */
export function meanSquaredError(
  yTrue: NumericInput,
  yPred: NumericInput,
  options: MeanSquaredErrorOptions = {},
): number {
  checkOptions(options, 'meanSquaredError', SQUARED_KEYS);
  const squared = checkBoolean(options.squared, true, 'options.squared');
  const acc = accumulateRegression(yTrue, yPred, options.sampleWeight);
  return squared ? acc.meanSquaredError() : acc.rootMeanSquaredError();
}
