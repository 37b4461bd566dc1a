import { SplitError } from '../errors.js';
import { checkInteger } from '../input/check-options.js';
import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import { requireGroups, resolveInput } from '../input/resolve-input.js';
import { splitsFromFoldIds } from '../kernels/fold-ids-split.js';
import { numpyArgsort } from '../kernels/numpy-argsort.js';
import type { FoldIdCrossValidator, Split, SplitInputLike } from '../types.js';
import { checkSplitsFitRows } from './k-fold-options.js';

/** Options of {@link GroupKFold}. */
export interface GroupKFoldOptions {
  /** Number of folds, an integer >= 2; default 5. */
  readonly nSplits?: number;
}

/**
 * Greedy GroupKFold assignment of scikit-learn 1.2. Unchecked kernel.
 *
 * @param groupCodes - group code per row (sorted-unique order)
 * @param groupCounts - rows per group code
 * @param nSplits - number of folds, at most the number of groups
 * @returns each row's fold
 */
export function groupKFoldIds(
  groupCodes: Int32Array,
  groupCounts: Int32Array,
  nSplits: number,
): Int32Array {
  const nGroups = groupCounts.length;
  // np.argsort(...)[::-1]: numpy's unstable introsort, reversed, decides the order of equal-sized groups.
  const ascending = numpyArgsort(groupCounts);
  const foldLoad = new Float64Array(nSplits);
  const groupToFold = new Int32Array(nGroups);
  for (let g = nGroups - 1; g >= 0; g--) {
    const group = ascending[g]!;
    let lightest = 0;
    for (let f = 1; f < nSplits; f++) if (foldLoad[f]! < foldLoad[lightest]!) lightest = f;
    foldLoad[lightest]! += groupCounts[group]!;
    groupToFold[group] = lightest;
  }
  const ids = new Int32Array(groupCodes.length);
  for (let i = 0; i < ids.length; i++) ids[i] = groupToFold[groupCodes[i]!]!;
  return ids;
}

const GROUP_K_FOLD_KEYS: OptionKeys<GroupKFoldOptions> = { nSplits: true };

/**
 * K-fold over groups: every group's rows land in one fold, folds balanced by row count.
 *
 * @remarks
 * Exactly scikit-learn 1.2.1: groups are taken largest first (ties in numpy's
 * argsort order) and each goes to the fold with the fewest rows so far (the
 * first such fold on ties). Deterministic; there is no shuffle option.
 *
 * @example
 * ```ts
 * import { GroupKFold } from '@assay/splitters';
 * new GroupKFold({ nSplits: 2 }).foldIds({ groups: ['a', 'a', 'a', 'b', 'c'] }); // Int32Array [0, 0, 0, 1, 1]
 * ```
 * @see sklearn.model_selection.GroupKFold
 */
export class GroupKFold implements FoldIdCrossValidator {
  /** Number of folds. */
  readonly nSplits: number;

  /**
   * @param options - `nSplits` (default 5)
   * @throws {@link SplitError} `INVALID_OPTION` for `nSplits < 2`
   */
  constructor(options: GroupKFoldOptions = {}) {
    const o = checkOptions(options, 'GroupKFold', GROUP_K_FOLD_KEYS);
    this.nSplits = checkInteger(o.nSplits ?? 5, 'options.nSplits', 2);
  }

  /**
   * Each row's test fold.
   *
   * @param input - `{ groups }` (required), optionally `n`
   * @returns an Int32Array of fold ids in [0, nSplits)
   * @throws {@link SplitError} `MISSING_INPUT` (no groups), `LENGTH_MISMATCH`, `MISSING_VALUE`,
   *   `TOO_FEW_SAMPLES`, `TOO_FEW_GROUPS` (fewer distinct groups than nSplits)
   * @example
   * ```ts
   * new GroupKFold({ nSplits: 3 }).foldIds({ groups: [1, 1, 2, 3, 3, 3] });
   * ```
   */
  foldIds(input: SplitInputLike): Int32Array {
    const resolved = resolveInput(input);
    checkSplitsFitRows(this.nSplits, resolved.n, 'GroupKFold');
    const groups = requireGroups(resolved, 'GroupKFold');
    if (this.nSplits > groups.counts.length) {
      throw new SplitError(
        'TOO_FEW_GROUPS',
        `GroupKFold: cannot have nSplits=${this.nSplits} greater than the number of distinct groups ${groups.counts.length}; ${
          groups.counts.length >= 2
            ? `use nSplits <= ${groups.counts.length}.`
            : 'GroupKFold needs at least 2 distinct groups.'
        }`,
        'options.nSplits',
      );
    }
    return groupKFoldIds(groups.codes, groups.counts, this.nSplits);
  }

  /**
   * Yields the `nSplits` train/test splits; input is validated before the first split.
   *
   * @param input - `{ groups }` (required)
   * @returns a generator of `{ train, test }`, indices ascending
   * @throws {@link SplitError} as {@link GroupKFold.foldIds}
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
