import { binaryCurveKernel } from './binary-curve.js';
import { bucketedAveragePrecision, selectedExtremes } from './class-bucket-walks.js';
import { unweightedAveragePrecision } from './class-rank-walks.js';
import { sortScoresByClass } from './class-sorted-scores.js';

/**
 * Unchecked binary average precision over typed arrays: the kernel behind
 * `averagePrecisionScore`.
 *
 * @remarks
 * `AP = Σ_n (R_n − R_{n−1}) · P_n` over distinct thresholds from the highest
 * score down (scikit-learn's non-interpolated step integral), with
 * `P_n = TP_n / (TP_n + FP_n)` and `R_n = TP_n / P`. With no positive weight
 * scikit-learn takes the recall as 1 everywhere, which makes AP 0; so does this.
 * Without weights no curve is built: the positives' tie groups are walked from
 * the top with the count of negatives below each (same terms, same order).
 *
 * @param isPositive - 1 for rows of the positive class, else 0
 * @param scores - finite scores
 * @param weight - per-row weights, or null for unit weights
 * @param rows - row indices to use, or null for all rows
 * @returns the average precision
 * @example
 * ```ts
 * import { averagePrecisionKernel } from '@assay/core-metrics';
 * const isPositive = new Uint8Array([0, 0, 1, 1]);
 * averagePrecisionKernel(isPositive, new Float64Array([0.1, 0.4, 0.35, 0.8]), null, null); // 0.8333…
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.average_precision_score.html
 */
export function averagePrecisionKernel(
  isPositive: Uint8Array,
  scores: Float64Array,
  weight: Float64Array | null,
  rows: Uint32Array | null,
): number {
  if (weight === null) {
    const [min, max] = selectedExtremes(scores, rows);
    return unweightedAveragePrecisionKernel(isPositive, scores, rows, min, max);
  }
  const { fps, tps } = binaryCurveKernel(isPositive, scores, weight, rows);
  const m = tps.length;
  const pos = m === 0 ? 0 : tps[m - 1]!;
  if (pos <= 0) return 0;
  let prevRecall = 0;
  let ap = 0;
  for (let g = 0; g < m; g++) {
    const tp = tps[g]!;
    const recall = tp / pos;
    ap += (recall - prevRecall) * (tp / (tp + fps[g]!));
    prevRecall = recall;
  }
  return ap;
}

/**
 * Unweighted average precision of the selected rows whose extremes are known:
 * bucket by bucket ({@link bucketedAveragePrecision}), or over the whole
 * sorted classes when all scores are equal or one is `-0`.
 *
 * @param isPositive - 1 for rows of the positive class, else 0
 * @param scores - scores without NaN
 * @param rows - the rows to use, or null for all rows
 * @param min - the least selected score
 * @param max - the greatest selected score
 * @returns the average precision (0 without positives)
 * @example
 * ```ts
 * const isPositive = Uint8Array.of(1, 0, 1, 0), scores = Float64Array.of(0.9, 0.8, 0.3, 0.1);
 * unweightedAveragePrecisionKernel(isPositive, scores, null, 0.1, 0.9); // 0.8333333333333333
 * unweightedAveragePrecisionKernel(isPositive, scores, Uint32Array.of(0, 1, 3), 0.1, 0.9); // 1
 * ```
 */
export function unweightedAveragePrecisionKernel(
  isPositive: Uint8Array,
  scores: Float64Array,
  rows: Uint32Array | null,
  min: number,
  max: number,
): number {
  const ap = bucketedAveragePrecision(isPositive, scores, rows, min, max);
  if (ap !== undefined) return ap;
  const { pos, neg } = sortScoresByClass(isPositive, scores, null, rows);
  return unweightedAveragePrecision(pos, neg);
}
