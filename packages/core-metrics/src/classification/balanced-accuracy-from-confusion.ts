import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import { emitMetricWarning } from '../warnings.js';
import { checkBoolean } from './average-option.js';

/**
 * The option names of `balancedAccuracyFrom{Confusion,Tallies}`.
 *
 * @example
 * ```ts
 * ADJUSTED_KEYS; // { adjusted: true }
 * ```
 */
export const ADJUSTED_KEYS: OptionKeys<{ adjusted?: boolean }> = { adjusted: true };

/**
 * Balanced accuracy (mean per-class recall) from a confusion matrix — the
 * implementation behind `balancedAccuracyScore`.
 *
 * @remarks
 * `BA = mean over classes with support of C[k][k] / Σ_p C[k][p]`; classes without true
 * rows are left out (with a warning, as scikit-learn does). With `adjusted`,
 * `(BA − 1/n) / (1 − 1/n)` for n scored classes, so chance scores 0 (and a single
 * scored class gives −∞ or NaN, as in scikit-learn). NaN when no class has support.
 *
 * @param counts - row-major K×K confusion counts
 * @param nClasses - K
 * @param options - `adjusted` (default false)
 * @returns the balanced accuracy
 * @throws {@link MetricInputError} `INVALID_OPTION` (unknown option, non-boolean adjusted)
 * @example
 * ```ts
 * import { balancedAccuracyFromConfusion } from '@assay/core-metrics';
 * balancedAccuracyFromConfusion(Float64Array.of(5, 1, 2, 2), 2); // 0.6666666666666667 ((5/6 + 2/4) / 2)
 * ```
 * @see sklearn.metrics.balanced_accuracy_score
 */
export function balancedAccuracyFromConfusion(
  counts: Float64Array,
  nClasses: number,
  options?: { adjusted?: boolean },
): number {
  // left out (as every hot caller does): nothing to check
  checkOptions(options, 'balancedAccuracyFromConfusion', ADJUSTED_KEYS);
  const adjusted = checkBoolean(options?.adjusted, false, 'options.adjusted');
  let sum = 0;
  let n = 0;
  for (let t = 0; t < nClasses; t++) {
    let row = 0;
    for (let p = 0; p < nClasses; p++) row += counts[t * nClasses + p]!;
    if (row === 0) continue;
    sum += counts[t * nClasses + t]! / row;
    n += 1;
  }
  if (n < nClasses) {
    emitMetricWarning({
      code: 'UNDEFINED_METRIC',
      metric: 'balancedAccuracyScore',
      message: `balancedAccuracyScore: ${nClasses - n} of ${nClasses} classes have no true rows (y_pred contains classes not in y_true); they are left out of the mean.`,
    });
  }
  let score = sum / n;
  if (adjusted) {
    const chance = 1 / n;
    score -= chance;
    score /= 1 - chance;
  }
  return score;
}
