import type { ScoreColumns } from './score-columns.js';
import { selectionWeights } from './selection-weights.js';

/**
 * The warning for metrics whose whole-set value is undefined (null in the report), with the
 * reason that can be told from the columns: scikit-learn raises or warns in these cases, and a
 * bare null in a table read as a missing feature, not as a property of the data.
 *
 * @param names - the job's metric names
 * @param overall - their whole-set values (NaN where undefined)
 * @param columns - the scored columns
 * @returns the warning, or undefined when every value is defined
 * @example
 * ```ts
 * const { columns } = prepareColumns({ yTrue: [1, 1], yPred: [1, 1], yScore: [0.2, 0.8] });
 * undefinedMetricsWarning(['accuracy', 'roc_auc'], Float64Array.of(1, Number.NaN), columns);
 * // 'roc_auc is undefined on the whole set (null): y_true holds one class only, …'
 * ```
 */
export function undefinedMetricsWarning(
  names: readonly string[],
  overall: Float64Array,
  columns: ScoreColumns,
): string | undefined {
  const missing = names.filter((_, j) => !Number.isFinite(overall[j]!));
  if (missing.length === 0) return undefined;
  if (selectionWeights(columns)?.total[0] === 0) {
    // one warning for the whole job: every slice and fold is of weight 0 too
    return 'Every weight is 0, so no row counts: no metric has a value (null), on the whole set or on any slice or fold.';
  }
  const which = `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} undefined on the whole set (null)`;
  if (columns.n < 2) return `${which}: ${columns.n} row is too few for such a metric.`;
  if (columns.task === 'classification' && trueClassCount(columns.yTrue) < 2) {
    return `${which}: y_true holds one class only, where a ranking or correlation metric has no value (scikit-learn warns or raises here).`;
  }
  return `${which} on these rows.`;
}

/** How many distinct codes y_true holds, stopping at 2. */
function trueClassCount(codes: Int32Array): number {
  let first = -1;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c < 0) continue;
    if (first < 0) first = c;
    else if (c !== first) return 2;
  }
  return first < 0 ? 0 : 1;
}
