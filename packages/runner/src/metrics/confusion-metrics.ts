import {
  type Average,
  accuracyFromConfusion,
  accuracyFromTallies,
  balancedAccuracyFromConfusion,
  balancedAccuracyFromTallies,
  cohenKappaFromConfusion,
  cohenKappaFromTallies,
  jaccardFromConfusion,
  jaccardFromTallies,
  type LabelTallies,
  matthewsCorrcoefFromConfusion,
  matthewsCorrcoefFromTallies,
  precisionRecallFscoreSupportFromConfusion,
  precisionRecallFscoreSupportFromTallies,
  setWiseScoreKernel,
} from '@assay/core-metrics';
import { RunnerError } from '../errors.js';
import type { ScoreColumns } from '../score/score-columns.js';
import { bothSidesVary, truthVaries } from './defined-on-replicate.js';
import type { ConfusionMetric } from './metric-spec.js';
import { positiveCandidates, positiveClass } from './positive-class.js';

/**
 * The classes that occur in a count matrix as a true or a predicted label:
 * scikit-learn's `unique_labels(y_true, y_pred)` of the rows counted, which is
 * what its macro/weighted averages run over (a class absent from a fold's rows
 * does not enter that fold's average).
 *
 * @param counts - row-major K×K counts
 * @param nClasses - K
 * @returns the present class indices, ascending
 */
export function presentLabels(counts: Float64Array, nClasses: number): number[] {
  const present: number[] = [];
  for (let c = 0; c < nClasses; c++) {
    let total = 0;
    for (let j = 0; j < nClasses; j++)
      total += counts[c * nClasses + j]! + counts[j * nClasses + c]!;
    if (total > 0) present.push(c);
  }
  return present;
}

/**
 * The classes that occur as a true or a predicted label, from per-class
 * tallies (see {@link presentLabels}).
 *
 * @param tallies - tp, predicted and actual count of every class
 * @returns the present class indices, ascending
 */
export function presentTallyLabels(tallies: LabelTallies): number[] {
  const present: number[] = [];
  for (let c = 0; c < tallies.tp.length; c++) {
    if (tallies.actual[c]! + tallies.predicted[c]! > 0) present.push(c);
  }
  return present;
}

/**
 * The class index that binary metrics treat as positive: `posLabel` when given,
 * else the label `1` of labels in {0, 1} or {-1, 1} (see {@link positiveClass}).
 *
 * @param columns - the job's columns
 * @param metric - the metric asking, for the error
 * @returns the positive class index
 * @throws {@link RunnerError} `INVALID_OPTION` when there are more than two classes
 */
export function positiveIndex(columns: ScoreColumns, metric: string): number {
  const { classes, labelSet } = columns;
  if (labelSet !== undefined) {
    if (labelSet.positive >= 0) {
      const given = positiveCandidates(columns)!;
      // a given label absent from the data leaves nothing to check: the option's choice stands
      if (given.length === 2) return positiveClass(columns, metric, given);
      return columns.positive ?? labelSet.positive;
    }
    throw new RunnerError(
      'INVALID_OPTION',
      `Metric ${metric} is binary but the labels option lists ${labelSet.indices.length} label(s); give exactly two labels, or use ${metric}_macro, ${metric}_micro or ${metric}_weighted.`,
      { path: 'metrics' },
    );
  }
  if (classes.length > 2) {
    throw new RunnerError(
      'INVALID_OPTION',
      `Metric ${metric} is binary but the labels have ${classes.length} classes (${classes.slice(0, 10).join(', ')}); use ${metric}_macro, ${metric}_micro or ${metric}_weighted.`,
      { path: 'metrics' },
    );
  }
  return positiveClass(
    columns,
    metric,
    classes.map((_, i) => i),
  );
}

type SetWiseOptions =
  | { average: 'binary'; posLabel: number; zeroDivision: 0 }
  | { average: Exclude<Average, 'binary'>; labels: readonly number[]; zeroDivision: 0 };

