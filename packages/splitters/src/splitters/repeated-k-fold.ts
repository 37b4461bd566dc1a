import { KFold } from './k-fold.js';
import { RepeatedFoldSplitter } from './repeated-fold-splitter.js';
import type { RepeatedKFoldOptions } from './repeated-options.js';

/**
 * KFold repeated `nRepeats` times, shuffled differently each time.
 *
 * @remarks
 * Repeat `r` is `new KFold({ nSplits, shuffle: true, randomState: s_r })`
 * where `s_r` is the `(r + 1)`-th `nextUint32()` of `createRng(randomState)`.
 * Any repeat can be rebuilt alone, so fold ids come per repeat:
 * {@link RepeatedKFold.foldIdsForRepeat} (one repeat) or
 * {@link RepeatedKFold.foldIdsPerRepeat} (all of them). There is no single
 * `foldIds`: test sets of different repeats overlap.
 *
 * @example
 * ```ts
 * import { RepeatedKFold } from '@assay/splitters';
 * const cv = new RepeatedKFold({ nSplits: 5, nRepeats: 3, randomState: 42 });
 * cv.getNSplits(); // 15
 * ```
 * @see sklearn.model_selection.RepeatedKFold
 */
export class RepeatedKFold extends RepeatedFoldSplitter<KFold> {
  /**
   * @param options - `nSplits` (default 5), `nRepeats` (default 10), `randomState` (default 0)
   * @throws {@link SplitError} `INVALID_OPTION`
   */
  constructor(options: RepeatedKFoldOptions = {}) {
    super(options, 'RepeatedKFold');
  }

  protected splitterWithSeed(seed: number): KFold {
    return new KFold({ nSplits: this.nSplits, shuffle: true, randomState: seed });
  }
}
