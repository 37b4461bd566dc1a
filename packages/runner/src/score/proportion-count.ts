import { positiveIndex } from '../metrics/confusion-metrics.js';
import type { ScoreColumns } from './score-columns.js';
import { countShares, type ProportionCount, shareCounter } from './share-count.js';

export type { ProportionCount } from './share-count.js';

/** The rows of one slice value (`ids[i] === value`), or null for every row. */
export type CountSelection = { readonly ids: Int32Array; readonly value: number } | null;

/**
 * The count behind a proportion metric of `assay score` on a set of rows ({@link shareCounter}):
 * binary metrics read the positive class as the metric itself does (`positiveIndex`); micro
 * averages range over the `labels` option, else over every class (then micro recall and
 * precision are accuracy).
 *
 * @param metric - the registry name of the metric
 * @param columns - the job's columns (classification, in class codes)
 * @param selection - the rows counted: a slice's, or null for all
 * @returns the count, or null when the metric is no share of a count, the task is not
 *   classification, or the rows carry weights (a share of weights is no binomial count)
 * @example
 * const { columns } = prepareColumns({ yTrue: [0, 1, 1, 0], yPred: [0, 1, 0, 0] });
 * proportionCount('accuracy', columns, null); // { successes: 3, trials: 4 }
 */
export function proportionCount(
  metric: string,
  columns: ScoreColumns,
  selection: CountSelection,
): ProportionCount | null {
  if (columns.task !== 'classification' || columns.weight !== null) return null;
  const labels = columns.labelSet?.indices ?? columns.classes.map((_, i) => i);
  const counter = shareCounter(metric, labels, () => {
    let positive: number;
    try {
      positive = positiveIndex(columns, metric);
    } catch {
      // no positive class to read: the metric itself had none either
      return null;
    }
    const negative = labels.find((i) => i !== positive);
    return negative === undefined ? { positive } : { positive, negative };
  });
  if (counter === null) return null;
  const keep = selection === null ? null : (i: number) => selection.ids[i] === selection.value;
  const { yTrue, yPred } = columns;
  return countShares(counter, yTrue.subarray(0, columns.n), yPred.subarray(0, columns.n), keep);
}
