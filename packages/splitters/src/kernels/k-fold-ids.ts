import { permutation } from '../random/shuffle.js';
import type { Rng } from '../random/xoshiro128.js';

/**
 * KFold's fold of each row. Unchecked kernel (`2 <= nSplits <= n`).
 *
 * @remarks
 * Folds are consecutive blocks of `floor(n / nSplits)` rows, the first
 * `n % nSplits` of them one row longer. With `rng`, the blocks are cut from
 * `permutation(n, rng)` instead of `0 .. n-1`.
 *
 * @param n - number of rows
 * @param nSplits - number of folds
 * @param rng - shuffles the rows first when given
 * @returns each row's fold
 */
export function kFoldIds(n: number, nSplits: number, rng?: Rng): Int32Array {
  const ids = new Int32Array(n);
  const base = Math.floor(n / nSplits);
  const extra = n % nSplits;
  const order = rng === undefined ? undefined : permutation(n, rng);
  let position = 0;
  for (let f = 0; f < nSplits; f++) {
    const stop = position + base + (f < extra ? 1 : 0);
    if (order === undefined) ids.fill(f, position, stop);
    else for (let p = position; p < stop; p++) ids[order[p]!] = f;
    position = stop;
  }
  return ids;
}
