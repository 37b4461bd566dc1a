/** Result of McNemar's exact test on paired correctness. */
export interface McNemarResult {
  /** items model A answered correctly and model B did not */
  onlyA: number;
  /** items model B answered correctly and model A did not */
  onlyB: number;
  /** two-sided exact p-value */
  pValue: number;
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

const LOG_FACTORIALS: number[] = [0];
function logFactorial(n: number): number {
  for (let i = LOG_FACTORIALS.length; i <= n; i++) {
    LOG_FACTORIALS[i] = LOG_FACTORIALS[i - 1]! + Math.log(i);
  }
  return LOG_FACTORIALS[n]!;
}

/**
 * Two-sided exact binomial test p-value for `k` successes in `n` trials with
 * success probability 1/2.
 *
 * @param k - successes, 0 ≤ k ≤ n
 * @param n - trials
 * @returns `min(1, 2 · P[X ≤ min(k, n − k)])`, which equals scipy's
 *   `binomtest(k, n, 0.5).pvalue` because the null distribution is symmetric
 * @throws RangeError when k or n is not a non-negative integer with k ≤ n
 * @example
 * binomialTestHalf(1, 10); // 0.021484375
 * @see scipy.stats.binomtest
 */
export function binomialTestHalf(k: number, n: number): number {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n) {
    throw new RangeError(`binomialTestHalf: expected integers 0 <= k <= n, got k=${k}, n=${n}.`);
  }
  if (n === 0) return 1;
  const m = Math.min(k, n - k);
  if (2 * m === n) return 1;
  // Sum the lower tail in log space so large n does not underflow term by term.
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

/**
 * McNemar's exact test: do two models differ in accuracy on the same items?
 *
 * @param correctA - per item, whether model A was right
 * @param correctB - per item, whether model B was right (same order, same length)
 * @returns discordant counts and the exact two-sided p-value
 * @throws RangeError when the two vectors differ in length
 * @remarks Only discordant pairs carry information: with `b` items only A got
 *   right and `c` items only B got right, under H0 `b ~ Binomial(b + c, 1/2)`.
 *   The exact (binomial) form is used at every sample size, as statsmodels'
 *   `mcnemar(table, exact=True)`. No discordant pairs gives p = 1.
 * @example
 * mcnemarExact([true, true, false], [false, true, false]).pValue; // 1
 * @see statsmodels.stats.contingency_tables.mcnemar
 */
export function mcnemarExact(
  correctA: ArrayLike<boolean>,
  correctB: ArrayLike<boolean>,
): McNemarResult {
  if (correctA.length !== correctB.length) {
    throw new RangeError(
      `mcnemarExact: correctA has ${correctA.length} items but correctB has ${correctB.length}; pass the same items in the same order.`,
    );
  }
  let onlyA = 0;
  let onlyB = 0;
  for (let i = 0; i < correctA.length; i++) {
    if (correctA[i] && !correctB[i]) onlyA++;
    else if (!correctA[i] && correctB[i]) onlyB++;
  }
  return { onlyA, onlyB, pValue: binomialTestHalf(onlyA, onlyA + onlyB) };
}
