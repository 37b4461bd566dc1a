import type { AveragingMethod } from '../classification/average-option.js';
import { nanAverage, average as plainAverage } from '../classification/label-average.js';

/** The quantity {@link setWiseScoreKernel} returns. */
export type SetWiseQuantity = 'precision' | 'recall' | 'fbeta' | 'jaccard';

/** Per-class tallies of one chosen class (reused: the kernel allocates nothing). */
interface Tally {
  tp: number;
  predicted: number;
  actual: number;
}

const TALLY: Tally = { tp: 0, predicted: 0, actual: 0 };

/** Reads class `c`'s tallies off row-major K×K counts, rows and columns summed in order. */
function tallyOf(counts: Float64Array, k: number, c: number): Tally {
  let row = 0;
  let col = 0;
  for (let j = 0; j < k; j++) {
    row += counts[c * k + j]!;
    col += counts[j * k + c]!;
  }
  TALLY.tp = counts[c * k + c]!;
  TALLY.predicted = col;
  TALLY.actual = row;
  return TALLY;
}

/**
 * One class's (or the pooled classes') score, as
 * `precisionRecallFscoreSupportFromConfusion` and `jaccardFromConfusion` compute them.
 */
function scoreOf(which: SetWiseQuantity, t: Tally, fill: number, beta: number): number {
  const { tp, predicted, actual } = t;
  if (which === 'jaccard') {
    const den = tp + (predicted - tp) + (actual - tp);
    return den === 0 ? fill : tp / den;
  }
  const precision = predicted === 0 ? fill : tp / predicted;
  const recall = actual === 0 ? fill : tp / actual;
  if (which === 'precision') return precision;
  if (which === 'recall' || beta === Number.POSITIVE_INFINITY) return recall;
  const nanPolicy = Number.isNaN(fill);
  if (nanPolicy && predicted === 0 && actual === 0) return Number.NaN;
  const p = nanPolicy && predicted === 0 ? 0 : precision;
  const r = nanPolicy && actual === 0 ? 0 : recall;
  const beta2 = beta * beta;
  let denom = beta2 * p + r;
  if (denom === 0) denom = 1;
  return ((1 + beta2) * p * r) / denom;
}

/** Per-class scores and weights of one call, reused (grown when a call chooses more classes). */
let VALUES = new Float64Array(64);
let WEIGHTS = new Float64Array(64);

/**
 * Unchecked precision, recall, F-beta or Jaccard index of K×K confusion counts under one
 * average, allocating nothing: the kernel that bootstrap replicates call (thousands of
 * times per job) in place of the validated `precisionRecallFscoreSupportFromConfusion`
 * and `jaccardFromConfusion`, whose numbers it reproduces bit for bit.
 *
 * @remarks
 * Per class l: `P = tp / (tp + fp)`, `R = tp / (tp + fn)`,
 * `F_β = (1 + β²)·P·R / (β²·P + R)` (0 when that denominator is 0), `J = tp / (tp + fp + fn)`;
 * a 0/0 ratio is `zeroDivision`. `'binary'` scores `labels[0]` (the positive class);
 * `'macro'` is the plain mean over `labels`, `'weighted'` the mean weighted by support,
 * `'micro'` pools tp, fp and fn first. With `zeroDivision` NaN, means skip NaN entries as
 * scikit-learn's `_nanaverage`. Weighted precision, recall and F with no support at all
 * follow scikit-learn 1.2's special values; weighted Jaccard without support is the plain
 * mean. Nothing is checked: class indices must lie in `[0, K)` and `counts` must hold K²
 * non-negative numbers.
 *
 * @param counts - row-major K×K counts (row = true class)
 * @param nClasses - K
 * @param which - the quantity
 * @param average - the average (`'binary'` scores `labels[0]`)
 * @param labels - class indices to average over, or null for the classes present in the
 *   counts (a class with a true or a predicted row: scikit-learn's `unique_labels`)
 * @param zeroDivision - the value of a 0/0 ratio (0, 1 or NaN)
 * @param beta - the F-score's β (default 1)
 * @returns the score
 * @example
 * ```ts
 * import { setWiseScoreKernel } from '@assay/core-metrics';
 * const counts = Float64Array.of(5, 1, 2, 2); // [[5, 1], [2, 2]]
 * setWiseScoreKernel(counts, 2, 'precision', 'binary', [1], 0); // 0.6666666666666666
 * setWiseScoreKernel(counts, 2, 'fbeta', 'macro', null, 0); // 0.6703296703296704 ((10/13 + 4/7) / 2)
 * ```
 * @see sklearn.metrics.precision_recall_fscore_support
 * @see sklearn.metrics.jaccard_score
 */
export function setWiseScoreKernel(
  counts: Float64Array,
  nClasses: number,
  which: SetWiseQuantity,
  average: AveragingMethod,
  labels: ArrayLike<number> | null,
  zeroDivision: number,
  beta = 1,
): number {
  if (average === 'binary') {
    return scoreOf(which, tallyOf(counts, nClasses, labels![0]!), zeroDivision, beta);
  }
  const m = labels === null ? nClasses : labels.length;
  if (VALUES.length < m) {
    VALUES = new Float64Array(m);
    WEIGHTS = new Float64Array(m);
  }
  let chosen = 0;
  let tp = 0;
  let predicted = 0;
  let actual = 0;
  let union = 0;
  for (let i = 0; i < m; i++) {
    const t = tallyOf(counts, nClasses, labels === null ? i : labels[i]!);
    if (labels === null && t.actual + t.predicted === 0) continue;
    tp += t.tp;
    predicted += t.predicted;
    actual += t.actual;
    union += t.tp + (t.predicted - t.tp) + (t.actual - t.tp);
    // Jaccard's support is scikit-learn's `fn + tp`, which rounds differently from the row
    // sum on weighted counts
    WEIGHTS[chosen] = which === 'jaccard' ? t.actual - t.tp + t.tp : t.actual;
    VALUES[chosen] = scoreOf(which, t, zeroDivision, beta);
    chosen++;
  }
  if (average === 'micro') {
    if (which === 'jaccard') return union === 0 ? zeroDivision : tp / union;
    TALLY.tp = tp;
    TALLY.predicted = predicted;
    TALLY.actual = actual;
    return scoreOf(which, TALLY, zeroDivision, beta);
  }
  const nanPolicy = Number.isNaN(zeroDivision);
  const mean = nanPolicy ? nanAverage : plainAverage;
  if (average === 'macro') return mean(VALUES, null, chosen);
  if (actual > 0) return mean(VALUES, WEIGHTS, chosen);
  if (which === 'jaccard') return mean(VALUES, null, chosen);
  const special = zeroDivision === 1 ? 1 : nanPolicy ? Number.NaN : 0;
  return which === 'recall' || predicted === 0 ? special : 0;
}
