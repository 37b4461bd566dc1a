/** Below this many rows the scratch matrix of the unrolled loop is not worth allocating. */
const SPLIT_ROWS = 4096;

/**
 * Adds rows `start..end-1` to a row-major confusion count matrix:
 * `counts[yTrue[i] * nClasses + yPred[i]] += weight ? weight[i] : 1`.
 *
 * @remarks
 * Unchecked hot-path kernel for workers and the validated public functions: codes must
 * lie in `[0, nClasses)`, `counts` must hold `nClasses * nClasses` cells and `weight`
 * (when given) must cover `end`. The loop touches only typed arrays; unweighted calls over
 * many rows allocate one K×K scratch matrix per call (never per row). Weighted rows are
 * added in row order, as numpy's `bincount` does.
 *
 * @param counts - the matrix to add into, length `nClasses * nClasses`, row = true class
 * @param nClasses - number of classes K
 * @param yTrue - true class codes
 * @param yPred - predicted class codes
 * @param weight - per-row weights, or `null` to count each row as 1
 * @param start - first row (inclusive)
 * @param end - last row (exclusive)
 * @returns nothing; `counts` is updated in place
 * @throws never (out-of-range codes corrupt or silently skip cells)
 * @example
 * ```ts
 * import { accumulateConfusion } from '@assay/core-metrics';
 * const counts = new Float64Array(4);
 * accumulateConfusion(counts, 2, Int32Array.of(0, 1, 1), Int32Array.of(0, 0, 1), null, 0, 3);
 * counts; // Float64Array [1, 0, 1, 1]
 * ```
 * @see sklearn.metrics.confusion_matrix
 */
export function accumulateConfusion(
  counts: Float64Array,
  nClasses: number,
  yTrue: Int32Array,
  yPred: Int32Array,
  weight: Float64Array | null,
  start: number,
  end: number,
): void {
  if (weight === null) {
    if (end - start < SPLIT_ROWS) {
      for (let i = start; i < end; i++) counts[yTrue[i]! * nClasses + yPred[i]!]! += 1;
      return;
    }
    // Odd rows go to a scratch matrix so consecutive rows never wait on the same cell's
    // store; integer counts make the split exact.
    const odd = new Float64Array(counts.length);
    let i = start;
    for (; i + 1 < end; i += 2) {
      counts[yTrue[i]! * nClasses + yPred[i]!]! += 1;
      odd[yTrue[i + 1]! * nClasses + yPred[i + 1]!]! += 1;
    }
    if (i < end) counts[yTrue[i]! * nClasses + yPred[i]!]! += 1;
    for (let c = 0; c < odd.length; c++) counts[c]! += odd[c]!;
  } else {
    for (let i = start; i < end; i++) counts[yTrue[i]! * nClasses + yPred[i]!]! += weight[i]!;
  }
}

/**
 * Adds rows `start..end-1` to one confusion matrix per group in a single pass, e.g. one
 * per cross-validation fold: `counts[(g * K + yTrue[i]) * K + yPred[i]] += w` with
 * `g = groupIds[i]`; rows with `g = -1` are skipped.
 *
 * @remarks
 * Unchecked kernel: group ids must be `-1` or in `[0, nGroups)` and codes in `[0, K)`.
 * Equivalent to calling {@link accumulateConfusion} once per group on that group's rows.
 *
 * @param counts - `nGroups * nClasses * nClasses` cells, group-major then row-major
 * @param nClasses - number of classes K
 * @param groupIds - each row's group, `-1` to skip the row
 * @param yTrue - true class codes
 * @param yPred - predicted class codes
 * @param weight - per-row weights, or `null` to count each row as 1
 * @param start - first row (inclusive)
 * @param end - last row (exclusive)
 * @returns nothing; `counts` is updated in place
 * @throws never (out-of-range ids corrupt or silently skip cells)
 * @example
 * ```ts
 * import { accumulateConfusionByGroup } from '@assay/core-metrics';
 * const counts = new Float64Array(2 * 4); // two folds, two classes
 * accumulateConfusionByGroup(counts, 2, Int32Array.of(0, 1, -1), Int32Array.of(0, 1, 1),
 *   Int32Array.of(0, 0, 1), null, 0, 3);
 * counts; // Float64Array [1, 0, 0, 0, 0, 0, 1, 0] (fold 0: [1, 0, 0, 0]; fold 1: [0, 0, 1, 0])
 * ```
 * @see sklearn.metrics.confusion_matrix
 */
export function accumulateConfusionByGroup(
  counts: Float64Array,
  nClasses: number,
  groupIds: Int32Array,
  yTrue: Int32Array,
  yPred: Int32Array,
  weight: Float64Array | null,
  start: number,
  end: number,
): void {
  const cells = nClasses * nClasses;
  if (weight === null) {
    for (let i = start; i < end; i++) {
      const g = groupIds[i]!;
      if (g < 0) continue;
      counts[g * cells + yTrue[i]! * nClasses + yPred[i]!]! += 1;
    }
  } else {
    for (let i = start; i < end; i++) {
      const g = groupIds[i]!;
      if (g < 0) continue;
      counts[g * cells + yTrue[i]! * nClasses + yPred[i]!]! += weight[i]!;
    }
  }
}

/**
 * {@link accumulateConfusionByGroup} over one-byte group ids: the same sums, for fold-id
 * columns stored as an `Int8Array` (a quarter of the memory of Int32 ids when there are
 * at most 127 groups).
 *
 * @remarks
 * Unchecked kernel: group ids must be `-1` (row skipped) or in `[0, nGroups)` and codes in
 * `[0, K)`. Kept separate from the Int32 kernel so that each loop sees one array type.
 *
 * @param counts - `nGroups * nClasses * nClasses` cells, group-major then row-major
 * @param nClasses - number of classes K
 * @param groupIds - each row's group, `-1` to skip the row
 * @param yTrue - true class codes
 * @param yPred - predicted class codes
 * @param weight - per-row weights, or `null` to count each row as 1
 * @param start - first row (inclusive)
 * @param end - last row (exclusive)
 * @returns nothing; `counts` is updated in place
 * @throws never (out-of-range ids corrupt or silently skip cells)
 * @example
 * ```ts
 * import { accumulateConfusionByGroupInt8 } from '@assay/core-metrics';
 * const counts = new Float64Array(2 * 4); // two folds, two classes
 * accumulateConfusionByGroupInt8(counts, 2, Int8Array.of(0, 1, -1), Int32Array.of(0, 1, 1),
 *   Int32Array.of(0, 0, 1), null, 0, 3);
 * counts; // Float64Array [1, 0, 0, 0, 0, 0, 1, 0] (fold 0: [1, 0, 0, 0]; fold 1: [0, 0, 1, 0])
 * ```
 * @see sklearn.metrics.confusion_matrix
 */
export function accumulateConfusionByGroupInt8(
  counts: Float64Array,
  nClasses: number,
  groupIds: Int8Array,
  yTrue: Int32Array,
  yPred: Int32Array,
  weight: Float64Array | null,
  start: number,
  end: number,
): void {
  const cells = nClasses * nClasses;
  if (weight === null) {
    for (let i = start; i < end; i++) {
      const g = groupIds[i]!;
      if (g < 0) continue;
      counts[g * cells + yTrue[i]! * nClasses + yPred[i]!]! += 1;
    }
  } else {
    for (let i = start; i < end; i++) {
      const g = groupIds[i]!;
      if (g < 0) continue;
      counts[g * cells + yTrue[i]! * nClasses + yPred[i]!]! += weight[i]!;
    }
  }
}
