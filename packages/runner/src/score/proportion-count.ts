import { positiveIndex } from '../metrics/confusion-metrics.js';
import type { ScoreColumns } from './score-columns.js';

/** A share of a known count: `successes` of `trials`. */
export interface ProportionCount {
  /** rows counted as successes (right answers, true positives, false positives) */
  readonly successes: number;
  /** rows the share is taken over (all rows, actual or predicted positives, negatives) */
  readonly trials: number;
}

/** The rows of one slice value (`ids[i] === value`), or null for every row. */
export type CountSelection = { readonly ids: Int32Array; readonly value: number } | null;

/** Whether a row (true code `t`, predicted code `p`) is in the denominator, and a success. */
type Counter = (t: number, p: number) => [boolean, boolean];

/**
 * Per metric, the counter of a job's columns, or null when the metric is no share of a
 * count. Binary metrics read the positive class as the metric itself does (`positiveIndex`);
 * micro averages range over the `labels` option, else over every class (then micro recall and
 * precision are accuracy).
 */
function counterOf(metric: string, columns: ScoreColumns): Counter | null {
  const labels = columns.labelSet?.indices ?? columns.classes.map((_, i) => i);
  const inLabels = new Set(labels);
  if (metric === 'accuracy') return (t, p) => [true, t === p];
  if (metric === 'recall_micro') return (t, p) => [inLabels.has(t), t === p];
  if (metric === 'precision_micro') return (t, p) => [inLabels.has(p), t === p];
  if (metric !== 'recall' && metric !== 'precision' && metric !== 'false_positive_rate') {
    return null;
  }
  const pos = positiveIndex(columns, metric);
  if (metric === 'recall') return (t, p) => [t === pos, p === pos];
  if (metric === 'precision') return (t, p) => [p === pos, t === pos];
  const neg = labels.find((i) => i !== pos);
  return neg === undefined ? null : (t, p) => [t === neg, p === pos];
}

/**
 * The count behind a proportion metric of `assay score` on a set of rows: accuracy (right
 * answers of all rows), recall (true positives of the actual positives), precision (true
 * positives of the predicted positives), false-positive rate (negatives predicted positive of
 * all negatives), and micro recall and precision (right answers of the rows whose truth,
 * resp. answer, is one of the labels averaged).
 *
 * @param metric - the registry name of the metric
 * @param columns - the job's columns (classification, in class codes)
 * @param selection - the rows counted: a slice's, or null for all
 * @returns the count, or null when the metric is no share of a count, the task is not
 *   classification, or the rows carry weights (a share of weights is no binomial count)
 * @example
 * proportionCount('accuracy', columns, null); // { successes: 5, trials: 5 }
 */
export function proportionCount(
  metric: string,
  columns: ScoreColumns,
  selection: CountSelection,
): ProportionCount | null {
  if (columns.task !== 'classification' || columns.weight !== null) return null;
  let counter: Counter | null;
  try {
    counter = counterOf(metric, columns);
  } catch {
    // no positive class to read: the metric itself had none either
    return null;
  }
  if (counter === null) return null;
  const { yTrue, yPred } = columns;
  let successes = 0;
  let trials = 0;
  for (let i = 0; i < columns.n; i++) {
    if (selection !== null && selection.ids[i] !== selection.value) continue;
    const [counted, success] = counter(yTrue[i]!, yPred[i]!);
    if (!counted) continue;
    trials++;
    if (success) successes++;
  }
  return { successes, trials };
}
