import { shuffleInPlace } from '../random/shuffle.js';
import type { Rng } from '../random/xoshiro128.js';

/**
 * scikit-learn's `_approximate_mode`: how many of `nDraws` draws each class
 * gets, proportional to `classCounts`, rounding down then handing the
 * remaining draws to the largest fractional remainders. Ties among equal
 * remainders are broken with `rng` (a seeded shuffle of the tied classes,
 * taking the first ones), where scikit-learn uses `rng.choice`.
 *
 * @param classCounts - rows per class
 * @param nDraws - draws to distribute, at most the total
 * @param rng - the generator for tie-breaking
 * @returns draws per class
 */
export function approximateMode(classCounts: Int32Array, nDraws: number, rng: Rng): Int32Array {
  const k = classCounts.length;
  let total = 0;
  for (let i = 0; i < k; i++) total += classCounts[i]!;
  const floored = new Int32Array(k);
  const remainder = new Float64Array(k);
  let flooredSum = 0;
  for (let i = 0; i < k; i++) {
    const continuous = (classCounts[i]! / total) * nDraws;
    const f = Math.floor(continuous);
    floored[i] = f;
    remainder[i] = continuous - f;
    flooredSum += f;
  }
  let needToAdd = nDraws - flooredSum;
  if (needToAdd > 0) {
    const values = [...new Set(remainder)].sort((a, b) => b - a);
    for (const value of values) {
      const inds: number[] = [];
      for (let i = 0; i < k; i++) if (remainder[i] === value) inds.push(i);
      const addNow = Math.min(inds.length, needToAdd);
      if (addNow < inds.length) shuffleInPlace(inds, rng);
      for (let j = 0; j < addNow; j++) floored[inds[j]!]! += 1;
      needToAdd -= addNow;
      if (needToAdd === 0) break;
    }
  }
  return floored;
}
