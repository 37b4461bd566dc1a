/**
 * Median of absolute residuals: numpy's median without weights, scikit-learn's
 * `_weighted_percentile(·, w, 50)` with them.
 *
 * @param absResiduals - |r| per row (sorted in place when unweighted)
 * @param weight - per-row weights, or null
 * @returns the (weighted) median
 * @example
 * ```ts
 * medianOfAbsolute(Float64Array.of(3, 1, 2, 10), null); // 2.5
 * medianOfAbsolute(Float64Array.of(1, 2, 3, 4), Float64Array.of(1, 1, 1, 1)); // 2 (the lower weighted median)
 * medianOfAbsolute(Float64Array.of(3, 1, 2), Float64Array.of(1, 1, 5)); // 2
 * ```
 */
export function medianOfAbsolute(absResiduals: Float64Array, weight: Float64Array | null): number {
  const n = absResiduals.length;
  if (weight === null) {
    const sorted = absResiduals.sort();
    const mid = n >>> 1;
    return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => absResiduals[a]! - absResiduals[b]!,
  );
  const cdf = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += weight[order[i]!]!;
    cdf[i] = total;
  }
  let target = 0.5 * total;
  if (target === 0) target = Number.MIN_VALUE;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return absResiduals[order[Math.min(lo, n - 1)]!]!;
}
