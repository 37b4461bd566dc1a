import { checkNoOptions } from '../validation/check-calls.js';
import { rankPValues } from './rank-p-values.js';

/**
 * Benjamini–Hochberg step-up adjustment of a family of p-values (false
 * discovery rate).
 *
 * @param pValues - raw p-values in [0, 1], any order; NaN for "no test"
 * @returns adjusted p-values in the input order
 * @throws StatsError `INVALID_P_VALUE` when a p-value is outside [0, 1]; `MISSING_VALUE` or
 *   `INVALID_VALUE` when `pValues` is not an array;
 *   `INVALID_OPTION` (path `options`) for an argument beyond these (it takes no options)
 * @remarks Sort ascending `p(1) ≤ … ≤ p(m)`; the adjusted value of the i-th
 *   smallest is `min(1, min_{j ≥ i} p(j) / (j / m))`; rejecting where it is at
 *   most q keeps the false discovery rate at q for independent (or positively
 *   dependent) tests. NaN stays NaN and is left out of `m`, as in
 *   {@link holmAdjust}. Equals statsmodels' `multipletests(p,
 *   method='fdr_bh')[1]` on the defined entries, to the last digit (the same
 *   division `p / (j / m)`).
 * @example
 * benjaminiHochbergAdjust([0.01, 0.04, 0.03]); // [0.030000000000000002, 0.04, 0.04]
 * @see statsmodels.stats.multitest.multipletests
 */
export function benjaminiHochbergAdjust(pValues: readonly number[]): number[] {
  // biome-ignore lint/complexity/noArguments: counts a JavaScript caller's extra arguments; a rest parameter would show in the .d.ts
  checkNoOptions(arguments, 'benjaminiHochbergAdjust');
  const order = rankPValues('benjaminiHochbergAdjust', pValues);
  const m = order.length;
  const out = pValues.map(() => Number.NaN);
  let running = 1;
  for (let j = m - 1; j >= 0; j--) {
    const i = order[j]!;
    running = Math.min(running, pValues[i]! / ((j + 1) / m));
    out[i] = running;
  }
  return out;
}
