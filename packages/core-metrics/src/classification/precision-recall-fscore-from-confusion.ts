import { describeValue } from '@assay/labels';
import { MetricInputError } from '../errors.js';
import type { Label } from '../input/encode-labels.js';
import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import {
  type Average,
  type AveragingMethod,
  type ZeroDivision,
  zeroDivisionValue,
} from './average-option.js';
import { average, nanAverage } from './label-average.js';
import {
  type LabelTallies,
  labelTallies,
  pickTallies,
  selectLabelIndices,
  warnUndefined,
} from './label-tallies.js';

/** Which ill-defined quantities publish a warning under `zeroDivision: 'warn'`. */
export type WarnFor = 'precision' | 'recall' | 'f-score';

/** Options of the `*FromConfusion` set-wise metrics; labels are class indices. */
export interface SetWiseConfusionOptions {
  /** Averaging; see {@link Average}. Default: as the matching scikit-learn function. */
  average?: Average | null;
  /** Class indices to report, in order (default: all). Ignored for `'binary'`. */
  labels?: readonly number[];
  /** Class index of the positive class for `'binary'` (default 1). */
  posLabel?: number;
  /** Value for 0/0 (default `'warn'`). */
  zeroDivision?: ZeroDivision;
  /** Metric name used in warnings. */
  metric?: string;
  /** Class names, to name labels in warnings (default: class indices). */
  classes?: readonly Label[];
}

/** Options of {@link precisionRecallFscoreSupportFromConfusion}. */
export interface PrecisionRecallFscoreConfusionOptions extends SetWiseConfusionOptions {
  /** Weight of recall in the F-score (default 1); `Infinity` gives recall. */
  beta?: number;
  /** Quantities that warn when ill-defined (default all three). */
  warnFor?: readonly WarnFor[];
}

/**
 * The option names of the `*FromConfusion` / `*FromTallies` set-wise metrics.
 *
 * @example
 * ```ts
 * Object.keys(SET_WISE_CONFUSION_KEYS); // ['average', 'labels', 'posLabel', 'zeroDivision', 'metric', 'classes']
 * ```
 */
export const SET_WISE_CONFUSION_KEYS: OptionKeys<SetWiseConfusionOptions> = {
  average: true,
  labels: true,
  posLabel: true,
  zeroDivision: true,
  metric: true,
  classes: true,
};

/** The option names of `precisionRecallFscoreSupportFrom{Confusion,Tallies}`. */
const PRF_CONFUSION_KEYS: OptionKeys<PrecisionRecallFscoreConfusionOptions> = {
  ...SET_WISE_CONFUSION_KEYS,
  beta: true,
  warnFor: true,
};

/** Precision, recall, F-beta and support; per label (arrays) when `average` is null. */
export interface PrecisionRecallFscoreSupport<T extends number | number[] = number | number[]> {
  readonly precision: T;
  readonly recall: T;
  readonly fbeta: T;
  /** True count per label for `average: null`, else null (as scikit-learn's `None`). */
  readonly support: T extends number[] ? number[] : null;
}

function ratios(
  numerator: Float64Array,
  denominator: Float64Array,
  fill: number,
): { values: Float64Array; undefinedAt: number[] } {
  const values = new Float64Array(numerator.length);
  const undefinedAt: number[] = [];
  for (let j = 0; j < values.length; j++) {
    const d = denominator[j]!;
    if (d === 0) {
      values[j] = fill;
      undefinedAt.push(j);
    } else {
      values[j] = numerator[j]! / d;
    }
  }
  return { values, undefinedAt };
}

function sumOf(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s;
}

