import { checkOptions } from '../input/option-keys.js';
import { zeroDivisionValue } from './average-option.js';
import { average, nanAverage } from './label-average.js';
import {
  type LabelTallies,
  labelTallies,
  pickTallies,
  selectLabelIndices,
  warnUndefined,
} from './label-tallies.js';
import {
  SET_WISE_CONFUSION_KEYS,
  type SetWiseConfusionOptions,
} from './precision-recall-fscore-from-confusion.js';

/**
 * Jaccard index (intersection over union) from a confusion matrix — the implementation
 * behind `jaccardScore`.
 *
 * @remarks
 * Per label `J = tp / (tp + fp + fn)`; 0/0 becomes `zeroDivision` (`'warn'` → 0 plus a
 * warning). `'micro'` pools tp/fp/fn over the chosen labels, `'weighted'` weights by
 * support (plain mean when the chosen labels have no support). With `zeroDivision: NaN`
 * averages skip the NaN entries.
 *
 * @param counts - row-major K×K confusion counts (row = true class)
 * @param nClasses - K
 * @param options - averaging (default `'binary'`), class-index labels/posLabel, zeroDivision
 * @returns the score, or one score per chosen label when `average` is null
 * @throws {@link MetricInputError} `INVALID_OPTION` for a class index out of range
 * @example
 * ```ts
 * import { jaccardFromConfusion } from '@assay/core-metrics';
 * jaccardFromConfusion(Float64Array.of(5, 1, 2, 2), 2); // 0.4 (2 / 5)
 * ```
 * @see sklearn.metrics.jaccard_score
 */
export function jaccardFromConfusion(
  counts: Float64Array,
  nClasses: number,
  options: SetWiseConfusionOptions & { average: null },
): number[];
export function jaccardFromConfusion(
  counts: Float64Array,
  nClasses: number,
  options?: SetWiseConfusionOptions,
): number;
export function jaccardFromConfusion(
  counts: Float64Array,
  nClasses: number,
  options: SetWiseConfusionOptions = {},
): number | number[] {
  checkOptions(options, 'jaccardFromConfusion', SET_WISE_CONFUSION_KEYS);
  const avg = options.average === undefined ? 'binary' : options.average;
  const indices = selectLabelIndices(nClasses, avg, options.labels, options.posLabel ?? 1);
  return jaccardOfTallies(labelTallies(counts, nClasses, indices), indices, options);
}

/**
 * Jaccard index from per-class tallies (true positives, predicted and true
 * counts of every class): the same numbers as {@link jaccardFromConfusion} on
 * the matrix they were read from, for counts too large to hold as K×K.
 *
 * @remarks Formula, averages and zero-division rules as {@link jaccardFromConfusion}.
 *
 * @param tallies - tp, predicted and actual of every class (length K each)
 * @param options - as {@link jaccardFromConfusion}'s
 * @returns the score, or one score per chosen label when `average` is null
 * @throws {@link MetricInputError} `INVALID_OPTION` for a class index out of range
 * @example
 * ```ts
 * import { jaccardFromTallies } from '@assay/core-metrics';
 * const tallies = {
 *   tp: Float64Array.of(5, 2),
 *   predicted: Float64Array.of(7, 3),
 *   actual: Float64Array.of(6, 4),
 * }; // the tallies of [[5, 1], [2, 2]]
 * jaccardFromTallies(tallies); // 0.4 (2 / 5)
 * ```
 * @see sklearn.metrics.jaccard_score
 */
export function jaccardFromTallies(
  tallies: LabelTallies,
  options: SetWiseConfusionOptions & { average: null },
): number[];
export function jaccardFromTallies(
  tallies: LabelTallies,
  options?: SetWiseConfusionOptions,
): number;
export function jaccardFromTallies(
  tallies: LabelTallies,
  options: SetWiseConfusionOptions = {},
): number | number[] {
  checkOptions(options, 'jaccardFromTallies', SET_WISE_CONFUSION_KEYS);
  const avg = options.average === undefined ? 'binary' : options.average;
  const indices = selectLabelIndices(tallies.tp.length, avg, options.labels, options.posLabel ?? 1);
  return jaccardOfTallies(pickTallies(tallies, indices), indices, options);
}

/** The computation behind both entry points, on the chosen classes' tallies. */
function jaccardOfTallies(
  chosen: LabelTallies,
  indices: readonly number[],
  options: SetWiseConfusionOptions,
): number | number[] {
  const avg = options.average === undefined ? 'binary' : options.average;
  const zeroDivision = options.zeroDivision ?? 'warn';
  const fill = zeroDivisionValue(zeroDivision);
  const { tp, predicted, actual } = chosen;
  let num = new Float64Array(tp.length);
  let den = new Float64Array(tp.length);
  const support = new Float64Array(tp.length);
  for (let j = 0; j < tp.length; j++) {
    const t = tp[j]!;
    const fp = predicted[j]! - t;
    const fn = actual[j]! - t;
    num[j] = t;
    den[j] = t + fp + fn;
    support[j] = fn + t;
  }
  if (avg === 'micro') {
    let n = 0;
    let d = 0;
    for (let j = 0; j < num.length; j++) {
      n += num[j]!;
      d += den[j]!;
    }
    num = Float64Array.of(n);
    den = Float64Array.of(d);
  }
  const scores = new Float64Array(num.length);
  const undefinedAt: number[] = [];
  for (let j = 0; j < scores.length; j++) {
    if (den[j] === 0) {
      scores[j] = fill;
      undefinedAt.push(j);
    } else {
      scores[j] = num[j]! / den[j]!;
    }
  }
  if (zeroDivision === 'warn' && undefinedAt.length > 0) {
    const pooled = avg === 'micro' || avg === 'binary';
    warnUndefined(
      options.metric ?? 'jaccardScore',
      'Jaccard is',
      'true or predicted',
      pooled ? [] : undefinedAt.map((j) => options.classes?.[indices[j]!] ?? indices[j]!),
    );
  }
  if (avg === null) return Array.from(scores);
  let weights: Float64Array | null = null;
  if (avg === 'weighted') {
    weights = support;
    if (weights.every((w) => w === 0)) weights = null;
  }
  return Number.isNaN(fill) ? nanAverage(scores, weights) : average(scores, weights);
}
