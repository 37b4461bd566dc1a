/**
 * Linear-interpolation percentile of already sorted values (numpy's default
 * `method='linear'`).
 *
 * @param sorted - ascending values, NaN-free
 * @param q - percentile in [0, 100]
 * @returns the interpolated percentile, NaN for an empty input
 * @remarks With `n` values the rank is `h = (n - 1) * q / 100`; the result is
 *   `x[floor(h)] + (h - floor(h)) * (x[floor(h) + 1] - x[floor(h)])`.
 * @example
 * percentileSorted([1, 2, 3, 4], 50); // 2.5
 * @see numpy.percentile
 */
export function percentileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = ((n - 1) * Math.min(100, Math.max(0, q))) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (h - lo) * (b - a);
}

/**
 * Percentiles of unsorted values, skipping NaN.
 *
 * @param values - observations (NaN entries are ignored)
 * @param qs - percentiles in [0, 100]
 * @returns one value per requested percentile (NaN when no finite value exists)
 * @example
 * percentiles([3, 1, 2], [50, 90]); // [2, 2.8]
 * @see numpy.percentile
 */
export function percentiles(values: ArrayLike<number>, qs: readonly number[]): number[] {
  const kept: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) kept.push(v);
  }
  const sorted = Float64Array.from(kept).sort();
  return qs.map((q) => percentileSorted(sorted, q));
}

/** Latency-style summary of a sample: count and the usual service percentiles. */
export interface PercentileSummary {
  /** number of non-NaN observations */
  count: number;
  /** arithmetic mean (NaN when empty) */
  mean: number;
  /** median */
  p50: number;
  /** 90th percentile */
  p90: number;
  /** 95th percentile */
  p95: number;
  /** 99th percentile */
  p99: number;
  /** largest observation */
  max: number;
}

/**
 * Summarizes a sample with mean, p50/p90/p95/p99 and max, ignoring NaN.
 *
 * @param values - observations (e.g. latencies in ms)
 * @returns the summary; every field NaN (count 0) when nothing was observed
 * @example
 * summarizePercentiles([10, 20, 30]).p50; // 20
 */
export function summarizePercentiles(values: ArrayLike<number>): PercentileSummary {
  const kept: number[] = [];
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) {
      kept.push(v);
      sum += v;
    }
  }
  const sorted = Float64Array.from(kept).sort();
  return {
    count: sorted.length,
    mean: sorted.length === 0 ? Number.NaN : sum / sorted.length,
    p50: percentileSorted(sorted, 50),
    p90: percentileSorted(sorted, 90),
    p95: percentileSorted(sorted, 95),
    p99: percentileSorted(sorted, 99),
    max: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1]!,
  };
}

/**
 * Mean and standard deviation of fold scores.
 *
 * @param values - one score per fold (NaN entries are ignored)
 * @returns `{ mean, std }` with the population standard deviation (ddof = 0,
 *   as `numpy.std` and scikit-learn's `cross_val_score(...).std()` report)
 * @example
 * meanStd([1, 3]); // { mean: 2, std: 1 }
 */
export function meanStd(values: readonly number[]): { mean: number; std: number } {
  const kept = values.filter((v) => !Number.isNaN(v));
  if (kept.length === 0) return { mean: Number.NaN, std: Number.NaN };
  const mean = kept.reduce((a, b) => a + b, 0) / kept.length;
  const variance = kept.reduce((a, b) => a + (b - mean) ** 2, 0) / kept.length;
  return { mean, std: Math.sqrt(variance) };
}
