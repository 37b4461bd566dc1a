/**
 * Holm–Bonferroni step-down adjustment of a family of p-values.
 *
 * @param pValues - raw p-values, any order
 * @returns adjusted p-values in the input order
 * @remarks Sort ascending `p(1) ≤ … ≤ p(m)`; the adjusted value of the i-th
 *   smallest (1-based) is `max_{j ≤ i} min(1, (m − j + 1) · p(j))`, which keeps
 *   the family-wise error rate at the nominal level. NaN stays NaN and is left
 *   out of `m`.
 * @example
 * holmAdjust([0.01, 0.04, 0.03]); // [0.03, 0.06, 0.06]
 * @see statsmodels.stats.multitest.multipletests (method='holm')
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const order = pValues
    .map((p, i) => ({ p, i }))
    .filter((e) => !Number.isNaN(e.p))
    .sort((a, b) => a.p - b.p);
  const m = order.length;
  const out = pValues.map(() => Number.NaN);
  let running = 0;
  order.forEach((e, j) => {
    running = Math.max(running, Math.min(1, (m - j) * e.p));
    out[e.i] = running;
  });
  return out;
}
