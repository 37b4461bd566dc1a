import { RepeatedFoldSplitter } from './repeated-fold-splitter.js';
import type { RepeatedKFoldOptions } from './repeated-options.js';
import { StratifiedKFold } from './stratified-k-fold.js';

/**
 * StratifiedKFold repeated `nRepeats` times, shuffled differently each time.
 *
 * @remarks
 * Repeat `r` is `new StratifiedKFold({ nSplits, shuffle: true, randomState: s_r })`
 * where `s_r` is the `(r + 1)`-th `nextUint32()` of `createRng(randomState)`.
 * Any repeat can be rebuilt alone, so fold ids come per repeat:
 * {@link RepeatedStratifiedKFold.foldIdsForRepeat} (one repeat) or
 * {@link RepeatedStratifiedKFold.foldIdsPerRepeat} (all of them). There is no single
 * `foldIds`: test sets of different repeats overlap.
 *
 * @example
 * ```ts
 * import { RepeatedStratifiedKFold } from '@assay/splitters';
 * const cv = new RepeatedStratifiedKFold({ nSplits: 5, nRepeats: 3, randomState: 42 });
 * cv.getNSplits(); // 15
 * ```
 * @see sklearn.model_selection.RepeatedStratifiedKFold
 */
export class RepeatedStratifiedKFold extends RepeatedFoldSplitter<StratifiedKFold> {
  /**
   * @param options - `nSplits` (default 5), `nRepeats` (default 10), `randomState` (default 0)
   * @throws {@link SplitError} `INVALID_OPTION`
   */
  constructor(options: RepeatedKFoldOptions = {}) {
    super(options, 'RepeatedStratifiedKFold');
  }

  protected splitterWithSeed(seed: number): StratifiedKFold {
    return new StratifiedKFold({ nSplits: this.nSplits, shuffle: true, randomState: seed });
  }
}
