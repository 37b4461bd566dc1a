import type { NumericInput } from '../input/numeric-column.js';
import { checkOptions } from '../input/option-keys.js';
import {
  accumulateRegression,
  REGRESSION_KEYS,
  type RegressionOptions,
} from './regression-inputs.js';

/**
 * Maximum absolute residual, as scikit-learn 1.2's `max_error`.
 *
 * @remarks
 * `max_i |y_i − ŷ_i|`. `sampleWeight` is accepted for symmetry and validated but,
 * as scikit-learn's `max_error` takes none, does not change the result.
 * Multi-output targets are out of scope: pass one output at a time.
 *
 * @param yTrue - true targets (finite numbers)
 * @param yPred - predictions, same length
 * @param options - `sampleWeight` (finite, non-negative)
 * @returns the largest absolute residual
 * @throws {@link MetricInputError} `EMPTY_INPUT`, `LENGTH_MISMATCH`, `MISSING_VALUE`,
 *   `NON_FINITE_VALUE`, `INVALID_WEIGHT`
 * @example
 * ```ts
 * import { maxError } from '@assay/core-metrics';
 * maxError([3, 2, 7, 1], [4, 2, 7, 1]); // 1
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.max_error.html
 */
export function maxError(
  yTrue: NumericInput,
  yPred: NumericInput,
  options: RegressionOptions = {},
): number {
  checkOptions(options, 'maxError', REGRESSION_KEYS);
  return accumulateRegression(yTrue, yPred, options.sampleWeight).maxError();
}
