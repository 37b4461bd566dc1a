/**
 * The percentile bootstrap interval of a set of replicate values: the
 * `(1 - level) / 2` and `(1 + level) / 2` quantiles with linear interpolation
 * between order statistics (numpy's default `percentile` method). NaN
 * replicates (metric undefined on that resample) are left out.
 *
 * @param replicates - the metric on each bootstrap resample
 * @param level - confidence level in (0, 1), e.g. 0.95
 * @returns `[lo, hi]`, or null when no replicate is defined
 */
export function percentileInterval(
  replicates: ArrayLike<number>,
  level: number,
): [number, number] | null {
  const values: number[] = [];
  for (let i = 0; i < replicates.length; i++) {
    const v = replicates[i]!;
    if (!Number.isNaN(v)) values.push(v);
  }
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  // (1 - 0.95) / 2 is 0.025000000000000022 in floating point; round so that
  // the order-statistic position is the one numpy computes for `100 * alpha` percent
  const alpha = Math.round(((1 - level) / 2) * 1e12) / 1e12;
  return [quantile(values, alpha), quantile(values, 1 - alpha)];
}

function quantile(sorted: number[], q: number): number {
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const frac = pos - lo;
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * frac;
}