/** The core-metrics options of a set-wise metric: the positive class, or the classes averaged. */
function setWiseOptions(
  name: string,
  average: Average,
  columns: ScoreColumns,
  present: () => number[],
): SetWiseOptions {
  if (average === 'binary') {
    return { average, posLabel: positiveIndex(columns, name), zeroDivision: 0 };
  }
  return { average, labels: columns.labelSet?.indices ?? present(), zeroDivision: 0 };
}

function setWise(
  name: string,
  which: 'precision' | 'recall' | 'fbeta' | 'jaccard',
  average: NonNullable<Average>,
): ConfusionMetric {
  const metric: ConfusionMetric = {
    name,
    task: 'classification',
    needs: 'labels',
    kind: 'confusion',
    greaterIsBetter: true,
    compute(rawCounts, rawClasses, columns) {
      const set = columns.labelSet;
      const counts = set === undefined ? rawCounts : padCounts(rawCounts, rawClasses, set.width);
      const nClasses = set === undefined ? rawClasses : set.width;
      const options = setWiseOptions(name, average, columns, () => presentLabels(counts, nClasses));
      if (options.average === 'binary' && nClasses < 2) return Number.NaN;
      // an average is always set here, so these are single numbers
      if (which === 'jaccard') return jaccardFromConfusion(counts, nClasses, options) as number;
      const prf = precisionRecallFscoreSupportFromConfusion(counts, nClasses, {
        ...options,
        warnFor: [],
      });
      return prf[which] as number;
    },
    ...(average === 'binary' ? { definedOn: binaryDefinedOn(name, which) } : {}),
    evaluator: (nClasses, columns) => setWiseEvaluator(metric, which, average, nClasses, columns),
    computeTallies(rawTallies, columns) {
      const set = columns.labelSet;
      const tallies = set === undefined ? rawTallies : padTallies(rawTallies, set.width);
      const options = setWiseOptions(name, average, columns, () => presentTallyLabels(tallies));
      if (options.average === 'binary' && tallies.tp.length < 2) return Number.NaN;
      if (which === 'jaccard') return jaccardFromTallies(tallies, options) as number;
      const prf = precisionRecallFscoreSupportFromTallies(tallies, { ...options, warnFor: [] });
      return prf[which] as number;
    },
  };
  return metric;
}

/**
 * A set-wise metric's replicate value through core-metrics' unchecked kernel: the positive
 * class found once, the present classes read off each replicate's counts as `compute` reads
 * them, nothing allocated. Given `labels` pad the counts; those jobs keep `replicateValue`.
 */
function setWiseEvaluator(
  spec: ConfusionMetric,
  which: 'precision' | 'recall' | 'fbeta' | 'jaccard',
  average: NonNullable<Average>,
  nClasses: number,
  columns: ScoreColumns,
): (counts: Float64Array) => number {
  if (columns.labelSet !== undefined) return (c) => replicateValue(spec, c, nClasses, columns);
  if (average !== 'binary') {
    return (c) => setWiseScoreKernel(c, nClasses, which, average, null, 0);
  }
  // compute answers NaN below two classes, after a positive class that may not exist
  if (nClasses < 2) return () => Number.NaN;
  const pos = positiveIndex(columns, spec.name);
  const positive = [pos];
  return (c) =>
    hasDenominator(c, nClasses, pos, which)
      ? setWiseScoreKernel(c, nClasses, which, 'binary', positive, 0)
      : Number.NaN;
}

/**
 * Whether a binary metric has a denominator on these counts: recall needs a positive row,
 * precision a row predicted positive, F1 and Jaccard either (`tp + fp + fn > 0`; with only
 * false positives they are a true 0).
 */
function binaryDefinedOn(
  name: string,
  which: 'precision' | 'recall' | 'fbeta' | 'jaccard',
): NonNullable<ConfusionMetric['definedOn']> {
  return (rawCounts, rawClasses, columns) => {
    const set = columns.labelSet;
    const counts = set === undefined ? rawCounts : padCounts(rawCounts, rawClasses, set.width);
    const k = set === undefined ? rawClasses : set.width;
    if (k < 2) return true;
    return hasDenominator(counts, k, positiveIndex(columns, name), which);
  };
}

