import type { NumericInput } from '../input/numeric-column.js';
import { checkOptions } from '../input/option-keys.js';
import {
  accumulateRegression,
  REGRESSION_KEYS,
  type RegressionOptions,
} from './regression-inputs.js';

/**
 * Median absolute error, as scikit-learn 1.2's `median_absolute_error`.
 *
 * @remarks
 * Unweighted: the median of `|y_i − ŷ_i|` (mean of the two middle values for an
 * even count). Weighted: scikit-learn's `_weighted_percentile` at 50 — the
 * smallest |r| whose cumulative weight (in |r| order) reaches half the total.
 * Not mergeable: {@link RegressionAccumulator} answers it only with
 * `keepResiduals: true`, from the gathered residuals.
 *
 * @param yTrue - true targets (finite numbers)
 * @param yPred - predictions, same length
 * @param options - `sampleWeight` (finite, non-negative)
 * @returns the (weighted) median absolute residual
 * @throws {@link MetricInputError} `EMPTY_INPUT`, `LENGTH_MISMATCH`, `MISSING_VALUE`,
 *   `NON_FINITE_VALUE`, `INVALID_WEIGHT`
 * @example
 * ```ts
 * import { medianAbsoluteError } from '@assay/core-metrics';
 * medianAbsoluteError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.5
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.median_absolute_error.html
 */
export function medianAbsoluteError(
  yTrue: NumericInput,
  yPred: NumericInput,
  options: RegressionOptions = {},
): number {
  checkOptions(options, 'medianAbsoluteError', REGRESSION_KEYS);
  return accumulateRegression(yTrue, yPred, options.sampleWeight, true).medianAbsoluteError();
}
