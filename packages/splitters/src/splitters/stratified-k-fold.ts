import type { EncodedLabels } from '../input/encode-labels.js';
import { requireY, resolveInput } from '../input/resolve-input.js';
import { splitsFromFoldIds } from '../kernels/fold-ids-split.js';
import { stratifiedFoldIds } from '../kernels/stratified-fold-ids.js';
import { seededRng } from '../random/xoshiro128.js';
import type { FoldIdCrossValidator, Split, SplitInputLike } from '../types.js';
import { checkClassSizes } from './check-class-sizes.js';
import { checkSplitsFitRows, type KFoldOptions, resolveKFoldOptions } from './k-fold-options.js';

/**
 * Stratified k-fold: each fold keeps each class's share of the rows.
 *
 * @remarks
 * Without shuffle the folds are exactly scikit-learn 1.2.1's: `y` is encoded
 * in order of first appearance and the per-fold class counts are those of
 * `_make_test_folds` (the sorted labels dealt round-robin to the folds).
 * With `shuffle`, each class's fold sequence is shuffled by the seeded
 * generator: per-fold class counts still equal scikit-learn's, rows differ.
 * Runs in O(n) with typed arrays (10M rows well under a second).
 *
 * @example
 * ```ts
 * import { StratifiedKFold } from '@assay/splitters';
 * const skf = new StratifiedKFold({ nSplits: 2 });
 * skf.foldIds({ y: ['a', 'a', 'b', 'b'] }); // Int32Array [0, 1, 0, 1]
 * ```
 * @see sklearn.model_selection.StratifiedKFold
 */
export class StratifiedKFold implements FoldIdCrossValidator {
  /** Number of folds. */
  readonly nSplits: number;
  /** Whether each class's rows are shuffled across folds. */
  readonly shuffle: boolean;
  /** The seed in use when shuffling, else undefined. */
  readonly randomState: number | undefined;

  /**
   * @param options - `nSplits` (default 5), `shuffle` (default false), `randomState` (default 0 when shuffling)
   * @throws {@link SplitError} `INVALID_OPTION`
   */
  constructor(options: KFoldOptions = {}) {
    const o = resolveKFoldOptions(options, 'StratifiedKFold');
    this.nSplits = o.nSplits;
    this.shuffle = o.shuffle;
    this.randomState = o.seed;
  }

  /**
   * Each row's test fold.
   *
   * @param input - `{ y }` (class labels, required), optionally `n`
   * @returns an Int32Array of fold ids in [0, nSplits)
   * @throws {@link SplitError} `MISSING_INPUT` (no y), `LENGTH_MISMATCH`, `MISSING_VALUE`,
   *   `INVALID_TARGET`, `TOO_FEW_SAMPLES` (nSplits > n), `CLASS_TOO_SMALL` (every class < nSplits)
   * @example
   * ```ts
   * new StratifiedKFold({ nSplits: 3, shuffle: true, randomState: 1 }).foldIds({ y });
   * ```
   */
  foldIds(input: SplitInputLike): Int32Array {
    const resolved = resolveInput(input);
    checkSplitsFitRows(this.nSplits, resolved.n, 'StratifiedKFold');
    const y: EncodedLabels = requireY(resolved, 'StratifiedKFold', 'first-appearance');
    checkClassSizes(y.counts, this.nSplits, 'StratifiedKFold');
    const rng = this.randomState === undefined ? undefined : seededRng(this.randomState);
    // The codes are ours (fresh from encodeLabels), so the fold ids overwrite them in place.
    return stratifiedFoldIds(y.codes, y.counts, this.nSplits, rng, y.codes);
  }

  /**
   * Yields the `nSplits` train/test splits; input is validated before the first split.
   *
   * @param input - `{ y }` (class labels, required)
   * @returns a generator of `{ train, test }`, indices ascending
   * @throws {@link SplitError} as {@link StratifiedKFold.foldIds}
   */
  split(input: SplitInputLike): Generator<Split, void, undefined> {
    return splitsFromFoldIds(this.foldIds(input), this.nSplits);
  }

  /**
   * @param _input - ignored
   * @returns `nSplits`
   */
  getNSplits(_input?: SplitInputLike): number {
    return this.nSplits;
  }
}
