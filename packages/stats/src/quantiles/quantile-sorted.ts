import { checkProbability, checkVector } from '../validation/check-arguments.js';
import { checkNoOptions } from '../validation/check-calls.js';

/**
 * Rounds a probability (or percentage) to 15 significant digits: a value written
 * with at most 15 digits is unchanged, while arithmetic noise such as
 * `(1 - 0.95) / 2 = 0.025000000000000022` becomes `0.025`.
 */
function roundProbability(q: number): number {
  return Number(q.toPrecision(15));
}

/**
 * The one quantile kernel of the package: numpy's `method='linear'` at
 * probability `q` of ascending values, computed with numpy's own operations so
 * that the result is bit-identical to `np.quantile` for the same `q`.
 */
function linearQuantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const position = (n - 1) * q;
  if (position >= n - 1) return sorted[n - 1]!;
  const lo = Math.floor(position);
  const gamma = position - lo;
  const a = sorted[lo]!;
  const b = sorted[lo + 1]!;
  const diff = b - a;
  // numpy's `_lerp` interpolates from the nearer end, so that gamma = 1 gives b exactly
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

/**
 * Linear-interpolation quantile of already sorted values (numpy's default
 * `method='linear'`).
 *
 * @param sorted - ascending values, NaN-free
 * @param q - probability in [0, 1]
 * @returns the interpolated quantile, NaN for an empty input
 * @throws StatsError `INVALID_PROBABILITY` when `q` is NaN or outside [0, 1]; `MISSING_VALUE`
 *   or `INVALID_VALUE` when `sorted` is not an array (its entries are not checked: the
 *   kernel is O(1) on sorted values);
 *   `INVALID_OPTION` (path `options`) for an argument beyond these (it takes no options)
 * @remarks With `n` values the position is `h = (n − 1) · q`; with
 *   `g = h − floor(h)` the result is `x[floor(h)] + g · (x[floor(h)+1] − x[floor(h)])`,
 *   evaluated as numpy's `_lerp` does (from the upper neighbour when `g ≥ 0.5`).
 *   `q` is first rounded to 15 significant digits: a probability written with
 *   at most 15 digits is unchanged, and arithmetic noise such as
 *   `(1 − 0.95) / 2 = 0.025000000000000022` lands on numpy's result for 0.025.
 *   For every `q` of at most 15 significant digits the result equals
 *   `numpy.quantile(x, q)` bit for bit (numpy 1.24). A `q` with more digits (`2/3`) is
 *   moved by up to 5e-16, so the result can differ from numpy's by up to
 *   `(n − 1) · 5e-16` times the gap between the two values it interpolates: about 2e-15 of
 *   the range for a few values (`quantileSorted([0, 1e300, 2e300, 3e300], 2 / 3)` is
 *   `2.000000000000001e300`, numpy's `2e300`), more for many values with one large gap.
 * @example
 * quantileSorted([1, 2, 3, 4], 0.5); // 2.5
 * @see numpy.quantile
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  // biome-ignore lint/complexity/noArguments: counts a JavaScript caller's extra arguments; a rest parameter would show in the .d.ts
  checkNoOptions(arguments, 'quantileSorted');
  // O(1): the entries of a sorted vector are the caller's (a hot path of the bootstrap)
  checkVector('quantileSorted', 'sorted', sorted, 'ascending numbers');
  checkProbability('quantileSorted', 'q', q, 1);
  return linearQuantile(sorted, roundProbability(q));
}

/**
 * Linear-interpolation percentile of already sorted values (numpy's default
 * `method='linear'`).
 *
 * @param sorted - ascending values, NaN-free
 * @param q - percentile in [0, 100]
 * @returns the interpolated percentile, NaN for an empty input
 * @throws StatsError `INVALID_PROBABILITY` when `q` is NaN or outside [0, 100]; `MISSING_VALUE`
 *   or `INVALID_VALUE` when `sorted` is not an array (its entries are not checked);
 *   `INVALID_OPTION` (path `options`) for an argument beyond these (it takes no options)
 * @remarks The same kernel as {@link quantileSorted} at probability `q / 100`,
 *   the division numpy's `percentile` makes; `q` is rounded to 15 significant
 *   digits before the division. For every `q` of at most 15 significant digits
 *   the result equals `numpy.percentile(x, q)` bit for bit (numpy 1.24); a `q` with more
 *   digits can differ from numpy's as described at {@link quantileSorted}
 *   (`percentileSorted([2, 2, 3, 4], 200 / 3)` is `3.000000000000001`, numpy's `3`).
 * @example
 * percentileSorted([1, 2, 3, 4], 50); // 2.5
 * @see numpy.percentile
 */
export function percentileSorted(sorted: ArrayLike<number>, q: number): number {
  // biome-ignore lint/complexity/noArguments: counts a JavaScript caller's extra arguments; a rest parameter would show in the .d.ts
  checkNoOptions(arguments, 'percentileSorted');
  checkVector('percentileSorted', 'sorted', sorted, 'ascending numbers');
  checkProbability('percentileSorted', 'q', q, 100);
  return linearQuantile(sorted, roundProbability(q) / 100);
}
