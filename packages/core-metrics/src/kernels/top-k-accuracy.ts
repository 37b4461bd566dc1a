/**
 * Unchecked top-k accuracy over a row-major score matrix: the kernel behind
 * `topKAccuracyScore` for multiclass scores.
 *
 * @remarks
 * Row i is a hit when fewer than `k` classes rank above its true class `t`.
 * Ties follow scikit-learn, which ranks by a stable ascending argsort reversed:
 * class `j` ranks above `t` when `s_j > s_t`, or `s_j = s_t` and `j > t`.
 * Returns `Σ w_i·hit_i / Σ w_i` (`normalize`) or `Σ w_i·hit_i`.
 *
 * @param yCodes - true class index per row
 * @param scores - row-major n×k scores
 * @param nClasses - k
 * @param k - how many top-ranked classes count as a hit
 * @param weight - per-row weights, or null
 * @param rows - row indices to use, or null for all rows
 * @param normalize - fraction (true, default) or weighted count (false)
 * @returns the top-k accuracy
 * @example
 * ```ts
 * import { topKAccuracyKernel } from '@assay/core-metrics';
 * const scores = new Float64Array([0.5, 0.2, 0.3, 0.1, 0.6, 0.3]);
 * topKAccuracyKernel(new Int32Array([1, 0]), scores, 3, 2, null, null); // 0
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.top_k_accuracy_score.html
 */
export function topKAccuracyKernel(
  yCodes: Int32Array | Uint8Array,
  scores: Float64Array,
  nClasses: number,
  k: number,
  weight: Float64Array | null,
  rows: Uint32Array | null,
  normalize = true,
): number {
  const n = rows === null ? yCodes.length : rows.length;
  let hits = 0;
  let weightSum = 0;
  for (let j = 0; j < n; j++) {
    const r = rows === null ? j : rows[j]!;
    const base = r * nClasses;
    const t = yCodes[r]!;
    const st = scores[base + t]!;
    let above = 0;
    for (let c = 0; c < nClasses; c++) {
      const s = scores[base + c]!;
      if (s > st || (s === st && c > t)) above++;
    }
    const hit = above < k ? 1 : 0;
    if (weight === null) {
      hits += hit;
    } else {
      hits += hit * weight[r]!;
      weightSum += weight[r]!;
    }
  }
  if (!normalize) return hits;
  return weight === null ? hits / n : hits / weightSum;
}
