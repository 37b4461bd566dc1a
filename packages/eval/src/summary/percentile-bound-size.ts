/**
 * The fewest observations whose extreme order statistic bounds a quantile at a confidence
 * level: an end of the interval of the `q` quantile exists without assuming a distribution
 * only when the sample's largest (upper end) or smallest (lower end) value lies beyond the true
 * quantile with probability at least `1 - (1 - level) / 2`.
 *
 * @remarks The largest of `n` draws is below the `q` quantile with probability `q^n`, the
 *   smallest above it with `(1 - q)^n` (the binomial distribution of the count below the
 *   quantile; Hahn & Meeker, _Statistical Intervals_, 2nd ed., sec. 5.3). The upper end needs
 *   `q^n <= (1 - level) / 2`, so `n >= ln((1 - level) / 2) / ln(q)`: 72 for a p95 at 95%, 368
 *   for a p99. Below that, any interval drawn from the sample (a bootstrap's included) reaches
 *   no further than its largest value and understates the tail.
 * @param q - the quantile, in (0, 1) (0.95 for a p95)
 * @param level - the two-sided confidence level, in (0, 1)
 * @returns the fewest observations for the upper end (`high`) and for the lower end (`low`)
 * @example
 * percentileBoundSize(0.95, 0.95); // { low: 2, high: 72 }
 * percentileBoundSize(0.5, 0.95); // { low: 6, high: 6 }
 */
export function percentileBoundSize(q: number, level: number): { low: number; high: number } {
  const tail = Math.log((1 - level) / 2);
  // the bound holds with equality at a whole count now and then: a hair of slack for rounding
  const needed = (p: number) => Math.max(1, Math.ceil(tail / Math.log(p) - 1e-9));
  return { low: needed(1 - q), high: needed(q) };
}
