import { checkOptions } from '../input/option-keys.js';
import { emitMetricWarning } from '../warnings.js';
import { checkBoolean } from './average-option.js';
import { ADJUSTED_KEYS } from './balanced-accuracy-from-confusion.js';
import { type LabelTallies, labelTallies } from './label-tallies.js';

/**
 * The tallies of every class of a K×K confusion matrix.
 *
 * @param counts - row-major K×K counts (row = true class)
 * @param nClasses - K
 * @returns tp, predicted (column sums) and actual (row sums) per class
 * @example
 * ```ts
 * import { confusionTallies } from '@assay/core-metrics';
 * confusionTallies(Float64Array.of(5, 1, 2, 2), 2); // { tp: [5, 2], predicted: [7, 3], actual: [6, 4] }
 * ```
 */
export function confusionTallies(counts: Float64Array, nClasses: number): LabelTallies {
  return labelTallies(
    counts,
    nClasses,
    Array.from({ length: nClasses }, (_, c) => c),
  );
}

function sumOf(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s;
}

/**
 * Accuracy from per-class tallies: `Σ tp / Σ actual`, as `accuracyFromConfusion`
 * on the matrix the tallies come from.
 *
 * @param tallies - tp, predicted and actual of every class
 * @returns the fraction of rows on the diagonal (NaN without rows)
 * @example
 * ```ts
 * import { accuracyFromTallies, confusionTallies } from '@assay/core-metrics';
 * accuracyFromTallies(confusionTallies(Float64Array.of(5, 1, 2, 2), 2)); // 0.7
 * ```
 * @see sklearn.metrics.accuracy_score
 */
export function accuracyFromTallies(tallies: LabelTallies): number {
  return sumOf(tallies.tp) / sumOf(tallies.actual);
}

/**
 * Balanced accuracy from per-class tallies, as `balancedAccuracyFromConfusion`.
 *
 * @remarks
 * `BA = mean over classes with support of tp_k / actual_k`; classes without true rows
 * are left out (with a warning, as scikit-learn does). With `adjusted`,
 * `(BA − 1/n) / (1 − 1/n)` for n scored classes.
 *
 * @param tallies - tp, predicted and actual of every class
 * @param options - `adjusted` (default false)
 * @returns the balanced accuracy (NaN when no class has support)
 * @throws {@link MetricInputError} `INVALID_OPTION` (unknown option, non-boolean adjusted)
 * @example
 * ```ts
 * import { balancedAccuracyFromTallies, confusionTallies } from '@assay/core-metrics';
 * balancedAccuracyFromTallies(confusionTallies(Float64Array.of(5, 1, 2, 2), 2)); // 0.6666666666666667
 * ```
 * @see sklearn.metrics.balanced_accuracy_score
 */
export function balancedAccuracyFromTallies(
  tallies: LabelTallies,
  options: { adjusted?: boolean } = {},
): number {
  checkOptions(options, 'balancedAccuracyFromTallies', ADJUSTED_KEYS);
  const adjusted = checkBoolean(options.adjusted, false, 'options.adjusted');
  const { tp, actual } = tallies;
  const nClasses = tp.length;
  let sum = 0;
  let n = 0;
  for (let k = 0; k < nClasses; k++) {
    if (actual[k] === 0) continue;
    sum += tp[k]! / actual[k]!;
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

/**
 * Matthews correlation coefficient (multiclass form) from per-class tallies, as
 * `matthewsCorrcoefFromConfusion`.
 *
 * @remarks
 * With `c = Σ tp`, `s` rows, `t_k` true and `p_k` predicted counts:
 * `MCC = (c·s − Σ t_k p_k) / sqrt((s² − Σ p_k²)(s² − Σ t_k²))`, 0 when the
 * denominator is 0 (Gorodkin 2004; scikit-learn's `matthews_corrcoef`).
 *
 * @param tallies - tp, predicted and actual of every class
 * @returns the coefficient in [−1, 1]
 * @example
 * ```ts
 * import { confusionTallies, matthewsCorrcoefFromTallies } from '@assay/core-metrics';
 * matthewsCorrcoefFromTallies(confusionTallies(Float64Array.of(5, 1, 2, 2), 2)); // 0.3563…
 * ```
 * @see sklearn.metrics.matthews_corrcoef
 */
export function matthewsCorrcoefFromTallies(tallies: LabelTallies): number {
  const { tp, predicted, actual } = tallies;
  let correct = 0;
  let samples = 0;
  let tpSum = 0;
  let pp = 0;
  let tt = 0;
  for (let k = 0; k < tp.length; k++) {
    const t = actual[k]!;
    const p = predicted[k]!;
    correct += tp[k]!;
    samples += p;
    tpSum += t * p;
    pp += p * p;
    tt += t * t;
  }
  const covYtYp = correct * samples - tpSum;
  const covYpYp = samples * samples - pp;
  const covYtYt = samples * samples - tt;
  if (covYpYp * covYtYt === 0) return 0;
  return covYtYp / Math.sqrt(covYtYt * covYpYp);
}

/**
 * Cohen's kappa (unweighted) from per-class tallies, as `cohenKappaFromConfusion`
 * without weights.
 *
 * @remarks
 * `κ = 1 − observed / expected` with `observed = s − Σ tp` (the disagreements) and
 * `expected = Σ_k p_k (s − t_k) / s`, the disagreements expected from the margins
 * (scikit-learn's `cohen_kappa_score` with `weights=None`).
 *
 * @param tallies - tp, predicted and actual of every class
 * @returns kappa (NaN when the margins leave no expected disagreement)
 * @example
 * ```ts
 * import { cohenKappaFromTallies, confusionTallies } from '@assay/core-metrics';
 * cohenKappaFromTallies(confusionTallies(Float64Array.of(5, 1, 2, 2), 2)); // 0.3478… (po 0.7, pe 0.54)
 * ```
 * @see sklearn.metrics.cohen_kappa_score
 */
export function cohenKappaFromTallies(tallies: LabelTallies): number {
  const { tp, predicted, actual } = tallies;
  const total = sumOf(predicted);
  const observed = total - sumOf(tp);
  let expected = 0;
  for (let k = 0; k < tp.length; k++) {
    expected += (predicted[k]! * (total - actual[k]!)) / total;
  }
  return 1 - observed / expected;
}
