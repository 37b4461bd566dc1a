import { createRng, shuffleShortRange } from '@assay/splitters';
import { deriveSeed } from '../bootstrap/derive-seed.js';
import type { FoldIdArray } from '../pool/task-types.js';

/**
 * Rows per block of the stratified fold assignment: part of its definition
 * (the blocks are fixed, whatever the worker count or `chunkRows`). A block's
 * fold labels take one byte per row, so 16 KiB stay in a core's L1 cache while
 * they are shuffled and read. With 64 KiB blocks the fold kernel ran slower on
 * one thread and scaled only 1.3–1.6x on two (1.9–2.0x at 16 KiB). At most
 * `shuffleShortRange`'s 65 536.
 */
export const FOLD_BLOCK_ROWS = 1 << 14;

/** The `deriveSeed` stream of each block's within-block shuffles. */
export const FOLD_BLOCK_STREAM = 5;

/**
 * Rows per class code in each block of `yTrue[start..end)` (`start` a multiple of
 * `blockRows`), then each class's first row in the range (-1 when absent):
 * `nBlocks * nClasses + nClasses` entries. Unchecked kernel.
 *
 * @param yTrue - class codes in `[0, nClasses)`
 * @param nClasses - number of class codes K
 * @param blockRows - rows per block
 * @param start - first row
 * @param end - one past the last row
 * @returns `[block 0 counts, block 1 counts, ..., first rows]`
 */
export function countClassesByBlock(
  yTrue: Int32Array,
  nClasses: number,
  blockRows: number,
  start: number,
  end: number,
): Int32Array {
  const nBlocks = Math.ceil((end - start) / blockRows);
  const out = new Int32Array((nBlocks + 1) * nClasses);
  for (let b = 0; b < nBlocks; b++) {
    const from = start + b * blockRows;
    countBlockClasses(yTrue, out, b * nClasses, from, Math.min(end, from + blockRows));
  }
  recordFirstRows(yTrue, start, end, out, 0, nBlocks, nClasses);
  return out;
}

/**
 * The counting loop of {@link countClassesByBlock}, one block per call. A function of its
 * own so that no loop of the caller runs long enough for V8 to compile the caller on stack:
 * code compiled that way on a worker's first call, before `recordFirstRows` had ever run,
 * was left with no type feedback for it, and every later range entered that cached code and
 * threw it away at `recordFirstRows` (up to 60 times per job, 0.3 ms each).
 */
function countBlockClasses(
  yTrue: Int32Array,
  out: Int32Array,
  base: number,
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++) out[base + yTrue[i]!]!++;
}

/**
 * Fills the last `width` entries of `out` with each value's first row in
 * `yTrue[start..end)` (-1 when absent), for a table whose per-block counts
 * (`nBlocks` × `width`, at `blocksAt`) are already filled: the scan stops as
 * soon as every counted value has been seen. Unchecked kernel.
 *
 * @param yTrue - values in `[0, width)`
 * @param start - first row
 * @param end - one past the last row
 * @param out - the table
 * @param blocksAt - where its per-block counts begin
 * @param nBlocks - blocks in the range
 * @param width - values per block
 */
export function recordFirstRows(
  yTrue: ArrayLike<number>,
  start: number,
  end: number,
  out: Int32Array,
  blocksAt: number,
  nBlocks: number,
  width: number,
): void {
  const first = out.length - width;
  out.fill(-1, first);
  let missing = 0;
  for (let v = 0; v < width; v++) {
    for (let b = 0; b < nBlocks; b++) {
      if (out[blocksAt + b * width + v]! > 0) {
        missing++;
        break;
      }
    }
  }
  for (let i = start; i < end && missing > 0; i++) {
    const v = yTrue[i]!;
    if (out[first + v] === -1) {
      out[first + v] = i;
      missing--;
    }
  }
}

/** Where the stratified fold assignment of a range writes, and what it reads. */
export interface StratifiedBlockInput {
  readonly yTrue: Int32Array;
  readonly yPred: Int32Array;
  readonly weight: Float64Array | null;
  readonly nClasses: number;
  readonly nSplits: number;
  /** `allocateFoldBlocks`' table: rows of each class per fold, per block. */
  readonly alloc: Int32Array;
  readonly blockRows: number;
  readonly seed: number;
  /** The fold-id column to fill, or null when only counts are wanted. */
  readonly ids: FoldIdArray | null;
}

/** A block's fold labels (one per row, classes in code order) and each class's next label. */
interface BlockScratch {
  readonly labels: Uint8Array | Int32Array;
  readonly cursor: Int32Array;
}

function blockScratch(input: StratifiedBlockInput, rows: number): BlockScratch {
  const size = Math.min(input.blockRows, rows);
  return {
    labels: input.nSplits <= 255 ? new Uint8Array(size) : new Int32Array(size),
    cursor: new Int32Array(input.nClasses),
  };
}

