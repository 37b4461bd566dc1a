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
 * Coefficient of determination R², as scikit-learn 1.2's `r2_score`.
 *
 * @remarks
 * `R² = 1 − Σ w_i (y_i − ŷ_i)² / Σ w_i (y_i − ȳ_w)²`. Fewer than two rows give NaN with an
 * `'UNDEFINED_METRIC'` warning, as scikit-learn.
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
 * @returns R², at most 1 (NaN for one row)
 * @throws {@link MetricInputError} `EMPTY_INPUT`, `LENGTH_MISMATCH`, `MISSING_VALUE`,
 *   `NON_FINITE_VALUE`, `INVALID_WEIGHT`
 * @example
 * ```ts
 * import { r2Score } from '@assay/core-metrics';
 * r2Score([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.9486…
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.r2_score.html
 */
export function r2Score(
  yTrue: NumericInput,
  yPred: NumericInput,
  options: RegressionOptions & ForceFiniteOptions = {},
): number {
  checkOptions(options, 'r2Score', FORCE_FINITE_REGRESSION_KEYS);
  const forceFinite = checkBoolean(options.forceFinite, true, 'options.forceFinite');
  return accumulateRegression(yTrue, yPred, options.sampleWeight).r2Score({ forceFinite });
}
