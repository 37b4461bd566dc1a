import { binomialProbability } from '../distributions/binomial-probability.js';
import { StatsError } from '../errors.js';
import { checkLevel, checkNumbers, checkProbability } from '../validation/check-arguments.js';
import { checkNoOptions } from '../validation/check-calls.js';

/**
 * The ranks (1-based) of the order statistics that bound the `q` quantile: the largest `l`
 * with P(B ≥ l) ≥ 1 − tail and the smallest `u` with P(B ≤ u − 1) ≥ 1 − tail, B ~ Bin(n, q);
 * 0 or n + 1 where no rank qualifies. Each tail is summed from its far end, smallest terms
 * first, and only as far as it stays within `tail`. Unchecked: {@link quantileInterval}
 * validates its arguments and calls it.
 *
 * @param n - the sample size
 * @param q - the quantile, in (0, 1)
 * @param tail - the largest miss probability of each end, (1 − level) / 2
 * @returns the ranks of the lower and upper bounding order statistics
 * @example
 * quantileBoundRanks(100, 0.95, 0.025); // { lowRank: 90, highRank: 100 }
 * quantileBoundRanks(40, 0.95, 0.025); // { lowRank: 35, highRank: 41 } (41: no upper end)
 */
export function quantileBoundRanks(
  n: number,
  q: number,
  tail: number,
): { lowRank: number; highRank: number } {
  // P(B ≤ k) for k = 0, 1, …: l − 1 is the largest k with P(B ≤ k) ≤ tail
  let below = 0;
  let lowRank = 0;
  for (let k = 0; k < n; k++) {
    below += binomialProbability(k, n, q);
    if (below > tail) break;
    lowRank = k + 1;
  }
  // P(B ≥ k) for k = n, n − 1, …: u is the smallest with P(B ≥ u) ≤ tail
  let above = 0;
  let highRank = n + 1;
  for (let k = n; k >= 1; k--) {
    above += binomialProbability(k, n, q);
    if (above > tail) break;
    highRank = k;
  }
  return { lowRank, highRank };
}

/**
 * A distribution-free confidence interval of a population quantile (the p95 of a service's
 * latency, say) from a sample: two of its order statistics, chosen by the binomial
 * distribution, so its coverage is at least `level` whatever the distribution (continuous).
 *
 * @param sorted - the sample, sorted ascending (no NaN)
 * @param q - the quantile, in (0, 1) (0.95 for a p95)
 * @param level - confidence level in (0, 1), e.g. 0.95
 * @returns `[low, high]`, where an end is `null` when the sample is too small to bound the
 *   quantile on that side (the upper end of a p95 at 95 % needs 72 values, of a p99 368);
 *   `null` for an empty sample
 * @throws StatsError `INVALID_VALUE` when `sorted` is not an array of numbers, contains NaN
 *   or is not ascending, `INVALID_PROBABILITY` when `q` is not in
 *   (0, 1), `INVALID_LEVEL` when `level` is not in (0, 1); `INVALID_OPTION` (path `options`)
 *   for an argument beyond these
 * @remarks With B ~ Binomial(n, q) the count of values below the quantile Q, the k-th
 *   smallest value X₍ₖ₎ is at most Q with probability P(B ≥ k). The interval is
 *   [X₍ₗ₎, X₍ᵤ₎] with l the largest rank such that P(B ≥ l) ≥ 1 − α/2 and u the smallest
 *   such that P(B ≤ u − 1) ≥ 1 − α/2, α = 1 − level: each end misses with probability at
 *   most α/2 (Hahn & Meeker, _Statistical Intervals_, 2nd ed., sec. 5.3; the equal-tailed
 *   form of scipy's `quantile_test(...).confidence_interval()`, scipy 1.11). A bootstrap of
 *   the sample quantile cannot reach past the sample's largest value and undercovers the
 *   tail: its 97.5 % upper end of a p95 of 100 lognormal latencies lies above the true p95
 *   about 91 % of the time; this one at least 97.5 %.
 * @example
 * const latencies = Array.from({ length: 100 }, (_, i) => 100 + i);
 * quantileInterval(latencies, 0.5, 0.95); // [139, 160]
 * quantileInterval(latencies, 0.9, 0.95); // [183, 195]
 * quantileInterval(latencies, 0.95, 0.95); // [189, 199]
 * quantileInterval(latencies.slice(0, 40), 0.95, 0.95); // [134, null]
 * @see scipy.stats.quantile_test
 */
export function quantileInterval(
  sorted: readonly number[] | Float64Array,
  q: number,
  level: number,
): [number | null, number | null] | null {
  // biome-ignore lint/complexity/noArguments: counts a JavaScript caller's extra arguments; a rest parameter would show in the .d.ts
  checkNoOptions(arguments, 'quantileInterval');
  checkNumbers('quantileInterval', 'sorted', sorted);
  checkProbability('quantileInterval', 'q', q, 1);
  if (q === 0 || q === 1) {
    throw new StatsError(
      'INVALID_PROBABILITY',
      'q',
      `quantileInterval: q must be a quantile strictly between 0 and 1 (0.95 for a p95), got ${q}.`,
    );
  }
  checkLevel('quantileInterval', 'level', level);
  const n = sorted.length;
  for (let i = 0; i < n; i++) {
    const value = sorted[i]!;
    const ordered = i === 0 || sorted[i - 1]! <= value;
    if (Number.isNaN(value) || !ordered) {
      throw new StatsError(
        'INVALID_VALUE',
        `sorted[${i}]`,
        Number.isNaN(value)
          ? `quantileInterval: sorted[${i}] is NaN; leave undefined values out of the sample.`
          : `quantileInterval: sorted must be in ascending order (sort it first), but sorted[${i - 1}] = ${sorted[i - 1]} > sorted[${i}] = ${value}.`,
      );
    }
  }
  if (n === 0) return null;
  const { lowRank, highRank } = quantileBoundRanks(n, q, (1 - level) / 2);
  return [lowRank >= 1 ? sorted[lowRank - 1]! : null, highRank <= n ? sorted[highRank - 1]! : null];
}
