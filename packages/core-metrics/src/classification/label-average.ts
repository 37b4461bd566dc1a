/**
 * Mean of `values`, optionally weighted, as numpy's `np.average`: `Σ vᵢwᵢ / Σ wᵢ`.
 *
 * @param values - the values
 * @param weights - weights (same length) or null for the plain mean
 * @param length - how many leading entries to average (default all; for reused buffers)
 * @returns the (weighted) mean; NaN for no values or zero total weight
 * @example
 * ```ts
 * average([1, 2, 3], null); // 2
 * average([1, 3], [3, 1]); // 1.5
 * average([], null); // NaN
 * ```
 */
export function average(
  values: ArrayLike<number>,
  weights: ArrayLike<number> | null,
  length = values.length,
): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < length; i++) {
    const w = weights === null ? 1 : weights[i]!;
    num += values[i]! * w;
    den += w;
  }
  return num / den;
}

/**
 * Mean that ignores NaN entries (and their weights), as scikit-learn's `_nanaverage`:
 * NaN when every entry is NaN; the plain mean of the rest when their weights sum to 0.
 *
 * @param values - the values, NaN where ill-defined
 * @param weights - weights (same length) or null
 * @param length - how many leading entries to average (default all; for reused buffers)
 * @returns the mean over the defined entries
 * @example
 * ```ts
 * nanAverage([1, NaN, 3], [1, 5, 3]); // 2.5 (the NaN and its weight left out)
 * nanAverage([1, 3], [0, 0]); // 2 (zero total weight: plain mean)
 * nanAverage([NaN], null); // NaN
 * ```
 */
export function nanAverage(
  values: ArrayLike<number>,
  weights: ArrayLike<number> | null,
  length = values.length,
): number {
  let num = 0;
  let den = 0;
  let plain = 0;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    const w = weights === null ? 1 : weights[i]!;
    num += v * w;
    den += w;
    plain += v;
    n += 1;
  }
  if (n === 0) return Number.NaN;
  return den === 0 ? plain / n : num / den;
}
