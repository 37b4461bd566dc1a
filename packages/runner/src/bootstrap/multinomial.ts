import type { Rng } from '@assay/splitters';
import { binomialOfShare } from './binomial.js';

/**
 * Draws from Multinomial(n, p) by sequential conditional binomials:
 * `x_i ~ Binomial(n - Σ_{j<i} x_j, p_i / (1 - Σ_{j<i} p_j))`, which is exact
 * when each binomial draw is (see {@link binomialOfShare}). Resampling `n` rows
 * with replacement and tallying their confusion cells has exactly this
 * distribution with `p = counts / n`, at a cost independent of `n`.
 *
 * @param n - number of draws
 * @param weights - non-negative cell weights (need not sum to 1), e.g. confusion counts
 * @param rng - the generator
 * @param out - where to write the counts (length of `weights`)
 * @returns `out`
 */
export function sampleMultinomial(
  n: number,
  weights: ArrayLike<number>,
  rng: Rng,
  out: Float64Array = new Float64Array(weights.length),
): Float64Array {
  let total = 0;
  let last = -1;
  for (let i = 0; i < weights.length; i++) {
    total += weights[i]!;
    if (weights[i]! > 0) last = i;
  }
  let remaining = n;
  let mass = total;
  out.fill(0);
  for (let i = 0; i < weights.length && remaining > 0; i++) {
    const w = weights[i]!;
    if (w <= 0) continue;
    // the last positive cell takes the rest: exact, whatever the rounding of `mass`
    if (i === last || w >= mass) {
      out[i] = remaining;
      remaining = 0;
      break;
    }
    const x = binomialOfShare(remaining, w, mass, rng);
    out[i] = x;
    remaining -= x;
    mass -= w;
  }
  return out;
}
