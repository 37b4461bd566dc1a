import type { Split } from '../types.js';

/**
 * Rows per fold of a fold-id array. Unchecked kernel.
 *
 * @param foldIds - each row's test fold, `-1` for never tested
 * @param nFolds - number of folds; ids must lie in [-1, nFolds)
 * @returns an Int32Array of length `nFolds`
 * @example
 * ```ts
 * import { foldSizes, KFold } from '@assay/splitters';
 * foldSizes(new KFold({ nSplits: 3 }).foldIds(7), 3); // Int32Array [3, 2, 2]
 * ```
 * @see sklearn.model_selection.KFold (fold sizes)
 */
export function foldSizes(foldIds: Int32Array, nFolds: number): Int32Array {
  const sizes = new Int32Array(nFolds);
  for (let i = 0; i < foldIds.length; i++) {
    const f = foldIds[i]!;
    if (f >= 0) sizes[f]! += 1;
  }
  return sizes;
}

/**
 * Materialises split `fold` of a fold-id array: test = rows whose id is
 * `fold`, train = every other row (rows with id -1 included). Unchecked kernel:
 * the hot path of a worker that received `foldIds` from the runner.
 *
 * @param foldIds - each row's test fold, `-1` for never tested (from a splitter's `foldIds`)
 * @param fold - the split to build, in [0, nFolds)
 * @param testSize - rows whose id is `fold`, when already known (saves one pass)
 * @returns train and test indices, both ascending
 * @example
 * ```ts
 * import { KFold, splitFromFoldIds } from '@assay/splitters';
 * const ids = new KFold({ nSplits: 3 }).foldIds({ n: 6 });
 * splitFromFoldIds(ids, 1); // { train: [0, 1, 4, 5], test: [2, 3] }
 * ```
 * @see sklearn.model_selection.PredefinedSplit (the same fold-label form)
 */
export function splitFromFoldIds(foldIds: Int32Array, fold: number, testSize?: number): Split {
  const n = foldIds.length;
  let size = testSize;
  if (size === undefined) {
    size = 0;
    for (let i = 0; i < n; i++) if (foldIds[i] === fold) size++;
  }
  const test = new Uint32Array(size);
  const train = new Uint32Array(n - size);
  let t = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    if (foldIds[i] === fold) test[t++] = i;
    else train[r++] = i;
  }
  return { train, test };
}

/**
 * Yields the splits of a fold-id array in fold order.
 *
 * @param foldIds - each row's test fold, `-1` for never tested
 * @param nFolds - number of folds
 * @returns a generator of splits, ascending indices
 * @example
 * ```ts
 * import { splitsFromFoldIds } from '@assay/splitters';
 * [...splitsFromFoldIds(Int32Array.from([0, 1, -1, 1]), 2)].map((s) => s.test); // [[0], [1, 3]]
 * ```
 * @see sklearn.model_selection.PredefinedSplit
 */
export function* splitsFromFoldIds(
  foldIds: Int32Array,
  nFolds: number,
): Generator<Split, void, undefined> {
  const sizes = foldSizes(foldIds, nFolds);
  for (let f = 0; f < nFolds; f++) yield splitFromFoldIds(foldIds, f, sizes[f]!);
}

/**
 * Builds a split from a row mask: 1 = test, 2 = train, 0 = neither. Unchecked kernel.
 *
 * @param mask - one byte per row
 * @param testSize - rows marked 1
 * @param trainSize - rows marked 2
 * @returns train and test indices, ascending
 */
export function splitFromMask(mask: Uint8Array, testSize: number, trainSize: number): Split {
  const test = new Uint32Array(testSize);
  const train = new Uint32Array(trainSize);
  let t = 0;
  let r = 0;
  for (let i = 0; i < mask.length; i++) {
    const m = mask[i];
    if (m === 1) test[t++] = i;
    else if (m === 2) train[r++] = i;
  }
  return { train, test };
}
