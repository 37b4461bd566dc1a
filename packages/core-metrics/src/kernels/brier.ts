/**
 * Unchecked Brier score over typed arrays: the kernel behind `brierScoreLoss`.
 *
 * @remarks
 * `Σ w_i (y_i − p_i)² / Σ w_i` with `y_i ∈ {0, 1}`.
 *
 * @param isPositive - 1 where the row is of the positive class
 * @param prob - predicted probability of the positive class
 * @param weight - per-row weights, or null for unit weights
 * @param rows - row indices to use, or null for all rows
 * @returns the weighted mean squared difference
 * @example
 * ```ts
 * import { brierKernel } from '@assay/core-metrics';
 * brierKernel(new Uint8Array([0, 1, 1, 0]), new Float64Array([0.1, 0.9, 0.8, 0.3]), null, null); // 0.0375
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.brier_score_loss.html
 */
export function brierKernel(
  isPositive: Uint8Array,
  prob: Float64Array,
  weight: Float64Array | null,
  rows: Uint32Array | null,
): number {
  const n = rows === null ? isPositive.length : rows.length;
  let total = 0;
  let weightSum = 0;
  for (let j = 0; j < n; j++) {
    const r = rows === null ? j : rows[j]!;
    const d = isPositive[r]! - prob[r]!;
    if (weight === null) {
      total += d * d;
    } else {
      total += weight[r]! * d * d;
      weightSum += weight[r]!;
    }
  }
  return weight === null ? total / n : total / weightSum;
}
