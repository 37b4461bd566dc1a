/** z of a two-sided 95% normal interval. */
const Z95 = 1.959963984540054;

/**
 * Wilson score interval of a proportion (95%).
 *
 * @remarks
 * `(p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)` with z = 1.959963984540054
 * (Wilson 1927; `statsmodels.stats.proportion.proportion_confint(method='wilson')`).
 * Unlike the normal interval it stays inside [0, 1] and is not degenerate at 0 or n successes.
 *
 * @param successes - how many met the bound
 * @param n - how many were tried
 * @returns `[lo, hi]`, `[0, 1]` when `n` is 0
 * @example
 * ```ts
 * wilsonInterval(8, 10)[0]; // 0.4901624…
 * ```
 */
export function wilsonInterval(successes: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const p = successes / n;
  const z2 = Z95 * Z95;
  const centre = p + z2 / (2 * n);
  const half = Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denom = 1 + z2 / n;
  // at 0 or n successes the bound is exactly 0 or 1; rounding would leave it a hair inside
  const lo = successes === 0 ? 0 : Math.max(0, (centre - half) / denom);
  const hi = successes === n ? 1 : Math.min(1, (centre + half) / denom);
  return [lo, hi];
}
