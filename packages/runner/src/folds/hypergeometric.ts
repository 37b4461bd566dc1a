import type { Rng } from '@assay/splitters';
import { logFactorial } from '../bootstrap/log-factorial.js';

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/**
 * Draws from the hypergeometric distribution: how many of `draws` items taken
 * without replacement from `good + bad` items are good. One uniform per draw.
 *
 * @remarks
 * Inversion by a two-sided search from the mode ("chop-down from the mode"):
 * `P(mode)` from ln k!, then the neighbours through the exact pmf ratio
 * `P(x+1)/P(x) = (good-x)(draws-x) / ((x+1)(bad-draws+x+1))`, subtracting each
 * probability from the uniform until it is used up. Exact up to floating-point
 * rounding of the pmf (no approximation of the distribution), and O(σ)
 * expected steps, so cheap for the block-sized draws of the fold allocation.
 * If rounding leaves the uniform unused after every value (probability of
 * order 1e-15) the mode is returned.
 *
 * @param rng - the generator
 * @param good - good items, a non-negative integer
 * @param bad - bad items, a non-negative integer
 * @param draws - items drawn, an integer in `[0, good + bad]`
 * @returns the number of good items drawn, in `[max(0, draws-bad), min(draws, good)]`
 */
export function sampleHypergeometric(rng: Rng, good: number, bad: number, draws: number): number {
  const lo = Math.max(0, draws - bad);
  const hi = Math.min(draws, good);
  if (lo === hi) return lo;
  const total = good + bad;
  const mode = Math.min(hi, Math.max(lo, Math.floor(((draws + 1) * (good + 1)) / (total + 2))));
  const pMode = Math.exp(
    logChoose(good, mode) + logChoose(bad, draws - mode) - logChoose(total, draws),
  );
  let u = rng.nextFloat() - pMode;
  if (u < 0) return mode;
  let up = mode;
  let down = mode;
  let pUp = pMode;
  let pDown = pMode;
  while (up < hi || down > lo) {
    if (up < hi) {
      pUp *= ((good - up) * (draws - up)) / ((up + 1) * (bad - draws + up + 1));
      up++;
      u -= pUp;
      if (u < 0) return up;
    }
    if (down > lo) {
      pDown *= (down * (bad - draws + down)) / ((good - down + 1) * (draws - down + 1));
      down--;
      u -= pDown;
      if (u < 0) return down;
    }
  }
  return mode;
}
