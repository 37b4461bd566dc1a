import { createRng, shuffleInPlace } from '@assay/splitters';
import { deriveSeed } from '../../src/bootstrap/derive-seed.js';

/**
 * The runner's shuffled stratified folds, written out the slow, obvious way on
 * one thread: sort the rows by class (classes by first appearance), deal the
 * sorted positions round-robin to the folds (scikit-learn's allocation), sort
 * each class's fold labels, shuffle them with the class's own stream
 * `createRng(deriveSeed(seed, 3, class))` (plain-array Fisher–Yates), and hand
 * them to the class's rows in row order.
 */
export function referenceStratifiedFolds(y: Int32Array, nSplits: number, seed: number): number[] {
  const order: number[] = [];
  const rowsOf = new Map<number, number[]>();
  y.forEach((c, i) => {
    if (!rowsOf.has(c)) {
      rowsOf.set(c, []);
      order.push(c);
    }
    rowsOf.get(c)!.push(i);
  });
  const ids = new Array<number>(y.length).fill(-1);
  let position = 0;
  for (const c of order) {
    const rows = rowsOf.get(c)!;
    const labels = rows.map((_, j) => (position + j) % nSplits).sort((a, b) => a - b);
    position += rows.length;
    shuffleInPlace(labels, createRng(deriveSeed(seed, 3, c)));
    rows.forEach((row, j) => {
      ids[row] = labels[j]!;
    });
  }
  return ids;
}
