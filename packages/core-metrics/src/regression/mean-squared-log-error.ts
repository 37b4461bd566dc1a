import { RegressionAccumulator } from '../accumulators/regression-accumulator.js';
import { markOneShot } from '../accumulators/zero-weight-error.js';
import { checkBoolean } from '../classification/average-option.js';
import { MetricInputError } from '../errors.js';
import type { NumericInput } from '../input/numeric-column.js';
import { checkOptions } from '../input/option-keys.js';
import { type MeanSquaredErrorOptions, SQUARED_KEYS } from './mean-squared-error.js';
import { regressionColumns } from './regression-inputs.js';

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
 * @throws {@link MetricInputError} `NEGATIVE_VALUE` (naming `yTrue` or `yPred` and the row
 *   of its first negative value), `EMPTY_INPUT`, `LENGTH_MISMATCH`,
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
  const { t, p, w } = regressionColumns(yTrue, yPred, options.sampleWeight);
  const accumulator = markOneShot(new RegressionAccumulator()).update(t, p, w, null);
  let msle: number;
  try {
    msle = accumulator.meanSquaredLogError();
  } catch (error) {
    // the accumulator knows only the smallest value seen; the columns tell whose it is
    if (error instanceof MetricInputError && error.code === 'NEGATIVE_VALUE') {
      throw negativeValueError(t, p);
    }
    throw error;
  }
  return squared ? msle : Math.sqrt(msle);
}

/** The error naming the first negative value: in yTrue if it has one, else in yPred. */
function negativeValueError(t: Float64Array, p: Float64Array): MetricInputError {
  let [argument, column] = ['yTrue', t];
  let row = t.findIndex((v) => v < 0);
  if (row < 0) {
    [argument, column] = ['yPred', p];
    row = p.findIndex((v) => v < 0);
  }
  return new MetricInputError(
    'NEGATIVE_VALUE',
    `${argument} has ${column[row]} at row ${row}; meanSquaredLogError takes ln(1 + value), so yTrue and yPred must be ≥ 0 (scikit-learn: "Mean Squared Logarithmic Error cannot be used when targets contain negative values").`,
    argument,
  );
}