/**
 * Precision, recall, F-beta and support from a confusion matrix — the single
 * implementation behind `precisionScore`, `recallScore`, `f1Score`, `fbetaScore`,
 * `precisionRecallFscoreSupport` and `classificationReport`.
 *
 * @remarks
 * Per label l: `precision = tp / (tp + fp)`, `recall = tp / (tp + fn)`,
 * `F_β = (1 + β²)·P·R / (β²·P + R)` (0 when the denominator is 0; `β = ∞` gives R),
 * exactly as scikit-learn 1.2 computes them. 0/0 ratios become `zeroDivision`
 * (`'warn'` → 0 plus a warning). With `zeroDivision: NaN` the ill-defined values are
 * NaN, F is NaN only when the label has neither true nor predicted rows, and averages
 * skip NaN entries. `'micro'` pools tp/fp/fn over the chosen labels first; `'weighted'`
 * weights by support and, when the chosen labels have no support at all, returns
 * scikit-learn's special values (`zeroDivision` for recall; precision and F are
 * `zeroDivision` when nothing was predicted either, else 0).
 *
 * @param counts - row-major K×K confusion counts (row = true class)
 * @param nClasses - K
 * @param options - averaging, beta, class-index labels/posLabel, zeroDivision; `average`
 *   defaults to null as in scikit-learn's `precision_recall_fscore_support`
 * @returns precision, recall, fbeta (numbers, or arrays per label when `average` is null)
 *   and support (array per label for `average: null`, else null)
 * @throws {@link MetricInputError} `INVALID_OPTION` for a negative/NaN beta or a class
 *   index out of range
 * @example
 * ```ts
 * import { precisionRecallFscoreSupportFromConfusion } from '@assay/core-metrics';
 * const counts = Float64Array.of(5, 1, 2, 2); // [[5, 1], [2, 2]]
 * const prfs = precisionRecallFscoreSupportFromConfusion(counts, 2, { average: 'binary' });
 * prfs; // { precision: 0.6666…, recall: 0.5, fbeta: 0.5714…, support: null } (2/3, 1/2, 4/7)
 * ```
 * @see sklearn.metrics.precision_recall_fscore_support
 */
export function precisionRecallFscoreSupportFromConfusion(
  counts: Float64Array,
  nClasses: number,
  options: PrecisionRecallFscoreConfusionOptions & { average: AveragingMethod },
): PrecisionRecallFscoreSupport<number>;
export function precisionRecallFscoreSupportFromConfusion(
  counts: Float64Array,
  nClasses: number,
  options?: PrecisionRecallFscoreConfusionOptions & { average?: null },
): PrecisionRecallFscoreSupport<number[]>;
export function precisionRecallFscoreSupportFromConfusion(
  counts: Float64Array,
  nClasses: number,
  options?: PrecisionRecallFscoreConfusionOptions,
): PrecisionRecallFscoreSupport;
export function precisionRecallFscoreSupportFromConfusion(
  counts: Float64Array,
  nClasses: number,
  options: PrecisionRecallFscoreConfusionOptions = {},
): PrecisionRecallFscoreSupport {
  checkOptions(options, 'precisionRecallFscoreSupportFromConfusion', PRF_CONFUSION_KEYS);
  const avg = options.average === undefined ? null : options.average;
  const indices = selectLabelIndices(nClasses, avg, options.labels, options.posLabel ?? 1);
  return prfOfTallies(labelTallies(counts, nClasses, indices), indices, options);
}

/**
 * Precision, recall, F-beta and support from per-class tallies (true positives,
 * predicted and true counts of every class): the same numbers as
 * {@link precisionRecallFscoreSupportFromConfusion} on the matrix they were read
 * from, for counts too large to hold as a K×K matrix (many classes).
 *
 * @remarks Formulas, averages and zero-division rules as
 *   {@link precisionRecallFscoreSupportFromConfusion}.
 *
 * @param tallies - tp, predicted and actual of every class (length K each)
 * @param options - as {@link precisionRecallFscoreSupportFromConfusion}'s
 * @returns precision, recall, fbeta and support
 * @throws {@link MetricInputError} `INVALID_OPTION` for a negative/NaN beta or a class
 *   index out of range
 * @example
 * ```ts
 * import { precisionRecallFscoreSupportFromTallies } from '@assay/core-metrics';
 * const tallies = {
 *   tp: Float64Array.of(5, 2),
 *   predicted: Float64Array.of(7, 3),
 *   actual: Float64Array.of(6, 4),
 * }; // the tallies of [[5, 1], [2, 2]]
 * const prfs = precisionRecallFscoreSupportFromTallies(tallies, { average: 'binary' });
 * prfs; // { precision: 0.6666…, recall: 0.5, fbeta: 0.5714…, support: null } (2/3, 1/2, 4/7)
 * ```
 * @see sklearn.metrics.precision_recall_fscore_support
 */
export function precisionRecallFscoreSupportFromTallies(
  tallies: LabelTallies,
  options: PrecisionRecallFscoreConfusionOptions & { average: AveragingMethod },
): PrecisionRecallFscoreSupport<number>;
export function precisionRecallFscoreSupportFromTallies(
  tallies: LabelTallies,
  options?: PrecisionRecallFscoreConfusionOptions,
): PrecisionRecallFscoreSupport;
export function precisionRecallFscoreSupportFromTallies(
  tallies: LabelTallies,
  options: PrecisionRecallFscoreConfusionOptions = {},
): PrecisionRecallFscoreSupport {
  checkOptions(options, 'precisionRecallFscoreSupportFromTallies', PRF_CONFUSION_KEYS);
  const avg = options.average === undefined ? null : options.average;
  const nClasses = tallies.tp.length;
  const indices = selectLabelIndices(nClasses, avg, options.labels, options.posLabel ?? 1);
  return prfOfTallies(pickTallies(tallies, indices), indices, options);
}

