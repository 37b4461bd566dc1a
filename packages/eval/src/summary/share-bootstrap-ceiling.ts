/**
 * A chance too small to plan for: below it, a resampling outcome is treated as one that will
 * not happen (a run is far likelier to be struck by anything else).
 */
const NEGLIGIBLE = 1e-12;

/** P(X ≤ m) for X ~ Binomial(trials, p), summed in log space (trials up to a million). */
function binomialCdf(m: number, trials: number, p: number): number {
  if (m < 0) return 0;
  if (m >= trials || p <= 0) return 1;
  if (p >= 1) return 0;
  const ratio = Math.log(p) - Math.log1p(-p);
  let log = trials * Math.log1p(-p);
  let max = log;
  const terms = [log];
  for (let j = 0; j < m; j++) {
    log += Math.log(trials - j) - Math.log(j + 1) + ratio;
    terms.push(log);
    if (log > max) max = log;
  }
  let sum = 0;
  for (const t of terms) sum += Math.exp(t - max);
  return Math.min(1, Math.exp(max) * sum);
}

/**
 * The highest lower end that the percentile bootstrap interval of a share (accuracy) can have
 * when some answer is wrong, short of a resampling chance below 1e-12: what an imperfect run
 * can reach on a `.ci_low` gate, where a perfect one reaches the Wilson lower end instead (see
 * `withWilsonFallback`).
 *
 * @remarks A resample draws `items` items with replacement (whole items: their rows together),
 *   so a wrong item is drawn `W ~ Binomial(items, 1/items)` times or more (more where several are
 *   wrong), and a resample that draws it `k` times holds at least `k` wrong rows of at most
 *   `items × rowsPerItem`: its share is at most `1 − k / (items × rowsPerItem)`. The interval's
 *   lower end interpolates between the replicates at positions `⌊h⌋` and `⌊h⌋ + 1`, with
 *   `h = (1 − ci)/2 · (bootstrap − 1)` (`percentileInterval` of `@assay/stats`), so it lies at or
 *   below that share once `⌊h⌋ + 2` replicates do, which fails with probability
 *   `P(Binomial(bootstrap, P(W ≥ k)) ≤ ⌊h⌋ + 1)`; the largest `k` that keeps this below 1e-12
 *   gives the ceiling. A perfect run is not the best one: 39 of 40 right resamples to a lower end
 *   near 0.925 at 95%, above the 0.912 of the Wilson interval of 40 of 40. Few resamples give no
 *   ceiling (1): `bootstrap: 1` can resample a run with a wrong answer to `[1, 1]`.
 * @param items - the distinct items scored
 * @param rowsPerItem - the most rows an item has (repeats of the folds, choice orders)
 * @param bootstrap - the resamples (`evaluation.bootstrap`)
 * @param ci - the confidence level (`evaluation.ci`)
 * @returns the ceiling, in [0, 1]
 * @example
 * shareBootstrapCeiling(40, 1, 1000, 0.95); // 0.925: a wrong answer is drawn three times or more in far more than 2.5% of the resamples
 * shareBootstrapCeiling(40, 1, 1, 0.95); // 1
 */
export function shareBootstrapCeiling(
  items: number,
  rowsPerItem: number,
  bootstrap: number,
  ci: number,
): number {
  const needed = Math.floor(((1 - ci) / 2) * (bootstrap - 1)) + 2;
  if (items < 1 || needed > bootstrap) return 1;
  let k = 0;
  while (k < items) {
    const drawn = 1 - binomialCdf(k, items, 1 / items);
    if (binomialCdf(needed - 1, bootstrap, drawn) > NEGLIGIBLE) break;
    k++;
  }
  return 1 - k / (items * rowsPerItem);
}
