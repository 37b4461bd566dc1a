import { resolveInput } from '../input/resolve-input.js';
import { splitsFromFoldIds } from '../kernels/fold-ids-split.js';
import { kFoldIds } from '../kernels/k-fold-ids.js';
import { seededRng } from '../random/xoshiro128.js';
import type { FoldIdCrossValidator, Split, SplitInputLike } from '../types.js';
import { checkSplitsFitRows, type KFoldOptions, resolveKFoldOptions } from './k-fold-options.js';

/**
 * K-fold cross-validation: `nSplits` consecutive folds, each the test set once.
 *
 * @remarks
 * Fold sizes are `floor(n / nSplits)`, the first `n % nSplits` one row
 * longer — identical to scikit-learn 1.2 without shuffle. With `shuffle`, the
 * sequence of fold labels is shuffled by the seeded xoshiro128** generator
 * (`shuffleInPlace` draws) and row `i` takes label `i`: the same sizes and the
 * same distribution as scikit-learn's permute-then-cut, different rows.
 *
 * @example
 * ```ts
 * import { KFold } from '@assay/splitters';
 * const folds = [...new KFold({ nSplits: 3 }).split({ n: 7 })];
 * folds.map((s) => s.test); // [[0, 1, 2], [3, 4], [5, 6]]
 * folds[0].train; // Uint32Array [3, 4, 5, 6]
 * ```
 * @see sklearn.model_selection.KFold
 */
export class KFold implements FoldIdCrossValidator {
  /** Number of folds. */
  readonly nSplits: number;
  /** Whether rows are shuffled before cutting folds. */
  readonly shuffle: boolean;
  /** The seed in use when shuffling, else undefined. */
  readonly randomState: number | undefined;

  /**
   * @param options - `nSplits` (default 5), `shuffle` (default false), `randomState` (default 0 when shuffling)
   * @throws {@link SplitError} `INVALID_OPTION` for `nSplits < 2`, a non-boolean `shuffle`,
   *   or `randomState` without `shuffle`
   */
  constructor(options: KFoldOptions = {}) {
    const o = resolveKFoldOptions(options, 'KFold');
    this.nSplits = o.nSplits;
    this.shuffle = o.shuffle;
    this.randomState = o.seed;
  }

  /**
   * Each row's test fold.
   *
   * @param input - `{ n }`, `{ y }`, `{ groups }` or a bare row count
   * @returns an Int32Array of fold ids in [0, nSplits)
   * @throws {@link SplitError} `INVALID_N` (`n`, or a bare input such as `'10'`, not a
   *   non-negative integer), `MISSING_INPUT` (null input), `LENGTH_MISMATCH`,
   *   `TOO_FEW_SAMPLES` (nSplits > n)
   * @example
   * ```ts
   * new KFold({ nSplits: 2 }).foldIds(5); // Int32Array [0, 0, 0, 1, 1]
   * ```
   */
  foldIds(input: SplitInputLike): Int32Array {
    const { n } = resolveInput(input);
    checkSplitsFitRows(this.nSplits, n, 'KFold');
    const rng = this.randomState === undefined ? undefined : seededRng(this.randomState);
    return kFoldIds(n, this.nSplits, rng);
  }

  /**
   * Yields the `nSplits` train/test splits; input is validated before the first split.
   *
   * @param input - `{ n }`, `{ y }`, `{ groups }` or a bare row count
   * @returns a generator of `{ train, test }`, indices ascending
   * @throws {@link SplitError} as {@link KFold.foldIds}
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
