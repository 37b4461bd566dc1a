import type { NumericInput } from '../input/numeric-column.js';
import { checkOptions } from '../input/option-keys.js';
import {
  accumulateRegression,
  REGRESSION_KEYS,
  type RegressionOptions,
} from './regression-inputs.js';

/**
 * Mean absolute percentage error, as scikit-learn 1.2's `mean_absolute_percentage_error`.
 *
 * @remarks
 * `MAPE = Σ w_i |y_i − ŷ_i| / max(|y_i|, ε) / Σ w_i` with ε = 2.220446049250313e-16
 * (float64 machine epsilon, as scikit-learn): a fraction, not a percentage, and
 * huge (not infinite) when some `y_i = 0`.
 * Multi-output targets are out of scope: pass one output at a time.
 *
 * @param yTrue - true targets (finite numbers)
 * @param yPred - predictions, same length
 * @param options - `sampleWeight` (finite, non-negative)
 * @returns the weighted mean relative error, ≥ 0
 * @throws {@link MetricInputError} `EMPTY_INPUT`, `LENGTH_MISMATCH`, `MISSING_VALUE`,
 *   `NON_FINITE_VALUE`, `INVALID_WEIGHT`
 * @example
 * ```ts
 * import { meanAbsolutePercentageError } from '@assay/core-metrics';
 * meanAbsolutePercentageError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.3273…
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.mean_absolute_percentage_error.html
 */
export function meanAbsolutePercentageError(
  yTrue: NumericInput,
  yPred: NumericInput,
  options: RegressionOptions = {},
): number {
  checkOptions(options, 'meanAbsolutePercentageError', REGRESSION_KEYS);
  return accumulateRegression(yTrue, yPred, options.sampleWeight).meanAbsolutePercentageError();
}