/** The computation behind both entry points, on the chosen classes' tallies. */
function prfOfTallies(
  chosen: LabelTallies,
  indices: readonly number[],
  options: PrecisionRecallFscoreConfusionOptions,
): PrecisionRecallFscoreSupport {
  const beta = options.beta ?? 1;
  if (typeof beta !== 'number' || !(beta >= 0)) {
    throw new MetricInputError(
      'INVALID_OPTION',
      `options.beta is ${describeValue(beta)}; beta must be a number >= 0 (Infinity gives recall).`,
      'options.beta',
    );
  }
  const avg = options.average === undefined ? null : options.average;
  const zeroDivision = options.zeroDivision ?? 'warn';
  const fill = zeroDivisionValue(zeroDivision);
  const nanPolicy = Number.isNaN(fill);
  let { tp, predicted, actual } = chosen;
  if (avg === 'micro') {
    tp = Float64Array.of(sumOf(tp));
    predicted = Float64Array.of(sumOf(predicted));
    actual = Float64Array.of(sumOf(actual));
  }
  const p = ratios(tp, predicted, fill);
  const r = ratios(tp, actual, fill);
  const precision = p.values;
  const recall = r.values;

  const fbeta = new Float64Array(tp.length);
  const beta2 = beta * beta;
  for (let j = 0; j < fbeta.length; j++) {
    if (beta === Number.POSITIVE_INFINITY) {
      fbeta[j] = recall[j]!;
      continue;
    }
    const pj = nanPolicy && predicted[j] === 0 ? 0 : precision[j]!;
    const rj = nanPolicy && actual[j] === 0 ? 0 : recall[j]!;
    let denom = beta2 * pj + rj;
    if (denom === 0) denom = 1;
    fbeta[j] =
      nanPolicy && predicted[j] === 0 && actual[j] === 0
        ? Number.NaN
        : ((1 + beta2) * pj * rj) / denom;
  }

  if (zeroDivision === 'warn')
    warnPrf(options, indices, avg, p.undefinedAt, r.undefinedAt, predicted, actual);

  if (avg === null) {
    return {
      precision: Array.from(precision),
      recall: Array.from(recall),
      fbeta: Array.from(fbeta),
      support: Array.from(actual),
    };
  }
  if (avg === 'weighted' && sumOf(actual) === 0) {
    const special = zeroDivision === 1 ? 1 : nanPolicy ? Number.NaN : 0;
    if (sumOf(predicted) === 0) {
      return { precision: special, recall: special, fbeta: special, support: null };
    }
    return { precision: 0, recall: special, fbeta: 0, support: null };
  }
  const weights = avg === 'weighted' ? actual : null;
  const mean = nanPolicy ? nanAverage : average;
  return {
    precision: mean(precision, weights),
    recall: mean(recall, weights),
    fbeta: mean(fbeta, weights),
    support: null,
  };
}

function warnPrf(
  options: PrecisionRecallFscoreConfusionOptions,
  indices: readonly number[],
  avg: Average | null,
  precisionUndefined: readonly number[],
  recallUndefined: readonly number[],
  predicted: Float64Array,
  actual: Float64Array,
): void {
  const metric = options.metric ?? 'precisionRecallFscoreSupport';
  const warnFor = options.warnFor ?? ['precision', 'recall', 'f-score'];
  const pooled = avg === 'micro' || avg === 'binary';
  const names = (at: readonly number[]): (Label | number)[] =>
    pooled ? [] : at.map((j) => options.classes?.[indices[j]!] ?? indices[j]!);
  const withF = warnFor.includes('f-score');
  if (warnFor.includes('precision') && precisionUndefined.length > 0) {
    warnUndefined(
      metric,
      withF ? 'Precision and F-score are' : 'Precision is',
      'predicted',
      names(precisionUndefined),
    );
  }
  if (warnFor.includes('recall') && recallUndefined.length > 0) {
    warnUndefined(
      metric,
      withF ? 'Recall and F-score are' : 'Recall is',
      'true',
      names(recallUndefined),
    );
  }
  if (withF && !warnFor.includes('precision') && !warnFor.includes('recall')) {
    const neither: number[] = [];
    for (let j = 0; j < actual.length; j++) {
      if (actual[j] === 0 && predicted[j] === 0) neither.push(j);
    }
    if (neither.length > 0)
      warnUndefined(metric, 'F-score is', 'true nor predicted', names(neither));
  }
}
