import { RunnerError } from '../errors.js';
import { sharedInt32 } from '../io/shared-arrays.js';
import type { Folding } from './build-folds.js';
import { MAX_CV_FOLDS } from './cv-limits.js';

/**
 * Turns caller-supplied test fold ids (one per row, -1 = never tested) into a
 * {@link Folding}; each fold's train set is every other row, the never-tested ones included,
 * as in scikit-learn's `PredefinedSplit`.
 *
 * @param foldIds - fold per row
 * @param n - row count
 * @returns the folding
 * @throws {@link RunnerError} `INVALID_OPTION` for a wrong length, a non-integer id, or an id
 *   of `MAX_CV_FOLDS` (10,000) or more
 */
export function fromFoldIdArray(foldIds: ArrayLike<number>, n: number): Folding {
  if (foldIds.length !== n) {
    throw new RunnerError(
      'INVALID_OPTION',
      `foldIds has ${foldIds.length} entries but there are ${n} rows; give one fold id per row (-1 = never tested).`,
      { path: 'foldIds' },
    );
  }
  const ids = sharedInt32(n);
  let max = -1;
  for (let i = 0; i < n; i++) {
    const f = foldIds[i]!;
    if (!Number.isInteger(f) || f < -1) {
      throw new RunnerError(
        'INVALID_OPTION',
        `foldIds[${i}] is ${String(f)}; fold ids must be integers >= 0, or -1 for rows never tested.`,
        { path: 'foldIds' },
      );
    }
    ids[i] = f;
    if (f > max) max = f;
  }
  if (max >= MAX_CV_FOLDS) {
    throw new RunnerError(
      'INVALID_OPTION',
      `foldIds names fold ${max}, so there would be ${(max + 1).toLocaleString('en-US')} folds, above the limit of ${MAX_CV_FOLDS.toLocaleString('en-US')} folds per job; number the folds 0, 1, 2, … (-1 = never tested).`,
      { path: 'foldIds' },
    );
  }
  const nTest = new Array<number>(max + 1).fill(0);
  for (let i = 0; i < n; i++) if (ids[i]! >= 0) nTest[ids[i]!]!++;
  return { ids, offset: 0, splits: nTest.map((t) => ({ nTrain: n - t, nTest: t })) };
}
