import { shuffleRange } from '../random/shuffle.js';
import type { Rng } from '../random/xoshiro128.js';

/** How many positions `p` in `[0, end)` satisfy `p % k === i` (for `0 <= i < k`). */
function congruentBelow(end: number, i: number, k: number): number {
  return end > i ? Math.floor((end - i - 1) / k) + 1 : 0;
}

/**
 * StratifiedKFold's fold of each row, ported from scikit-learn 1.2's
 * `_make_test_folds`. Unchecked kernel.
 *
 * @remarks
 * `codes` must number classes by first appearance. scikit-learn sorts the
 * codes and deals the sorted rows round-robin to the folds, so fold `i` gets
 * `allocation[i][c]` rows of class `c` = the number of sorted positions in
 * class `c`'s block congruent to `i` mod `nSplits` — computed here in closed
 * form instead of materialising the sort. Within class `c`, rows in ascending
 * order take fold 0 `allocation[0][c]` times, then fold 1, ...; with `rng`
 * that fold sequence is shuffled per class (classes in code order). One pass
 * over the rows, typed arrays only.
 *
 * @param codes - class code per row, first-appearance order
 * @param counts - rows per class code
 * @param nSplits - number of folds
 * @param rng - shuffles each class's fold sequence when given
 * @param out - where to write the fold ids; may be `codes` itself (each code is
 *   read before its slot is written), which saves an n-row allocation
 * @returns `out`
 */
export function stratifiedFoldIds(
  codes: Int32Array,
  counts: Int32Array,
  nSplits: number,
  rng?: Rng,
  out: Int32Array = new Int32Array(codes.length),
): Int32Array {
  const n = codes.length;
  const nClasses = counts.length;
  // A byte per row when fold ids fit: a quarter of the memory traffic while shuffling.
  const sequence = nSplits <= 256 ? new Uint8Array(n) : new Int32Array(n);
  const cursor = new Int32Array(nClasses);
  let start = 0;
  for (let c = 0; c < nClasses; c++) {
    const end = start + counts[c]!;
    cursor[c] = start;
    let p = start;
    for (let f = 0; f < nSplits; f++) {
      const take = congruentBelow(end, f, nSplits) - congruentBelow(start, f, nSplits);
      sequence.fill(f, p, p + take);
      p += take;
    }
    if (rng !== undefined) shuffleRange(sequence, start, end, rng);
    start = end;
  }
  gatherByClass(codes, sequence, cursor, out);
  return out;
}

/** `ids[i] = sequence[cursor[codes[i]]++]`: each row takes its class's next fold. Kept small so V8 optimises it alone. */
function gatherByClass(
  codes: Int32Array,
  sequence: Uint8Array | Int32Array,
  cursor: Int32Array,
  ids: Int32Array,
): void {
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    const p = cursor[c]!;
    ids[i] = sequence[p]!;
    cursor[c] = p + 1;
  }
}
