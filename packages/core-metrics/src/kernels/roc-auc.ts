import { binaryCurveKernel } from './binary-curve.js';
import { bucketedRocAuc, selectedExtremes } from './class-bucket-walks.js';
import { unweightedRocAuc } from './class-rank-walks.js';
import { sortScoresByClass } from './class-sorted-scores.js';

/**
 * Unchecked binary ROC AUC over typed arrays: the kernel behind
 * `rocAucScore`.
 *
 * @remarks
 * Radix-sorts each class's scores on the float64 bit patterns. Without
 * weights an MSD scatter straight from the column does it and a branch-free
 * merge counts the negatives below each positive (ties half): an exact
 * Mann–Whitney area over `P · N`. With weights, an LSD sort carrying them,
 * then a merge walk from the highest score down in tie groups adding one
 * trapezoid per group: `area += fp_g · (TP_before + tp_g / 2)`; AUC =
 * `area / (P · N)`. Both equal the trapezoidal area. This is scikit-learn's `auc(*roc_curve(...)[:2])` without
 * materializing the curve. With `maxFpr < 1` it returns the McClish-standardized
 * partial AUC `0.5 · (1 + (A − m²/2) / (m − m²/2))` with `m = maxFpr`, where `A`
 * is the area up to `fpr = m` with the last point linearly interpolated.
 *
 * No validation: scores must be finite, weights finite and non-negative.
 * Returns NaN when the selection has no positive or no negative weight.
 *
 * @param isPositive - 1 for rows of the positive class, else 0
 * @param scores - finite scores, higher meaning more likely positive
 * @param weight - per-row weights, or null for unit weights
 * @param rows - row indices to use (e.g. one fold), or null for all rows
 * @param maxFpr - upper FPR bound in (0, 1]; 1 (default) gives the full AUC
 * @returns the (standardized partial) area under the ROC curve, or NaN
 * @example
 * ```ts
 * import { rocAucBinaryKernel } from '@assay/core-metrics';
 * const isPositive = new Uint8Array([0, 0, 1, 1]);
 * rocAucBinaryKernel(isPositive, new Float64Array([0.1, 0.4, 0.35, 0.8]), null, null); // 0.75
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.roc_auc_score.html
 */
export function rocAucBinaryKernel(
  isPositive: Uint8Array,
  scores: Float64Array,
  weight: Float64Array | null,
  rows: Uint32Array | null,
  maxFpr = 1,
): number {
  if (maxFpr < 1) return partialAuc(binaryCurveKernel(isPositive, scores, weight, rows), maxFpr);
  if (weight === null) {
    const [min, max] = selectedExtremes(scores, rows);
    return unweightedRocAucKernel(isPositive, scores, rows, min, max);
  }
  const { pos, neg, posWeight, negWeight } = sortScoresByClass(isPositive, scores, weight, rows);
  if (posWeight === null || negWeight === null) return unweightedRocAuc(pos, neg);
  let i = pos.length - 1;
  let j = neg.length - 1;
  let tp = 0;
  let fp = 0;
  let area = 0;
  while (i >= 0 || j >= 0) {
    const a = i >= 0 ? pos[i]! : Number.NEGATIVE_INFINITY;
    const b = j >= 0 ? neg[j]! : Number.NEGATIVE_INFINITY;
    const v = Math.max(a, b);
    let gtp = 0;
    let gfp = 0;
    if (posWeight === null) {
      const i0 = i;
      while (i >= 0 && pos[i] === v) i--;
      gtp = i0 - i;
    } else {
      while (i >= 0 && pos[i] === v) gtp += posWeight[i--]!;
    }
    if (negWeight === null) {
      const j0 = j;
      while (j >= 0 && neg[j] === v) j--;
      gfp = j0 - j;
    } else {
      while (j >= 0 && neg[j] === v) gfp += negWeight[j--]!;
    }
    area += gfp * (tp + gtp / 2);
    tp += gtp;
    fp += gfp;
  }
  if (tp <= 0 || fp <= 0) return Number.NaN;
  return area / (tp * fp);
}

/**
 * Unweighted binary ROC AUC of the selected rows whose extremes are known
 * (the public function finds them in its validation pass): bucket by bucket
 * ({@link bucketedRocAuc}), or over the whole sorted classes when all scores
 * are equal or one is `-0`.
 *
 * @param isPositive - 1 for rows of the positive class, else 0
 * @param scores - scores without NaN
 * @param rows - the rows to use, or null for all rows
 * @param min - the least selected score
 * @param max - the greatest selected score
 * @returns the AUC, or NaN when a class is empty
 * @example
 * ```ts
 * const isPositive = Uint8Array.of(0, 0, 1, 1);
 * unweightedRocAucKernel(isPositive, Float64Array.of(0.1, 0.4, 0.35, 0.8), null, 0.1, 0.8); // 0.75
 * unweightedRocAucKernel(Uint8Array.of(0, 1), Float64Array.of(0.5, 0.5), null, 0.5, 0.5); // 0.5 (all tied)
 * ```
 */
export function unweightedRocAucKernel(
  isPositive: Uint8Array,
  scores: Float64Array,
  rows: Uint32Array | null,
  min: number,
  max: number,
): number {
  const auc = bucketedRocAuc(isPositive, scores, rows, min, max);
  if (auc !== undefined) return auc;
  const { pos, neg } = sortScoresByClass(isPositive, scores, null, rows);
  return unweightedRocAuc(pos, neg);
}

/**
 * McClish-standardized partial AUC from a binary curve, as scikit-learn's
 * `_binary_roc_auc_score` with `max_fpr`.
 */
function partialAuc(curve: ReturnType<typeof binaryCurveKernel>, maxFpr: number): number {
  const { fps, tps } = curve;
  const m = fps.length;
  const neg = m === 0 ? 0 : fps[m - 1]!;
  const pos = m === 0 ? 0 : tps[m - 1]!;
  if (pos <= 0 || neg <= 0) return Number.NaN;
  let prevX = 0;
  let prevY = 0;
  let area = 0;
  for (let g = 0; g < m; g++) {
    const x = fps[g]! / neg;
    const y = tps[g]! / pos;
    if (x > maxFpr) {
      const yAt = prevY + ((y - prevY) / (x - prevX)) * (maxFpr - prevX);
      area += ((maxFpr - prevX) * (yAt + prevY)) / 2;
      break;
    }
    area += ((x - prevX) * (y + prevY)) / 2;
    prevX = x;
    prevY = y;
  }
  const minArea = 0.5 * maxFpr * maxFpr;
  return 0.5 * (1 + (area - minArea) / (maxFpr - minArea));
}