/** Whether the positive class has the rows a binary metric divides by (see above). */
function hasDenominator(
  counts: Float64Array,
  k: number,
  pos: number,
  which: 'precision' | 'recall' | 'fbeta' | 'jaccard',
): boolean {
  let actual = 0;
  let predicted = 0;
  for (let j = 0; j < k; j++) {
    actual += counts[pos * k + j]!;
    predicted += counts[j * k + pos]!;
  }
  if (which === 'recall') return actual > 0;
  if (which === 'precision') return predicted > 0;
  return actual + predicted > 0;
}

/**
 * A confusion metric's value on a bootstrap replicate's counts: NaN where it has no value
 * ({@link ConfusionMetric.definedOn}), else its value.
 *
 * @param spec - the metric
 * @param counts - the replicate's K×K counts
 * @param nClasses - K
 * @param columns - the job's columns
 * @returns the value, or NaN (left out of the interval)
 * @example
 * const { columns } = prepareColumns({ yTrue: [0, 1, 1, 0], yPred: [0, 1, 0, 0] });
 * const recall = METRIC_REGISTRY.get('recall');
 * replicateValue(recall, Float64Array.of(3, 1, 0, 0), 2, columns); // NaN: no positive row
 * replicateValue(recall, Float64Array.of(2, 0, 1, 1), 2, columns); // 0.5
 */
export function replicateValue(
  spec: ConfusionMetric,
  counts: Float64Array,
  nClasses: number,
  columns: ScoreColumns,
): number {
  if (spec.definedOn?.(counts, nClasses, columns) === false) return Number.NaN;
  return spec.compute(counts, nClasses, columns);
}

/**
 * A K×K count matrix widened to `width` classes with zero rows and columns, for
 * given labels that never occur in the data (they still enter averages, as in
 * scikit-learn with `labels=`).
 *
 * @param counts - row-major K×K counts
 * @param nClasses - K
 * @param width - the wider class count (>= K)
 * @returns `counts` itself when `width === K`, else the padded copy
 */
export function padCounts(counts: Float64Array, nClasses: number, width: number): Float64Array {
  if (width === nClasses) return counts;
  const out = new Float64Array(width * width);
  for (let t = 0; t < nClasses; t++) {
    out.set(counts.subarray(t * nClasses, (t + 1) * nClasses), t * width);
  }
  return out;
}

/**
 * Tallies widened to `width` classes with zero tallies (see {@link padCounts}).
 *
 * @param tallies - tp, predicted and actual of K classes
 * @param width - the wider class count (>= K)
 * @returns `tallies` itself when `width === K`, else the padded copy
 */
export function padTallies(tallies: LabelTallies, width: number): LabelTallies {
  if (width === tallies.tp.length) return tallies;
  const pad = (from: Float64Array) => {
    const out = new Float64Array(width);
    out.set(from);
    return out;
  };
  return { tp: pad(tallies.tp), predicted: pad(tallies.predicted), actual: pad(tallies.actual) };
}

/**
 * The false-positive rate of the positive class, from K×K counts: of the items whose true
 * class is the negative one of the two, the share predicted positive,
 * `counts[neg][pos] / sum(counts[neg][*])`; NaN when there is no negative item (as
 * scikit-learn's `roc_curve` gives `nan` then).
 *
 * @remarks
 * With two predicted classes this is `fp / (fp + tn)` of
 * `confusion_matrix(y_true, y_pred).ravel()`. A third, predicted-only class (an answer
 * matching no label) on a negative item stays in the denominator but is no false positive:
 * the rate answers "how often is a negative item flagged positive". scikit-learn has no
 * scorer of this name; the reference values come from `confusion_matrix` over every label
 * (test-support/scripts/make-labels-fixtures.py).
 */
