/**
 * Labels in `[0, DENSE_LABEL_LIMIT)` take the one-pass {@link accumulateDenseLabelConfusion} path.
 *
 * @example
 * ```ts
 * DENSE_LABEL_LIMIT; // 64
 * ```
 */
export const DENSE_LABEL_LIMIT = 64;

/**
 * One-pass encode-and-tally for raw Int32 labels that are small non-negative integers:
 * adds every row to a `64 × 64` grid indexed by the raw label values, so no separate
 * encoding pass or code arrays are needed. Stops and returns false at the first label
 * outside `[0, 64)` (the grid is then partial and must be discarded).
 *
 * @remarks
 * Unchecked kernel behind the public classification functions' Int32Array fast path.
 * With weights, `seen[v]` / `seen[64 + v]` record labels occurring in yTrue / yPred even
 * on zero-weight rows (scikit-learn counts such labels as present).
 *
 * @param grid - `2 * 64 * 64` cells, zeroed by the caller: two `64 × 64` halves (row =
 *   true label value); unweighted even and odd rows go to different halves, so
 *   consecutive rows never wait on the same cell; the caller adds the halves
 * @param seen - 128 presence flags (true labels, then predicted), or null when unweighted
 * @param yTrue - raw true labels
 * @param yPred - raw predicted labels, same length
 * @param weight - per-row weights or null
 * @returns true when every label was in range and all rows were added
 * @throws never
 * @example
 * ```ts
 * const grid = new Float64Array(2 * 64 * 64);
 * accumulateDenseLabelConfusion(grid, null, Int32Array.of(0, 3), Int32Array.of(0, 2), null); // true
 * grid[0]; // 1 (row 0, first half)
 * grid[4096 + 3 * 64 + 2]; // 1 (row 1, second half)
 * ```
 * @see sklearn.metrics.confusion_matrix
 */
export function accumulateDenseLabelConfusion(
  grid: Float64Array,
  seen: Uint8Array | null,
  yTrue: Int32Array,
  yPred: Int32Array,
  weight: Float64Array | null,
): boolean {
  const n = yTrue.length;
  const pairs = n - (n & 1);
  if (weight === null || seen === null) {
    for (let i = 0; i < pairs; i += 2) {
      const t0 = yTrue[i]!;
      const p0 = yPred[i]!;
      const t1 = yTrue[i + 1]!;
      const p1 = yPred[i + 1]!;
      // One test covers negatives (sign bit) and values >= 64.
      if (((t0 | p0 | t1 | p1) & -64) !== 0) return false;
      grid[(t0 << 6) | p0]! += 1;
      grid[4096 + ((t1 << 6) | p1)]! += 1;
    }
    if (pairs < n) {
      const t = yTrue[pairs]!;
      const p = yPred[pairs]!;
      if (((t | p) & -64) !== 0) return false;
      grid[(t << 6) | p]! += 1;
    }
    return true;
  }
  for (let i = 0; i < n; i++) {
    const t = yTrue[i]!;
    const p = yPred[i]!;
    if (((t | p) & -64) !== 0) return false;
    // Weighted rows stay in row order (first half only), so every cell is the same
    // floating-point sum that accumulateConfusion produces.
    grid[(t << 6) | p]! += weight[i]!;
    seen[t] = 1;
    seen[64 + p] = 1;
  }
  return true;
}
