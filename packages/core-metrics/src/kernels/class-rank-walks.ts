import { registerScratch } from './scratch-pool.js';

// Per-positive count of lower negatives, reused between calls.
let below = new Int32Array(0);
registerScratch(() => {
  below = new Int32Array(0);
});

/**
 * Writes, for each positive score (ascending), how many negative scores are
 * strictly below it, and returns how many positives met an equal negative.
 *
 * @remarks
 * A merge of the two sorted classes written without a data-dependent branch:
 * each step takes the lower head (the negative on `neg[j] < pos[i]`) and
 * stores `j` at the positive's slot, overwritten until that positive is taken.
 * Scores are close to random between classes, so a branch per step would be
 * mispredicted about half the time.
 */
function countBelow(pos: Float64Array, neg: Float64Array, out: Int32Array): number {
  const p = pos.length;
  const n = neg.length;
  let i = 0;
  let j = 0;
  let ties = 0;
  while (i < p && j < n) {
    const a = pos[i]!;
    const b = neg[j]!;
    const negFirst = +(b < a);
    out[i] = j;
    ties += +(b === a);
    j += negFirst;
    i += 1 - negFirst;
  }
  for (; i < p; i++) out[i] = n;
  return ties;
}

/** As {@link countBelow} with `<=`: negatives at or below each positive. */
function countAtOrBelow(pos: Float64Array, neg: Float64Array, out: Int32Array): void {
  const p = pos.length;
  const n = neg.length;
  let i = 0;
  let j = 0;
  while (i < p && j < n) {
    const negFirst = +(neg[j]! <= pos[i]!);
    out[i] = j;
    j += negFirst;
    i += 1 - negFirst;
  }
  for (; i < p; i++) out[i] = n;
}

function belowOf(length: number): Int32Array {
  if (below.length < length) below = new Int32Array(length);
  return below.subarray(0, length);
}

/**
 * Unweighted ROC AUC of two ascending score arrays: the Mann–Whitney count
 * of (positive, negative) pairs in the right order, ties counting half, over
 * `P · N`.
 *
 * @remarks
 * `Σ_pos (#neg < s + #neg ≤ s) / 2` is an integer or a half-integer below
 * 2^53, so the area is exact; it equals the trapezoidal area under the ROC
 * curve (scikit-learn's `auc(fpr, tpr)`). The `≤` count is only made when
 * some positive equals some negative.
 *
 * @param pos - positive scores, ascending
 * @param neg - negative scores, ascending
 * @returns the AUC, or NaN when a class is empty
 * @example
 * ```ts
 * unweightedRocAuc(Float64Array.of(0.35, 0.8), Float64Array.of(0.1, 0.4)); // 0.75
 * unweightedRocAuc(Float64Array.of(0.5), Float64Array.of(0.2, 0.5)); // 0.75 (one pair right, one tie: 1.5 / 2)
 * unweightedRocAuc(Float64Array.of(0.5), new Float64Array(0)); // NaN
 * ```
 */
export function unweightedRocAuc(pos: Float64Array, neg: Float64Array): number {
  if (pos.length === 0 || neg.length === 0) return Number.NaN;
  const { below, ties } = sumBelow(pos, neg);
  let area = below;
  if (ties > 0) {
    const counts = belowOf(pos.length);
    countAtOrBelow(pos, neg, counts);
    let atOrBelow = 0;
    for (let i = 0; i < counts.length; i++) atOrBelow += counts[i]!;
    area = (area + atOrBelow) / 2;
  }
  return area / (pos.length * neg.length);
}

/**
 * As {@link countBelow}, summed instead of stored: `Σ_pos #neg < s` and how
 * many positives met an equal negative.
 */
function sumBelow(pos: Float64Array, neg: Float64Array): { below: number; ties: number } {
  const p = pos.length;
  const n = neg.length;
  let i = 0;
  let j = 0;
  let ties = 0;
  let below = 0;
  while (i < p && j < n) {
    const a = pos[i]!;
    const b = neg[j]!;
    const negFirst = +(b < a);
    below += j * (1 - negFirst);
    ties += +(b === a);
    j += negFirst;
    i += 1 - negFirst;
  }
  return { below: below + (p - i) * n, ties };
}

/**
 * Unweighted average precision of two ascending score arrays.
 *
 * @remarks
 * scikit-learn's `Σ_n (R_n − R_{n−1}) · P_n` over distinct thresholds from the
 * highest down, with `R_n = TP_n / P` and `P_n = TP_n / (TP_n + FP_n)`. Only
 * thresholds holding a positive add to it, so the walk visits the positives'
 * tie groups from the top: a group starting at `pos[g]` has `TP = P − g` and
 * `FP = N − #neg < pos[g]`. The terms and their order are those of the
 * curve-based kernels, so the result is bit for bit theirs.
 *
 * @param pos - positive scores, ascending
 * @param neg - negative scores, ascending
 * @returns the average precision; 0 without positives (as scikit-learn)
 * @example
 * ```ts
 * unweightedAveragePrecision(Float64Array.of(0.3, 0.9), Float64Array.of(0.1, 0.8)); // 0.8333333333333333
 * unweightedAveragePrecision(new Float64Array(0), Float64Array.of(0.1)); // 0
 * ```
 */
export function unweightedAveragePrecision(pos: Float64Array, neg: Float64Array): number {
  const p = pos.length;
  if (p === 0) return 0;
  const n = neg.length;
  const counts = belowOf(p);
  countBelow(pos, neg, counts);
  let ap = 0;
  let prevRecall = 0;
  let end = p;
  while (end > 0) {
    const v = pos[end - 1]!;
    let start = end - 1;
    while (start > 0 && pos[start - 1] === v) start--;
    const tp = p - start;
    const recall = tp / p;
    ap += (recall - prevRecall) * (tp / (tp + n - counts[start]!));
    prevRecall = recall;
    end = start;
  }
  return ap;
}
