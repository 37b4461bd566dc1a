import { permutation } from '../random/shuffle.js';
import type { Rng } from '../random/xoshiro128.js';
import {
  numpyIsClose,
  pairwiseSum,
  stdContiguous,
  stdStridedSequential,
} from './numpy-reductions.js';

/**
 * StratifiedGroupKFold's fold of each row, ported from scikit-learn 1.2.1.
 * Unchecked kernel.
 *
 * @remarks
 * Groups are visited in order of decreasing standard deviation of their
 * per-class counts (stable, so ties keep group order); each goes to the fold
 * that minimises the mean over classes of the std across folds of
 * `count / classTotal`, ties (np.isclose) going to the fold with fewer rows.
 * Floating-point reductions follow numpy's operation order, so near-ties
 * resolve as in scikit-learn. With `rng`, the initial group order is a seeded
 * permutation (scikit-learn 1.2 shuffles the count rows without their group
 * ids, which scrambles stratification; this keeps each group with its counts).
 *
 * @param yCodes - class code per row (sorted-unique order)
 * @param yCounts - rows per class
 * @param groupCodes - group code per row (sorted-unique order)
 * @param nGroups - number of distinct groups
 * @param nSplits - number of folds
 * @param rng - permutes the group order first when given
 * @returns each row's fold
 */
export function stratifiedGroupFoldIds(
  yCodes: Int32Array,
  yCounts: Int32Array,
  groupCodes: Int32Array,
  nGroups: number,
  nSplits: number,
  rng?: Rng,
): Int32Array {
  const nClasses = yCounts.length;
  const perGroup = new Float64Array(nGroups * nClasses);
  for (let i = 0; i < yCodes.length; i++) perGroup[groupCodes[i]! * nClasses + yCodes[i]!]! += 1;
  const scratch = new Float64Array(Math.max(nClasses, nSplits));
  const spread = new Float64Array(nGroups);
  for (let g = 0; g < nGroups; g++) {
    spread[g] = stdContiguous(perGroup, g * nClasses, nClasses, scratch);
  }
  const start = rng === undefined ? undefined : permutation(nGroups, rng);
  const order = Array.from({ length: nGroups }, (_, i) => (start === undefined ? i : start[i]!));
  // np.argsort(-std, kind='mergesort'): stable, so equal spreads keep their order.
  order.sort((a, b) => spread[b]! - spread[a]!);

  const perFold = new Float64Array(nSplits * nClasses);
  const share = new Float64Array(nSplits * nClasses);
  const stdPerClass = new Float64Array(nClasses);
  const groupToFold = new Int32Array(nGroups);
  for (const g of order) {
    const row = g * nClasses;
    let best = 0;
    let minEval = Number.POSITIVE_INFINITY;
    let minSamples = Number.POSITIVE_INFINITY;
    for (let i = 0; i < nSplits; i++) {
      const foldRow = i * nClasses;
      for (let c = 0; c < nClasses; c++) perFold[foldRow + c]! += perGroup[row + c]!;
      for (let j = 0; j < share.length; j++) share[j] = perFold[j]! / yCounts[j % nClasses]!;
      for (let c = 0; c < nClasses; c++) {
        stdPerClass[c] =
          nClasses === 1
            ? stdContiguous(share, 0, nSplits, scratch)
            : stdStridedSequential(share, c, nSplits, nClasses);
      }
      for (let c = 0; c < nClasses; c++) perFold[foldRow + c]! -= perGroup[row + c]!;
      const foldEval = pairwiseSum(stdPerClass, 0, nClasses) / nClasses;
      let samples = 0;
      for (let c = 0; c < nClasses; c++) samples += perFold[foldRow + c]!;
      if (foldEval < minEval || (numpyIsClose(foldEval, minEval) && samples < minSamples)) {
        minEval = foldEval;
        minSamples = samples;
        best = i;
      }
    }
    for (let c = 0; c < nClasses; c++) perFold[best * nClasses + c]! += perGroup[row + c]!;
    groupToFold[g] = best;
  }
  const ids = new Int32Array(groupCodes.length);
  for (let i = 0; i < ids.length; i++) ids[i] = groupToFold[groupCodes[i]!]!;
  return ids;
}
