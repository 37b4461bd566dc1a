import { checkNoOptions } from '../validation/check-calls.js';
import { rankPValues } from './rank-p-values.js';

/**
 * Holm–Bonferroni step-down adjustment of a family of p-values.
 *
 * @param pValues - raw p-values in [0, 1], any order; NaN for "no test"
 * @returns adjusted p-values in the input order
 * @throws StatsError `INVALID_P_VALUE` when a p-value is outside [0, 1]; `MISSING_VALUE` or
 *   `INVALID_VALUE` when `pValues` is not an array;
 *   `INVALID_OPTION` (path `options`) for an argument beyond these (it takes no options)
 * @remarks Sort ascending `p(1) ≤ … ≤ p(m)`; the adjusted value of the i-th
 *   smallest is `max_{j ≤ i} min(1, (m − j + 1) · p(j))`, which keeps the
 *   family-wise error rate at the nominal level. NaN stays NaN and is left out
 *   of `m`. Equals statsmodels' `multipletests(p, method='holm')[1]` on the
 *   defined entries.
 * @example
 * holmAdjust([0.01, 0.04, 0.03]); // [0.03, 0.06, 0.06]
 * @see statsmodels.stats.multitest.multipletests
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  // biome-ignore lint/complexity/noArguments: counts a JavaScript caller's extra arguments; a rest parameter would show in the .d.ts
  checkNoOptions(arguments, 'holmAdjust');
  const order = rankPValues('holmAdjust', pValues);
  const m = order.length;
  const out = pValues.map(() => Number.NaN);
  let running = 0;
  order.forEach((i, j) => {
    running = Math.max(running, Math.min(1, (m - j) * pValues[i]!));
    out[i] = running;
  });
  return out;
}
