import type { AveragingMethod } from '../classification/average-option.js';

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

/** Running sums of numpy's `average` and scikit-learn's `_nanaverage`, weighted and plain. */
class MeanSums {
  num = 0;
  den = 0;
  plain = 0;
  n = 0;
  reset(): void {
    this.num = 0;
    this.den = 0;
    this.plain = 0;
    this.n = 0;
  }
}

const WEIGHTED = new MeanSums();
const UNWEIGHTED = new MeanSums();

function add(sums: MeanSums, value: number, weight: number, nanPolicy: boolean): void {
  if (nanPolicy && Number.isNaN(value)) return;
  sums.num += value * weight;
  sums.den += weight;
  sums.plain += value;
  sums.n += 1;
}

function meanOf(sums: MeanSums, nanPolicy: boolean): number {
  if (!nanPolicy) return sums.num / sums.den;
  if (sums.n === 0) return Number.NaN;
  return sums.den === 0 ? sums.plain / sums.n : sums.num / sums.den;
}

/**
 * The `'micro'` score: tp, predicted and actual pooled over the chosen classes (and, for
 * Jaccard, each class's `tp + fp + fn`), summed in class order as scikit-learn sums them.
 */
function microScore(
  counts: Float64Array,
  k: number,
  which: SetWiseQuantity,
  labels: ArrayLike<number> | null,
  fill: number,
  beta: number,
): number {
  let tp = 0;
  let predicted = 0;
  let actual = 0;
  let union = 0;
  const m = labels === null ? k : labels.length;
  for (let i = 0; i < m; i++) {
    const t = tallyOf(counts, k, labels === null ? i : labels[i]!);
    if (labels === null && t.actual + t.predicted === 0) continue;
    tp += t.tp;
    predicted += t.predicted;
    actual += t.actual;
    union += t.tp + (t.predicted - t.tp) + (t.actual - t.tp);
  }
  if (which === 'jaccard') return union === 0 ? fill : tp / union;
  TALLY.tp = tp;
  TALLY.predicted = predicted;
  TALLY.actual = actual;
  return scoreOf(which, TALLY, fill, beta);
}

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
  const nanPolicy = Number.isNaN(zeroDivision);
  if (average === 'binary') {
    return scoreOf(which, tallyOf(counts, nClasses, labels![0]!), zeroDivision, beta);
  }
  if (average === 'micro') return microScore(counts, nClasses, which, labels, zeroDivision, beta);
  WEIGHTED.reset();
  UNWEIGHTED.reset();
  let support = 0;
  let predictedTotal = 0;
  const m = labels === null ? nClasses : labels.length;
  for (let i = 0; i < m; i++) {
    const t = tallyOf(counts, nClasses, labels === null ? i : labels[i]!);
    if (labels === null && t.actual + t.predicted === 0) continue;
    support += t.actual;
    predictedTotal += t.predicted;
    const weight = which === 'jaccard' ? t.actual - t.tp + t.tp : t.actual;
    const value = scoreOf(which, t, zeroDivision, beta);
    add(WEIGHTED, value, weight, nanPolicy);
    add(UNWEIGHTED, value, 1, nanPolicy);
  }
  if (average === 'macro') return meanOf(UNWEIGHTED, nanPolicy);
  if (support > 0) return meanOf(WEIGHTED, nanPolicy);
  if (which === 'jaccard') return meanOf(UNWEIGHTED, nanPolicy);
  const special = zeroDivision === 1 ? 1 : nanPolicy ? Number.NaN : 0;
  return which === 'recall' || predictedTotal === 0 ? special : 0;
}
