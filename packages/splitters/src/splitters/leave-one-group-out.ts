import { SplitError } from '../errors.js';
import type { EncodedLabels } from '../input/encode-labels.js';
import { checkNoOptions } from '../input/option-keys.js';
import { requireGroups, resolveInput } from '../input/resolve-input.js';
import { splitsFromFoldIds } from '../kernels/fold-ids-split.js';
import type { FoldIdCrossValidator, Split, SplitInputLike } from '../types.js';

/**
 * Leave-one-group-out: each distinct group is the test set once, in sorted
 * group order (as `np.unique`).
 *
 * @example
 * ```ts
 * import { LeaveOneGroupOut } from '@assay/splitters';
 * new LeaveOneGroupOut().foldIds({ groups: ['b', 'a', 'b'] }); // Int32Array [1, 0, 1]
 * ```
 * @see sklearn.model_selection.LeaveOneGroupOut
 */
export class LeaveOneGroupOut implements FoldIdCrossValidator {
  /**
   * @param options - none: LeaveOneGroupOut takes no options (an object with any key is refused)
   * @throws {@link SplitError} `INVALID_OPTION` for any option key or a non-object argument
   */
  constructor(options?: Record<string, never>) {
    checkNoOptions(options, 'LeaveOneGroupOut');
  }

  private encode(input: SplitInputLike): EncodedLabels {
    const groups = requireGroups(resolveInput(input), 'LeaveOneGroupOut');
    if (groups.counts.length <= 1) {
      throw new SplitError(
        'TOO_FEW_GROUPS',
        `LeaveOneGroupOut expects at least 2 distinct groups, got ${groups.counts.length}.`,
        'input.groups',
      );
    }
    return groups;
  }

  /**
   * Each row's test fold: the rank of its group among the sorted distinct groups.
   *
   * @param input - `{ groups }` (required), optionally `n`
   * @returns an Int32Array of fold ids in [0, number of groups)
   * @throws {@link SplitError} `MISSING_INPUT`, `LENGTH_MISMATCH`, `MISSING_VALUE`,
   *   `TOO_FEW_GROUPS` (fewer than 2 groups)
   * @example
   * ```ts
   * new LeaveOneGroupOut().foldIds({ groups: [3, 1, 3] }); // Int32Array [1, 0, 1]
   * ```
   */
  foldIds(input: SplitInputLike): Int32Array {
    return this.encode(input).codes;
  }

  /**
   * Yields one split per distinct group.
   *
   * @param input - `{ groups }` (required)
   * @returns a generator of `{ train, test }`, indices ascending
   * @throws {@link SplitError} as {@link LeaveOneGroupOut.foldIds}
   */
  split(input: SplitInputLike): Generator<Split, void, undefined> {
    const groups = this.encode(input);
    return splitsFromFoldIds(groups.codes, groups.counts.length);
  }

  /**
   * @param input - `{ groups }` (required)
   * @returns the number of distinct groups
   * @throws {@link SplitError} `MISSING_INPUT` without groups, `MISSING_VALUE`
   */
  getNSplits(input?: SplitInputLike): number {
    return requireGroups(resolveInput(input), 'LeaveOneGroupOut').counts.length;
  }
}
