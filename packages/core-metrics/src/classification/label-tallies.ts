import { MetricInputError } from '../errors.js';
import type { Label } from '../input/encode-labels.js';
import { emitMetricWarning } from '../warnings.js';
import type { Average } from './average-option.js';

/**
 * Per-label one-vs-rest tallies of a confusion matrix: all that the accuracy,
 * balanced accuracy, precision, recall, F, Jaccard, Matthews and (unweighted)
 * Cohen's kappa metrics read, in 3·K numbers instead of K².
 *
 * @example
 * ```ts
 * import type { LabelTallies } from '@assay/core-metrics';
 * // [[5, 1], [2, 2]] (rows = true class)
 * const tallies: LabelTallies = {
 *   tp: Float64Array.of(5, 2),
 *   predicted: Float64Array.of(7, 3),
 *   actual: Float64Array.of(6, 4),
 * };
 * ```
 */
export interface LabelTallies {
  /** True positives `C[l][l]`. */
  readonly tp: Float64Array;
  /** Predicted count (column sum) = tp + fp. */
  readonly predicted: Float64Array;
  /** True count (row sum) = tp + fn, the support. */
  readonly actual: Float64Array;
}

/**
 * Resolves which class indices a set-wise metric reports: `[posLabel]` for
 * `'binary'`, else `labels` or every class.
 *
 * @param nClasses - K
 * @param average - the average
 * @param labels - class indices, or undefined for all
 * @param posLabel - class index of the positive class for `'binary'`
 * @returns the class indices, in report order
 * @throws {@link MetricInputError} `INVALID_OPTION` for an index outside `[0, K)`
 * @example
 * ```ts
 * selectLabelIndices(3, 'macro', undefined, 1); // [0, 1, 2]
 * selectLabelIndices(3, null, [2, 0], 1); // [2, 0]
 * selectLabelIndices(3, 'binary', [2, 0], 1); // [1] (labels ignored)
 * ```
 */
export function selectLabelIndices(
  nClasses: number,
  average: Average | null,
  labels: readonly number[] | undefined,
  posLabel: number,
): number[] {
  const chosen = average === 'binary' ? [posLabel] : labels ? [...labels] : null;
  if (chosen === null) return Array.from({ length: nClasses }, (_, i) => i);
  chosen.forEach((index, i) => {
    if (!Number.isInteger(index) || index < 0 || index >= nClasses) {
      throw new MetricInputError(
        'INVALID_OPTION',
        `${average === 'binary' ? 'options.posLabel' : `options.labels[${i}]`} is the class index ${index}; class indices must be integers in [0, ${nClasses - 1}].`,
        average === 'binary' ? 'options.posLabel' : 'options.labels',
      );
    }
  });
  return chosen;
}

/**
 * Reads one-vs-rest tallies for the chosen classes off a row-major confusion matrix.
 *
 * @param counts - K×K counts, row = true class
 * @param nClasses - K
 * @param indices - class indices to tally, in output order
 * @returns tp, predicted and actual counts per chosen class
 * @example
 * ```ts
 * const t = labelTallies(Float64Array.of(5, 1, 2, 2), 2, [1, 0]); // [[5, 1], [2, 2]]
 * [t.tp, t.predicted, t.actual]; // [[2, 5], [3, 7], [4, 6]]
 * ```
 */
export function labelTallies(
  counts: Float64Array,
  nClasses: number,
  indices: readonly number[],
): LabelTallies {
  const n = indices.length;
  const tp = new Float64Array(n);
  const predicted = new Float64Array(n);
  const actual = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const c = indices[j]!;
    let row = 0;
    let col = 0;
    for (let k = 0; k < nClasses; k++) {
      row += counts[c * nClasses + k]!;
      col += counts[k * nClasses + c]!;
    }
    tp[j] = counts[c * nClasses + c]!;
    predicted[j] = col;
    actual[j] = row;
  }
  return { tp, predicted, actual };
}

/**
 * The tallies of the chosen classes, in the given order, from the tallies of every class.
 *
 * @param tallies - tp, predicted and actual of every class
 * @param indices - class indices to keep, in output order (checked by the caller)
 * @returns the chosen classes' tallies
 * @example
 * ```ts
 * const all = { tp: Float64Array.of(5, 2, 0), predicted: Float64Array.of(7, 3, 1), actual: Float64Array.of(6, 4, 0) };
 * const t = pickTallies(all, [2, 0]);
 * [t.tp, t.predicted, t.actual]; // [[0, 5], [1, 7], [0, 6]]
 * ```
 */
export function pickTallies(tallies: LabelTallies, indices: readonly number[]): LabelTallies {
  const pick = (from: Float64Array) => Float64Array.from(indices, (c) => from[c]!);
  return { tp: pick(tallies.tp), predicted: pick(tallies.predicted), actual: pick(tallies.actual) };
}

/**
 * Publishes an `UNDEFINED_METRIC` warning in the words of scikit-learn's
 * `UndefinedMetricWarning`.
 *
 * @param metric - the metric name
 * @param subject - e.g. `'Precision is'`
 * @param modifier - e.g. `'predicted'`
 * @param where - the affected labels (names or indices); empty for a single pooled value
 * @example
 * ```ts
 * const messages = [];
 * const off = onMetricWarning((w) => messages.push(w.message));
 * warnUndefined('precisionScore', 'Precision is', 'predicted', ['b']);
 * off();
 * messages; // ['precisionScore: Precision is ill-defined and being set to 0.0 in labels with no predicted samples ("b"). Use …']
 * ```
 */
export function warnUndefined(
  metric: string,
  subject: string,
  modifier: string,
  where: readonly (Label | number)[],
): void {
  const place =
    where.length === 0
      ? `due to no ${modifier} samples`
      : `in labels with no ${modifier} samples (${where.map((w) => JSON.stringify(w)).join(', ')})`;
  emitMetricWarning({
    code: 'UNDEFINED_METRIC',
    metric,
    message: `${metric}: ${subject} ill-defined and being set to 0.0 ${place}. Use the zeroDivision option to control this behavior.`,
  });
}
