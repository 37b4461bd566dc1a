import { countShares, type ProportionCount, type ShareCounter, shareCounter } from '@assay/runner';
import type { ScoringPass } from '../tasks/task-module.js';

function codes(pass: ScoringPass): { yTrue: Int32Array; yPred: Int32Array } | null {
  const input = pass.input;
  if (!('yTrue' in input) || ('weight' in input && input.weight !== undefined)) return null;
  const { yTrue, yPred } = input;
  return yTrue instanceof Int32Array && yPred instanceof Int32Array ? { yTrue, yPred } : null;
}

/**
 * The count behind a proportion metric of one scoring pass: accuracy (right answers of the
 * rows scored), recall (true positives of the actual positives), precision (true positives of
 * the predicted positives), false-positive rate (negatives predicted positive of all
 * negatives), micro recall and precision.
 *
 * @param metric - the runner's (canonical) metric name
 * @param pass - the classification pass that scored it
 * @returns the count, or null when the metric is no share of a count, the pass has row
 *   weights or non-integer codes, or a binary metric's pass is not coded `[1, 0]`
 * @example
 * const [pass] = taskFor(config.task).encode(rows, ['accuracy']);
 * proportionCount('accuracy', pass); // { successes: 36, trials: 40 }
 */
export function proportionCount(metric: string, pass: ScoringPass): ProportionCount | null {
  const counting = counterOf(metric, pass);
  if (counting === null) return null;
  const { counter, yTrue, yPred } = counting;
  return countShares(counter, yTrue, yPred, null);
}

function counterOf(
  metric: string,
  pass: ScoringPass,
): { counter: ShareCounter; yTrue: Int32Array; yPred: Int32Array } | null {
  const columns = codes(pass);
  if (columns === null || pass.task !== 'classification') return null;
  const labels = pass.labels ?? [];
  // binary passes code the positive label 1 and the negative 0 of labels [1, 0]
  const binary = labels.length === 2 && labels.includes(1) && labels.includes(0);
  const counter = shareCounter(metric, labels, () =>
    binary ? { positive: 1, negative: 0 } : null,
  );
  return counter === null ? null : { counter, ...columns };
}

/**
 * The distinct items among the rows a proportion metric counts (recall: the rows of actual
 * positives; precision: the rows predicted positive; accuracy: every row), for the Wilson
 * interval over items where an item has several rows.
 *
 * @param metric - the runner's (canonical) metric name
 * @param pass - the classification pass that scored it
 * @returns the count of distinct items, or null where {@link proportionCount} is null
 * @example
 * const [pass] = taskFor(config.task).encode(rows, ['accuracy']);
 * proportionItems('accuracy', pass); // 40
 */
export function proportionItems(metric: string, pass: ScoringPass): number | null {
  const counting = counterOf(metric, pass);
  if (counting === null) return null;
  const { counter, yTrue, yPred } = counting;
  const items = new Set<unknown>();
  for (let i = 0; i < yTrue.length; i++) {
    if (counter(yTrue[i]!, yPred[i]!)[0]) items.add(pass.clusterIds[i]);
  }
  return items.size;
}

/**
 * Whether some item has more than one row in the pass (repeated cross-validation predicts an
 * item once per repeat, multiple choice once per choice order): then a share of rows is no
 * share of independent items, and a binomial interval on the row count would be too narrow.
 *
 * @param pass - a scoring pass
 * @returns true when a cluster (item) id occurs twice
 * @example
 * const [pass] = taskFor(config.task).encode(rows, ['accuracy']);
 * itemsRepeat(pass); // false: each item is scored once
 */
export function itemsRepeat(pass: ScoringPass): boolean {
  return new Set(pass.clusterIds).size < pass.clusterIds.length;
}
