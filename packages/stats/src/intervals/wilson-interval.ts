import { normalQuantile } from '../distributions/normal.js';
import { StatsError } from '../errors.js';
import { checkCount, checkLevel } from '../validation/check-arguments.js';
import { checkNoOptions } from '../validation/check-calls.js';

/**
 * Wilson score interval of a binomial proportion (an error rate, say).
 *
 * @param successes - how many of the trials had the outcome (e.g. failed requests)
 * @param trials - how many trials there were
 * @param level - confidence level in (0, 1), e.g. 0.95
 * @returns `[low, high]` within [0, 1], or `null` when there were no trials
 * @throws StatsError `INVALID_COUNT` when a count is not a non-negative integer or
 *   `successes > trials`, `INVALID_LEVEL` when `level` is not in (0, 1);
 *   `INVALID_OPTION` (path `options`) for an argument beyond these (it takes no options)
 * @remarks With p̂ = k/n and z = −Φ⁻¹((1 − level)/2) (from the tail itself, so that levels
 *   as close to 1 as 1 − 2⁻⁵³ keep their z; `Φ⁻¹((1 + level)/2)` would round the tail):
 *   centre (p̂ + z²/2n) / (1 + z²/n), half-width z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²)
 *   (Wilson 1927). Unlike a bootstrap of the 0/1 outcomes it is not degenerate at k = 0:
 *   no failure in 50 requests still leaves an upper end of about 0.071 at 95 %. Equal to statsmodels'
 *   `proportion_confint(k, n, alpha=1 - level, method='wilson')` to 1e-14, at levels from
 *   0.8 to 1 − 2⁻⁵³.
 * @example
 * wilsonInterval(0, 50, 0.95); // [0, 0.0713475991333587]
 * @see statsmodels.stats.proportion.proportion_confint
 */
export function wilsonInterval(
  successes: number,
  trials: number,
  level: number,
): [number, number] | null {
  // biome-ignore lint/complexity/noArguments: counts a JavaScript caller's extra arguments; a rest parameter would show in the .d.ts
  checkNoOptions(arguments, 'wilsonInterval');
  checkCount('wilsonInterval', 'successes', successes, 0);
  checkCount('wilsonInterval', 'trials', trials, 0);
  checkLevel('wilsonInterval', 'level', level);
  if (successes > trials) {
    throw new StatsError(
      'INVALID_COUNT',
      'successes',
      `wilsonInterval: successes must be at most trials (${trials}), got ${successes}.`,
    );
  }
  if (trials === 0) return null;
  // Φ⁻¹ of the lower tail, negated: 1 − (1 − level)/2 would round a tail below 1e-16 to 1.
  const z = -normalQuantile((1 - level) / 2);
  const p = successes / trials;
  const z2n = (z * z) / trials;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / trials + z2n / (4 * trials));
  // at 0 (or all) successes the bound is exactly 0 (or 1): centre − half cancels to a
  // rounding residue (1.7e-18 at 0 of 120) that would put the interval beside its estimate
  return [
    successes === 0 ? 0 : Math.max(0, centre - half),
    successes === trials ? 1 : Math.min(1, centre + half),
  ];
}
