import { SplitError } from '../errors.js';
import { requireGroups, requireY, resolveInput } from '../input/resolve-input.js';
import { splitsFromFoldIds } from '../kernels/fold-ids-split.js';
import { stratifiedGroupFoldIds } from '../kernels/stratified-group-fold-ids.js';
import { seededRng } from '../random/xoshiro128.js';
import type { FoldIdCrossValidator, Split, SplitInputLike } from '../types.js';
import { checkClassSizes } from './check-class-sizes.js';
import { checkSplitsFitRows, type KFoldOptions, resolveKFoldOptions } from './k-fold-options.js';

/**
 * Stratified k-fold over groups: every group in one fold, class shares kept as
 * well as whole groups allow.
 *
 * @remarks
 * Without shuffle, exactly scikit-learn 1.2.1's greedy assignment (see
 * `stratifiedGroupFoldIds` for the rule). With `shuffle`, groups are visited
 * in a seeded random order before the stable sort by spread. Unlike
 * scikit-learn, fewer distinct groups than `nSplits` is an error rather than
 * silently empty folds.
 *
 * @example
 * ```ts
 * import { StratifiedGroupKFold } from '@assay/splitters';
 * const sgkf = new StratifiedGroupKFold({ nSplits: 2 });
 * sgkf.foldIds({ y: [0, 0, 1, 1, 0, 1], groups: [1, 1, 2, 2, 3, 4] }); // Int32Array [0, 0, 1, 1, 1, 0]
 * ```
 * @see sklearn.model_selection.StratifiedGroupKFold
 */
export class StratifiedGroupKFold implements FoldIdCrossValidator {
  /** Number of folds. */
  readonly nSplits: number;
  /** Whether the group order is shuffled. */
  readonly shuffle: boolean;
  /** The seed in use when shuffling, else undefined. */
  readonly randomState: number | undefined;

  /**
   * @param options - `nSplits` (default 5), `shuffle` (default false), `randomState` (default 0 when shuffling)
   * @throws {@link SplitError} `INVALID_OPTION`
   */
  constructor(options: KFoldOptions = {}) {
    const o = resolveKFoldOptions(options, 'StratifiedGroupKFold');
    this.nSplits = o.nSplits;
    this.shuffle = o.shuffle;
    this.randomState = o.seed;
  }

  /**
   * Each row's test fold.
   *
   * @param input - `{ y, groups }` (both required), optionally `n`
   * @returns an Int32Array of fold ids in [0, nSplits)
   * @throws {@link SplitError} `MISSING_INPUT`, `LENGTH_MISMATCH`, `MISSING_VALUE`,
   *   `INVALID_TARGET`, `TOO_FEW_SAMPLES`, `CLASS_TOO_SMALL`, `TOO_FEW_GROUPS`
   * @example
   * ```ts
   * new StratifiedGroupKFold({ nSplits: 3 }).foldIds({ y, groups });
   * ```
   */
  foldIds(input: SplitInputLike): Int32Array {
    const resolved = resolveInput(input);
    checkSplitsFitRows(this.nSplits, resolved.n, 'StratifiedGroupKFold');
    const y = requireY(resolved, 'StratifiedGroupKFold', 'sorted');
    const groups = requireGroups(resolved, 'StratifiedGroupKFold');
    checkClassSizes(y.counts, this.nSplits, 'StratifiedGroupKFold');
    const nGroups = groups.counts.length;
    if (this.nSplits > nGroups) {
      throw new SplitError(
        'TOO_FEW_GROUPS',
        `StratifiedGroupKFold: cannot have nSplits=${this.nSplits} greater than the number of distinct groups ${nGroups}; ${
          nGroups >= 2
            ? `use nSplits <= ${nGroups}.`
            : 'StratifiedGroupKFold needs at least 2 distinct groups.'
        }`,
        'options.nSplits',
      );
    }
    const rng = this.randomState === undefined ? undefined : seededRng(this.randomState);
    return stratifiedGroupFoldIds(y.codes, y.counts, groups.codes, nGroups, this.nSplits, rng);
  }

  /**
   * Yields the `nSplits` train/test splits; input is validated before the first split.
   *
   * @param input - `{ y, groups }` (both required)
   * @returns a generator of `{ train, test }`, indices ascending
   * @throws {@link SplitError} as {@link StratifiedGroupKFold.foldIds}
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
