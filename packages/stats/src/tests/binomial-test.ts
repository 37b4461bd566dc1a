import { StatsError } from '../errors.js';
import { checkCount } from '../validation/check-arguments.js';

const LOG_FACTORIALS: number[] = [0];

/** ln(k!) by a running sum of logs, cached across calls. */
function logFactorial(k: number): number {
  for (let i = LOG_FACTORIALS.length; i <= k; i++) {
    LOG_FACTORIALS[i] = LOG_FACTORIALS[i - 1]! + Math.log(i);
  }
  return LOG_FACTORIALS[k]!;
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/**
 * Two-sided exact binomial test p-value for `k` successes in `n` trials with
 * success probability 1/2.
 *
 * @param k - successes, 0 ≤ k ≤ n
 * @param n - trials
 * @returns the two-sided p-value, 1 when `n = 0`
 * @throws StatsError `INVALID_COUNT` when k or n is not a non-negative integer with k ≤ n
 * @remarks `min(1, 2 · P[X ≤ min(k, n − k)])` for `X ~ Binomial(n, 1/2)`, which
 *   equals scipy's `binomtest(k, n, 0.5).pvalue` because the null distribution
 *   is symmetric; the tail is summed in log space so that large `n` does not
 *   underflow term by term.
 * @example
 * binomialTestHalf(1, 10); // 0.021484375
 * @see scipy.stats.binomtest
 */
export function binomialTestHalf(k: number, n: number): number {
  checkCount('binomialTestHalf', 'n', n, 0);
  checkCount('binomialTestHalf', 'k', k, 0);
  if (k > n) {
    throw new StatsError(
      'INVALID_COUNT',
      'k',
      `binomialTestHalf: k must be an integer in [0, n] = [0, ${n}], got k=${k}, n=${n}.`,
    );
  }
  if (n === 0) return 1;
  const m = Math.min(k, n - k);
  if (2 * m === n) return 1;
  const logHalfN = n * Math.log(0.5);
  let maxLog = Number.NEGATIVE_INFINITY;
  const logs: number[] = [];
  for (let i = 0; i <= m; i++) {
    const l = logChoose(n, i) + logHalfN;
    logs.push(l);
    if (l > maxLog) maxLog = l;
  }
  let s = 0;
  for (const l of logs) s += Math.exp(l - maxLog);
  return Math.min(1, 2 * Math.exp(maxLog) * s);
}