/**
 * Fills block `b`'s fold labels: class c's rows take the folds `alloc` gives
 * it (fold 0 its count, then fold 1, ...), shuffled, and `cursor[c]` points at
 * class c's first label. The one definition of the assignment, which the
 * counting and the assign-only kernels share.
 */
function blockFoldLabels(
  input: StratifiedBlockInput,
  b: number,
  labels: Uint8Array | Int32Array,
  cursor: Int32Array,
): void {
  const { nClasses: k, nSplits, alloc, seed } = input;
  const rng = createRng(deriveSeed(seed, FOLD_BLOCK_STREAM, b));
  let p = 0;
  for (let c = 0; c < k; c++) {
    cursor[c] = p;
    const from = p;
    const at = (b * k + c) * nSplits;
    for (let f = 0; f < nSplits; f++) {
      const t = alloc[at + f]!;
      labels.fill(f, p, p + t);
      p += t;
    }
    if (p - from > 1) shuffleShortRange(labels, from, p, rng);
  }
}

/**
 * Assigns the test fold of every row in `[start, end)` (`start` a multiple of
 * `blockRows`) into `ids`, exactly as {@link accumulateStratifiedFolds} does,
 * without counting: for jobs whose per-fold K×K counts are too large to hold.
 * Unchecked kernel.
 *
 * @param input - columns, allocation and the id column to fill
 * @param ids - receives each row's fold
 * @param start - first row
 * @param end - one past the last row
 */
export function assignStratifiedFolds(
  input: StratifiedBlockInput,
  ids: FoldIdArray,
  start: number,
  end: number,
): void {
  const { yTrue, blockRows } = input;
  const { labels, cursor } = blockScratch(input, end - start);
  for (let b0 = start; b0 < end; b0 += blockRows) {
    const b1 = Math.min(end, b0 + blockRows);
    blockFoldLabels(input, b0 / blockRows, labels, cursor);
    for (let i = b0; i < b1; i++) {
      const c = yTrue[i]!;
      ids[i] = labels[cursor[c]!]!;
      cursor[c]!++;
    }
  }
}

/**
 * Assigns the test fold of every row in `[start, end)` (`start` a multiple of
 * `blockRows`) and adds each row to its fold's confusion counts:
 * `out[(f * K + yTrue) * K + yPred] += weight`. Unchecked kernel.
 *
 * @remarks
 * In block `b`, class `c`'s rows take fold labels `alloc` says (fold 0 its
 * count, then fold 1, ...) shuffled by `shuffleShortRange` (Fisher–Yates on
 * 16-bit draws), classes in code order, all from one generator
 * `createRng(deriveSeed(seed, 5, b))`, in row order.
 * The labels of a block take at most `blockRows` bytes, so the shuffles stay in
 * cache and no per-row buffer of the whole column is needed.
 *
 * @param input - columns, allocation and the optional id column
 * @param out - `nSplits` K×K count blocks, fold-major
 * @param start - first row
 * @param end - one past the last row
 */
export function accumulateStratifiedFolds(
  input: StratifiedBlockInput,
  out: Float64Array,
  start: number,
  end: number,
): void {
  const { yTrue, yPred, weight, nClasses: k, blockRows, ids } = input;
  const { labels, cursor } = blockScratch(input, end - start);
  const kk = k * k;
  let odd: Float64Array | undefined;
  for (let b0 = start; b0 < end; b0 += blockRows) {
    const b1 = Math.min(end, b0 + blockRows);
    blockFoldLabels(input, b0 / blockRows, labels, cursor);
    if (weight === null && ids === null) {
      // odd rows count into a second table, so consecutive rows rarely wait on the same
      // cell's store (integer counts make the split exact)
      odd ??= new Float64Array(out.length);
      let i = b0;
      for (; i + 1 < b1; i += 2) {
        const c0 = yTrue[i]!;
        const q0 = cursor[c0]!;
        cursor[c0] = q0 + 1;
        out[labels[q0]! * kk + c0 * k + yPred[i]!]! += 1;
        const c1 = yTrue[i + 1]!;
        const q1 = cursor[c1]!;
        cursor[c1] = q1 + 1;
        odd[labels[q1]! * kk + c1 * k + yPred[i + 1]!]! += 1;
      }
      if (i < b1) {
        const c = yTrue[i]!;
        out[labels[cursor[c]!]! * kk + c * k + yPred[i]!]! += 1;
      }
    } else {
      for (let i = b0; i < b1; i++) {
        const c = yTrue[i]!;
        const q = cursor[c]!;
        cursor[c] = q + 1;
        const f = labels[q]!;
        if (ids !== null) ids[i] = f;
        out[f * kk + c * k + yPred[i]!]! += weight === null ? 1 : weight[i]!;
      }
    }
  }
  if (odd !== undefined) for (let j = 0; j < out.length; j++) out[j]! += odd[j]!;
}