function falsePositiveRate(name: string): ConfusionMetric {
  return {
    name,
    task: 'classification',
    needs: 'labels',
    kind: 'confusion',
    greaterIsBetter: false,
    compute(rawCounts, rawClasses, columns) {
      const set = columns.labelSet;
      const counts = set === undefined ? rawCounts : padCounts(rawCounts, rawClasses, set.width);
      const nClasses = set === undefined ? rawClasses : set.width;
      const pos = positiveIndex(columns, name);
      const pair = set === undefined ? columns.classes.map((_, i) => i) : set.indices;
      const neg = pair.find((i) => i !== pos);
      if (neg === undefined) return Number.NaN;
      let negatives = 0;
      for (let j = 0; j < nClasses; j++) negatives += counts[neg * nClasses + j]!;
      return negatives > 0 ? counts[neg * nClasses + pos]! / negatives : Number.NaN;
    },
  };
}

function plain(
  name: string,
  compute: (counts: Float64Array, nClasses: number) => number,
  computeTallies: (tallies: LabelTallies) => number,
  definedOn?: (counts: Float64Array, nClasses: number) => boolean,
): ConfusionMetric {
  return {
    name,
    task: 'classification',
    needs: 'labels',
    kind: 'confusion',
    greaterIsBetter: true,
    compute: (counts, nClasses) => compute(counts, nClasses),
    computeTallies: (tallies) => computeTallies(tallies),
    ...(definedOn === undefined ? {} : { definedOn }),
  };
}

/**
 * The metrics computed from confusion counts, by scikit-learn scorer name.
 * Averaged scores use `zero_division=0` (scikit-learn's value under its
 * default `"warn"`), over the classes present in the rows counted, or over
 * the `labels` option when given. With `labels`, `accuracy`,
 * `balanced_accuracy`, `matthews_corrcoef` and `cohen_kappa` still use every
 * class (kappa deliberately so: `cohen_kappa_score(..., labels=)` would drop
 * the rows whose answer is outside `labels`, and Assay never drops an
 * unparseable answer), and the binary forms score the positive of the two labels
 * (`f1_score(..., labels=[pos], average=None)`, which scikit-learn's
 * `average='binary'` refuses once a third label is predicted). `false_positive_rate` is
 * the positive class's: negative items predicted positive over all negative items.
 */
export const CONFUSION_METRICS: readonly ConfusionMetric[] = [
  plain('accuracy', accuracyFromConfusion, accuracyFromTallies),
  // a replicate without some class averages the recall of the classes drawn: a value (as a
  // fold's is), not a convention for a zero denominator, so it stays in the interval
  plain('balanced_accuracy', balancedAccuracyFromConfusion, balancedAccuracyFromTallies),
  plain(
    'adjusted_balanced_accuracy',
    (c, k) => balancedAccuracyFromConfusion(c, k, { adjusted: true }),
    (t) => balancedAccuracyFromTallies(t, { adjusted: true }),
    truthVaries,
  ),
  plain(
    'matthews_corrcoef',
    matthewsCorrcoefFromConfusion,
    matthewsCorrcoefFromTallies,
    bothSidesVary,
  ),
  // every class, like accuracy: an answer outside `labels` (e.g. `unparseable`) counts
  // as a disagreement instead of dropping its row, as `cohen_kappa_score(..., labels=)` would
  plain('cohen_kappa', cohenKappaFromConfusion, cohenKappaFromTallies, bothSidesVary),
  ...(['binary', 'macro', 'micro', 'weighted'] as const).flatMap((average) => {
    const suffix = average === 'binary' ? '' : `_${average}`;
    return [
      setWise(`precision${suffix}`, 'precision', average),
      setWise(`recall${suffix}`, 'recall', average),
      setWise(`f1${suffix}`, 'fbeta', average),
      setWise(`jaccard${suffix}`, 'jaccard', average),
    ];
  }),
  falsePositiveRate('false_positive_rate'),
];
