import type { ProportionCount } from '@assay/runner';

/**
 * The count behind a Wilson interval where an item has several units (rows, answers, judge
 * draws): at the ends only, every unit right (or wrong) making every item right (wrong) in all
 * of its units, with the items as the independent trials.
 *
 * @remarks
 * The share of items right in all their units is at most the units' share (at least, at 0),
 * so the Wilson interval of this count bounds the units' share conservatively, where the
 * units' own count would claim the evidence of independent trials they are not.
 * @param successes - units right
 * @param trials - units
 * @param items - distinct items behind the units
 * @returns the count over items, or null when some units are right and some wrong
 * @example
 * itemCountAtEnds(160, 160, 40); // { successes: 40, trials: 40 }
 */
export function itemCountAtEnds(
  successes: number,
  trials: number,
  items: number,
): ProportionCount | null {
  if (successes !== 0 && successes !== trials) return null;
  return { successes: successes === 0 ? 0 : items, trials: items };
}
