import type { ScoringPass } from '../tasks/task-module.js';

/** A share of a known count: `successes` of `trials`. */
export interface ProportionCount {
  /** rows counted as successes (right answers, true positives, false positives) */
  successes: number;
  /** rows the share is taken over (scored rows, actual or predicted positives, negatives) */
  trials: number;
}

type Counter = (t: number, p: number, labels: ReadonlySet<number>) => [boolean, boolean];

/**
 * Per runner metric name, whether a row (true code `t`, predicted code `p`) is in the
 * denominator and, if so, whether it is a success. Binary passes code the positive label 1
 * and the negative 0; an answer matching no label is a code outside `labels` (`-1`).
 */
const COUNTERS: Readonly<Record<string, Counter>> = {
  accuracy: (t, p) => [true, t === p],
  recall: (t, p) => [t === 1, p === 1],
  precision: (t, p) => [p === 1, t === 1],
  false_positive_rate: (t, p) => [t === 0, p === 1],
  // micro averages over the pass's labels: right answers of the rows whose truth (recall) or
  // answer (precision) is one of them
  recall_micro: (t, p, labels) => [labels.has(t), t === p],
  precision_micro: (t, p, labels) => [labels.has(p), t === p],
};

/**
 * The runner metrics that are a share of a count, and so can take the Wilson interval of it.
 *
 * @example
 * PROPORTION_METRICS.has('accuracy'); // true
 */
export const PROPORTION_METRICS: ReadonlySet<string> = new Set(Object.keys(COUNTERS));

/** The metrics that read the positive label: their pass must code it 1 of labels `[1, 0]`. */
const BINARY = new Set(['recall', 'precision', 'false_positive_rate']);

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
 * proportionCount('accuracy', pass); // { successes: 5, trials: 5 }
 */
export function proportionCount(metric: string, pass: ScoringPass): ProportionCount | null {
  const counter = COUNTERS[metric];
  const columns = codes(pass);
  if (counter === undefined || columns === null || pass.task !== 'classification') return null;
  const labels = new Set(pass.labels ?? []);
  if (BINARY.has(metric) && !(pass.labels?.length === 2 && labels.has(1) && labels.has(0))) {
    return null;
  }
  let successes = 0;
  let trials = 0;
  for (let i = 0; i < columns.yTrue.length; i++) {
    const t = columns.yTrue[i]!;
    const p = columns.yPred[i]!;
    const [counted, success] = counter(t, p, labels);
    if (!counted) continue;
    trials++;
    if (success) successes++;
  }
  return { successes, trials };
}

/**
 * Whether some item has more than one row in the pass (repeated cross-validation predicts an
 * item once per repeat, multiple choice once per choice order): then a share of rows is no
 * share of independent items, and a binomial interval on the row count would be too narrow.
 *
 * @param pass - a scoring pass
 * @returns true when a cluster (item) id occurs twice
 * @example
 * itemsRepeat(pass); // false for a k-fold or holdout run
 */
export function itemsRepeat(pass: ScoringPass): boolean {
  return new Set(pass.clusterIds).size < pass.clusterIds.length;
}
