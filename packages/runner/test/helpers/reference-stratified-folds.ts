import { createRng, shuffleShortRange } from '@assay/splitters';
import { deriveSeed } from '../../src/bootstrap/derive-seed.js';
import { sampleHypergeometric } from '../../src/folds/hypergeometric.js';
import { FOLD_BLOCK_ROWS } from '../../src/folds/stratified-fold-kernels.js';

/**
 * The runner's shuffled stratified folds, written out the slow, obvious way on
 * one thread with plain arrays:
 * 1. scikit-learn's allocation: classes by first appearance, their rows'
 *    positions in that order dealt round-robin, so class `c` tests `take[c][f]`
 *    rows in fold `f`;
 * 2. each class (generator `createRng(deriveSeed(seed, 4, c))`) hands its fold
 *    labels to the blocks in row order: a block's rows of the class take a
 *    multivariate hypergeometric share of the labels left, fold by fold (no draw
 *    once the block's rows are used up; the class's last block takes the rest);
 * 3. in each block (generator `createRng(deriveSeed(seed, 5, b))`), every class
 *    code in turn lays out its share sorted by fold and shuffles it with
 *    `shuffleShortRange`; the class's rows in the block take it in row order.
 */
export function referenceStratifiedFolds(
  y: Int32Array,
  nSplits: number,
  seed: number,
  blockRows = FOLD_BLOCK_ROWS,
): number[] {
  const n = y.length;
  const nClasses = y.reduce((m, v) => Math.max(m, v), 0) + 1;
  const order: number[] = [];
  const counts = new Array<number>(nClasses).fill(0);
  for (const c of y) {
    if (counts[c] === 0) order.push(c);
    counts[c]!++;
  }
  const take = counts.map(() => new Array<number>(nSplits).fill(0));
  let position = 0;
  for (const c of order) {
    for (let j = 0; j < counts[c]!; j++) take[c]![(position + j) % nSplits]!++;
    position += counts[c]!;
  }
  const nBlocks = Math.ceil(n / blockRows);
  const rowsIn = (b: number, c: number) =>
    y.slice(b * blockRows, Math.min(n, (b + 1) * blockRows)).filter((v) => v === c).length;
  // share[b][c][f]: rows of class c in block b that fold f tests
  const share = Array.from({ length: nBlocks }, () =>
    counts.map(() => new Array<number>(nSplits).fill(0)),
  );
  for (let c = 0; c < nClasses; c++) {
    if (counts[c] === 0) continue;
    const rng = createRng(deriveSeed(seed, 4, c));
    const left = [...take[c]!];
    let remaining = counts[c]!;
    for (let b = 0; b < nBlocks; b++) {
      let m = rowsIn(b, c);
      if (m === 0) continue;
      if (m === remaining) {
        share[b]![c] = [...left];
        break;
      }
      let population = remaining;
      remaining -= m;
      for (let f = 0; f < nSplits - 1 && m > 0; f++) {
        const x = sampleHypergeometric(rng, left[f]!, population - left[f]!, m);
        share[b]![c]![f] = x;
        population -= left[f]!;
        left[f]! -= x;
        m -= x;
      }
      share[b]![c]![nSplits - 1]! += m;
      left[nSplits - 1]! -= m;
    }
  }
  const ids = new Array<number>(n).fill(-1);
  for (let b = 0; b < nBlocks; b++) {
    const rng = createRng(deriveSeed(seed, 5, b));
    for (let c = 0; c < nClasses; c++) {
      const labels = share[b]![c]!.flatMap((t, f) => new Array<number>(t).fill(f));
      const buffer = Int32Array.from(labels);
      shuffleShortRange(buffer, 0, buffer.length, rng);
      let j = 0;
      for (let i = b * blockRows; i < Math.min(n, (b + 1) * blockRows); i++) {
        if (y[i] === c) ids[i] = buffer[j++]!;
      }
    }
  }
  return ids;
}
