import type { Rng } from '@assay/splitters';
import { logFactorial } from './log-factorial.js';

/** Below this mean the inversion sampler is used, above it BTRS. */
const INVERSION_LIMIT = 10;

/**
 * Draws from Binomial(n, p) exactly: by sequential-search inversion when
 * `n·min(p, 1-p) < 10`, else by Hörmann's BTRS transformed rejection with
 * squeeze (W. Hörmann, "The generation of binomial random variates", J. Stat.
 * Comput. Simul. 46, 1993), which is exact (rejection against the true pmf,
 * via ln k!), unlike a normal approximation.
 *
 * @param n - number of trials, a non-negative integer (up to 2^53)
 * @param p - success probability in [0, 1]
 * @param rng - the generator (xoshiro128** from `@assay/splitters`)
 * @returns the number of successes
 */
export function sampleBinomial(n: number, p: number, rng: Rng): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  return binomialOfShare(n, p, 1, rng);
}

/**
 * Binomial(n, w / mass) for `0 < w < mass`: {@link sampleBinomial}'s draws,
 * the same stream, as one function whose arguments and result are integers
 * in the multinomial sampler. A fraction passed to or returned from a call
 * that V8 does not inline is stored as a fresh heap number, and at 100 draws
 * per bootstrap replicate that garbage ran each worker's collector every few
 * milliseconds.
 *
 * @param n - number of trials, a positive integer
 * @param w - the cell's weight
 * @param mass - the weight left, greater than `w`
 * @param rng - the generator
 * @returns the number of successes
 */
export function binomialOfShare(n: number, w: number, mass: number, rng: Rng): number {
  let p = w / mass;
  // Binomial(n, p) = n - Binomial(n, 1 - p): both samplers want p ≤ 1/2
  const flip = p > 0.5;
  if (flip) p = 1 - p;
  const q = 1 - p;
  let k: number;
  if (n * p < INVERSION_LIMIT) {
    const s = p / q;
    const a = (n + 1) * s;
    // P(X = 0) = q^n, computed in log space so that large n with tiny p stays accurate
    const r0 = Math.exp(n * Math.log1p(-p));
    for (;;) {
      let r = r0;
      let u = rng.nextFloat();
      k = 0;
      while (u > r) {
        u -= r;
        k++;
        if (k > n) break;
        r *= a / k - s;
      }
      // rounding can push u past the last term; redraw (probability ~1e-16)
      if (k <= n) break;
    }
  } else {
    const spq = Math.sqrt(n * p * q);
    const b = 1.15 + 2.53 * spq;
    const a = -0.0873 + 0.0248 * b + 0.01 * p;
    const c = n * p + 0.5;
    const vr = 0.92 - 4.2 / b;
    for (;;) {
      const u = rng.nextFloat() - 0.5;
      const v = rng.nextFloat();
      const us = 0.5 - Math.abs(u);
      k = Math.floor(((2 * a) / us + b) * u + c);
      // `!(…)` also rejects the NaN of u = -0.5 exactly
      if (!(k >= 0 && k <= n)) continue;
      if (us >= 0.07 && v <= vr) break;
      // Most draws end at the squeeze above: the logarithms are only taken past it.
      const alpha = (2.83 + 5.1 / b) * spq;
      const m = Math.floor((n + 1) * p);
      const h = logFactorial(m) + logFactorial(n - m);
      const lv = Math.log((v * alpha) / (a / (us * us) + b));
      if (lv <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * Math.log(p / q)) break;
    }
  }
  return flip ? n - k : k;
}
