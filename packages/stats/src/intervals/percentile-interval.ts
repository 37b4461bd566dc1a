import { quantileSorted } from '../quantiles/quantile-sorted.js';
import { sortDefined } from '../quantiles/sort-defined.js';
import { checkLevel, checkNumbers } from '../validation/check-arguments.js';
import { checkNoOptions } from '../validation/check-calls.js';

/**
 * The percentile interval of ascending, NaN-free replicates at a level that has
 * been checked already: {@link percentileInterval}'s kernel, unchecked, for hot
 * paths that sort their own replicates (the paired bootstrap, the runner's
 * bootstrap intervals).
 *
 * @param sorted - ascending replicates, at least one
 * @param level - confidence level in (0, 1)
 * @returns `[lo, hi]`
 * @example
 * ```ts
 * percentileIntervalOfSorted([1, 2, 3, 4, 5], 0.5); // [2, 4] (the 25th and 75th percentiles)
 * percentileIntervalOfSorted([7], 0.95); // [7, 7]
 * ```
 */
export function percentileIntervalOfSorted(
  sorted: ArrayLike<number>,
  level: number,
): [number, number] {
  const alpha = (1 - level) / 2;
  return [quantileSorted(sorted, alpha), quantileSorted(sorted, 1 - alpha)];
}

/**
 * The percentile bootstrap interval of a set of replicate values.
 *
 * @param replicates - the statistic on each bootstrap resample; NaN (statistic
 *   undefined on that resample) is left out
 * @param level - confidence level in (0, 1), e.g. 0.95
 * @returns `[lo, hi]`, or null when no replicate is defined
 * @throws StatsError `INVALID_LEVEL` when `level` is not strictly between 0 and 1;
 *   `MISSING_VALUE` or `INVALID_VALUE` when `replicates` is not an array, `INVALID_VALUE`
 *   naming `replicates[i]` when an entry is not a number;
 *   `INVALID_OPTION` (path `options`) for an argument beyond these (it takes no options)
 * @remarks With `α = (1 − level)/2`, the `α` and `1 − α` quantiles of the
 *   replicates by {@link quantileSorted} (numpy `method='linear'`), as
 *   `scipy.stats.bootstrap(method='percentile')` reports them. The probability
 *   is rounded to 15 significant digits, so `level = 0.95` takes numpy's
 *   `np.percentile(replicates, [2.5, 97.5])` exactly (scipy passes the unrounded
 *   `100·α = 2.5000000000000022`, which can differ in the last digit).
 * @example
 * percentileInterval([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9); // [1.45, 9.549999999999999]
 * @see scipy.stats.bootstrap
 */
export function percentileInterval(
  replicates: ArrayLike<number>,
  level: number,
): [number, number] | null {
  // biome-ignore lint/complexity/noArguments: counts a JavaScript caller's extra arguments; a rest parameter would show in the .d.ts
  checkNoOptions(arguments, 'percentileInterval');
  checkNumbers('percentileInterval', 'replicates', replicates);
  checkLevel('percentileInterval', 'level', level);
  const sorted = sortDefined(replicates);
  if (sorted.length === 0) return null;
  return percentileIntervalOfSorted(sorted, level);
}
