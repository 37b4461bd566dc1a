import { checkNumbers, checkProbability, checkVector } from '../validation/check-arguments.js';
import { checkNoOptions } from '../validation/check-calls.js';
import { percentileSorted } from './quantile-sorted.js';
import { sortDefined } from './sort-defined.js';

/**
 * Percentiles of unsorted values, skipping NaN.
 *
 * @param values - observations (NaN entries are ignored)
 * @param qs - percentiles in [0, 100]
 * @returns one value per requested percentile (NaN when no value is defined)
 * @throws StatsError `INVALID_PROBABILITY` when a percentile is NaN or outside [0, 100];
 *   `MISSING_VALUE` or `INVALID_VALUE` when `values` or `qs` is not an array, `INVALID_VALUE`
 *   naming `values[i]` when an entry is not a number;
 *   `INVALID_OPTION` (path `options`) for an argument beyond these (it takes no options)
 * @remarks Each percentile is {@link percentileSorted} of the sorted defined
 *   values: `numpy.nanpercentile(values, qs)` with numpy's default
 *   `method='linear'`, bit for bit for percentiles of at most 15 significant digits
 *   (each is rounded to 15 digits first; one with more digits, such as `200/3`, can differ
 *   in the last digits, see {@link quantileSorted}).
 * @example
 * percentiles([3, 1, 2], [50, 90]); // [2, 2.8]
 * @see numpy.percentile
 */
export function percentiles(values: ArrayLike<number>, qs: readonly number[]): number[] {
  // biome-ignore lint/complexity/noArguments: counts a JavaScript caller's extra arguments; a rest parameter would show in the .d.ts
  checkNoOptions(arguments, 'percentiles');
  checkNumbers('percentiles', 'values', values);
  checkVector('percentiles', 'qs', qs, 'percentiles in [0, 100]');
  qs.forEach((q, i) => {
    checkProbability('percentiles', `qs[${i}]`, q, 100);
  });
  const sorted = sortDefined(values);
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
 * @throws StatsError `MISSING_VALUE` or `INVALID_VALUE` when `values` is not an array,
 *   `INVALID_VALUE` naming `values[i]` when an entry is not a number;
 *   `INVALID_OPTION` (path `options`) for an argument beyond these (it takes no options)
 * @remarks The percentiles are {@link percentileSorted} (numpy `method='linear'`);
 *   the mean sums the defined values in input order.
 * @example
 * summarizePercentiles([10, 20, 30]).p50; // 20
 */
export function summarizePercentiles(values: ArrayLike<number>): PercentileSummary {
  // biome-ignore lint/complexity/noArguments: counts a JavaScript caller's extra arguments; a rest parameter would show in the .d.ts
  checkNoOptions(arguments, 'summarizePercentiles');
  checkNumbers('summarizePercentiles', 'values', values);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) sum += v;
  }
  const sorted = sortDefined(values);
  const count = sorted.length;
  return {
    count,
    mean: count === 0 ? Number.NaN : sum / count,
    p50: percentileSorted(sorted, 50),
    p90: percentileSorted(sorted, 90),
    p95: percentileSorted(sorted, 95),
    p99: percentileSorted(sorted, 99),
    max: count === 0 ? Number.NaN : sorted[count - 1]!,
  };
}
