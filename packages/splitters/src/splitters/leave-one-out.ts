import { SplitError } from '../errors.js';
import { checkNoOptions } from '../input/option-keys.js';
import { resolveInput } from '../input/resolve-input.js';
import { splitsFromFoldIds } from '../kernels/fold-ids-split.js';
import type { FoldIdCrossValidator, Split, SplitInputLike } from '../types.js';

function checkRows(n: number): void {
  if (n <= 1) {
    throw new SplitError(
      'TOO_FEW_SAMPLES',
      `LeaveOneOut needs at least 2 samples, got n=${n}.`,
      'input.n',
    );
  }
}

/**
 * Leave-one-out: each row is the test set once (`n` splits).
 *
 * @remarks
 * Same as scikit-learn. Row `i`'s fold id is `i`. Each split allocates an
 * `n - 1` train array, so iterating all splits is O(n²).
 *
 * @example
 * ```ts
 * import { LeaveOneOut } from '@assay/splitters';
 * [...new LeaveOneOut().split(3)].map((s) => s.test); // [[0], [1], [2]]
 * ```
 * @see sklearn.model_selection.LeaveOneOut
 */
export class LeaveOneOut implements FoldIdCrossValidator {
  /**
   * @param options - none: LeaveOneOut takes no options (an object with any key is refused)
   * @throws {@link SplitError} `INVALID_OPTION` for any option key or a non-object argument
   */
  constructor(options?: Record<string, never>) {
    checkNoOptions(options, 'LeaveOneOut');
  }

  /**
   * Each row's test fold: row `i` is tested in split `i`.
   *
   * @param input - `{ n }`, `{ y }`, `{ groups }` or a bare row count
   * @returns `Int32Array [0, 1, ..., n-1]`
   * @throws {@link SplitError} `INVALID_N`, `LENGTH_MISMATCH`, `TOO_FEW_SAMPLES` (n < 2)
   * @example
   * ```ts
   * new LeaveOneOut().foldIds(3); // Int32Array [0, 1, 2]
   * ```
   */
  foldIds(input: SplitInputLike): Int32Array {
    const { n } = resolveInput(input);
    checkRows(n);
    const ids = new Int32Array(n);
    for (let i = 0; i < n; i++) ids[i] = i;
    return ids;
  }

  /**
   * Yields the `n` splits.
   *
   * @param input - `{ n }`, `{ y }`, `{ groups }` or a bare row count
   * @returns a generator of `{ train, test }`, indices ascending
   * @throws {@link SplitError} as {@link LeaveOneOut.foldIds}
   */
  split(input: SplitInputLike): Generator<Split, void, undefined> {
    const ids = this.foldIds(input);
    return splitsFromFoldIds(ids, ids.length);
  }

  /**
   * @param input - the rows (required)
   * @returns `n`
   * @throws {@link SplitError} `MISSING_INPUT` without input, `INVALID_N`
   */
  getNSplits(input?: SplitInputLike): number {
    if (input === undefined) {
      throw new SplitError(
        'MISSING_INPUT',
        'LeaveOneOut.getNSplits needs the input: the number of splits is n.',
        'input',
      );
    }
    return resolveInput(input).n;
  }
}
