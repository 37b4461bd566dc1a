import { shuffleRange } from '../random/shuffle.js';
import type { Rng } from '../random/xoshiro128.js';

/**
 * KFold's fold of each row. Unchecked kernel (`2 <= nSplits <= n`).
 *
 * @remarks
 * Folds are consecutive blocks of `floor(n / nSplits)` rows, the first
 * `n % nSplits` of them one row longer. With `rng`, that block sequence of
 * fold labels is shuffled (`shuffleInPlace`'s draws) and row `i` takes the
 * `i`-th label: the same distribution as cutting blocks from a random
 * permutation of the rows, and exactly StratifiedKFold's shuffle for a single
 * class. The labels are shuffled as bytes when `nSplits <= 256`, a quarter of
 * the memory traffic of shuffling row indices.
 *
 * @param n - number of rows
 * @param nSplits - number of folds
 * @param rng - shuffles the fold labels when given
 * @returns each row's fold
 */
export function kFoldIds(n: number, nSplits: number, rng?: Rng): Int32Array {
  const ids = new Int32Array(n);
  const labels = rng === undefined ? ids : nSplits <= 256 ? new Uint8Array(n) : ids;
  const base = Math.floor(n / nSplits);
  const extra = n % nSplits;
  let position = 0;
  for (let f = 0; f < nSplits; f++) {
    const stop = position + base + (f < extra ? 1 : 0);
    labels.fill(f, position, stop);
    position = stop;
  }
  if (rng !== undefined) {
    shuffleRange(labels, 0, n, rng);
    if (labels !== ids) ids.set(labels);
  }
  return ids;
}
