import { createRng, shuffleInPlace } from '@assay/splitters';
import { deriveSeed } from '../bootstrap/derive-seed.js';

/** Fold-id column of the runner's stratified folds: one byte per row up to 127 folds. */
export type FoldIdArray = Int8Array | Int32Array;

/** The `deriveSeed` stream of the per-class fold-sequence shuffles. */
export const FOLD_SEQUENCE_STREAM = 3;

/**
 * Rows per class code in `yTrue[start..end)`, followed by each class's first row in
 * that range (-1 when absent): `2 * nClasses` entries. Unchecked kernel.
 *
 * @param yTrue - class codes in `[0, nClasses)`
 * @param nClasses - number of class codes K
 * @param start - first row
 * @param end - one past the last row
 * @returns `[count_0..count_{K-1}, first_0..first_{K-1}]`
 */
export function countClassesInRange(
  yTrue: Int32Array,
  nClasses: number,
  start: number,
  end: number,
): Int32Array {
  const out = new Int32Array(2 * nClasses).fill(-1, nClasses);
  for (let i = start; i < end; i++) out[yTrue[i]!]!++;
  // first rows: stop as soon as every present class has been seen
  let missing = 0;
  for (let c = 0; c < nClasses; c++) if (out[c]! > 0) missing++;
  for (let i = start; i < end && missing > 0; i++) {
    const c = yTrue[i]!;
    if (out[nClasses + c] === -1) {
      out[nClasses + c] = i;
      missing--;
    }
  }
  return out;
}

/**
 * Writes class `c`'s fold-label sequence into `sequence[start .. start + sum(take))`:
 * fold 0 `take[0]` times, fold 1 `take[1]` times, ..., then shuffles it with
 * `createRng(deriveSeed(seed, FOLD_SEQUENCE_STREAM, c))` (Fisher–Yates). Each class
 * has its own stream, so classes can be generated on any thread in any order.
 *
 * @param sequence - the shared sequence buffer (all classes, by class code)
 * @param start - where class `c`'s block begins
 * @param take - rows of the class per fold
 * @param seed - the run's seed
 * @param c - the class code
 */
export function fillClassFoldSequence(
  sequence: FoldIdArray,
  start: number,
  take: ArrayLike<number>,
  seed: number,
  c: number,
): void {
  let p = start;
  for (let f = 0; f < take.length; f++) {
    sequence.fill(f, p, p + take[f]!);
    p += take[f]!;
  }
  // fold labels are >= 0, so a Uint8 view holds the same values and takes the
  // generator's typed fast path (same draws, same result as the generic one)
  const block =
    sequence instanceof Int8Array
      ? new Uint8Array(sequence.buffer, sequence.byteOffset + start, p - start)
      : sequence.subarray(start, p);
  shuffleInPlace(block, createRng(deriveSeed(seed, FOLD_SEQUENCE_STREAM, c)));
}

/**
 * `out[i] = sequence[cursor[yTrue[i]]++]` for rows `start..end-1`: each row takes
 * the next fold label of its class. `cursor` (per class code) must point at the
 * class's position for row `start`; it is advanced in place. Unchecked kernel.
 *
 * @param yTrue - class codes
 * @param sequence - every class's fold-label sequence
 * @param cursor - per class, the next sequence position
 * @param out - the fold-id column
 * @param start - first row
 * @param end - one past the last row
 */
export function assignFoldsInRange(
  yTrue: Int32Array,
  sequence: FoldIdArray,
  cursor: Int32Array,
  out: FoldIdArray,
  start: number,
  end: number,
): void {
  for (let i = start; i < end; i++) {
    const c = yTrue[i]!;
    const p = cursor[c]!;
    out[i] = sequence[p]!;
    cursor[c] = p + 1;
  }
}
