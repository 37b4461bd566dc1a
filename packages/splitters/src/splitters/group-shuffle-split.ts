import { requireGroups, resolveInput } from '../input/resolve-input.js';
import { splitFromMask } from '../kernels/fold-ids-split.js';
import { shuffleSplitSizes } from '../kernels/shuffle-split-size.js';
import { seededRng } from '../random/xoshiro128.js';
import type { Split, SplitInputLike } from '../types.js';
import { shuffleSplitMask } from './shuffle-split.js';
import { ShuffleSplitBase } from './shuffle-split-base.js';
import type { ShuffleSplitOptions } from './shuffle-split-options.js';

/**
 * ShuffleSplit over groups: sizes count groups, not rows, and every group's
 * rows fall on one side.
 *
 * @remarks
 * As scikit-learn: the distinct groups (sorted) are split as ShuffleSplit
 * splits items (`ceil(testSize * nGroups)` test groups), then mapped back to
 * rows. Default `nSplits` 5 and `testSize` 0.2.
 *
 * @example
 * ```ts
 * import { GroupShuffleSplit } from '@assay/splitters';
 * const gss = new GroupShuffleSplit({ nSplits: 2, testSize: 0.5, randomState: 3 });
 * const groups = ['a', 'a', 'b', 'c', 'c', 'd'];
 * [...gss.split({ groups })].map((s) => s.test); // [[0, 1, 3, 4], [3, 4, 5]]
 * ```
 * @see sklearn.model_selection.GroupShuffleSplit
 */
export class GroupShuffleSplit extends ShuffleSplitBase {
  /**
   * @param options - `nSplits` (default 5), `testSize` (default 0.2), `trainSize`, `randomState` (default 0)
   * @throws {@link SplitError} `INVALID_OPTION`; `INVALID_SIZE` for a `testSize` or `trainSize`
   *   that is not a fraction in (0, 1) or an integer >= 1 whatever `n` is (or two fractions
   *   summing past 1)
   */
  constructor(options: ShuffleSplitOptions = {}) {
    super(options, 'GroupShuffleSplit', 5);
  }

  /**
   * Yields `nSplits` random group splits; input and sizes are validated before the first split.
   *
   * @param input - `{ groups }` (required), optionally `n`
   * @returns a generator of `{ train, test }`, indices ascending
   * @throws {@link SplitError} `MISSING_INPUT`, `LENGTH_MISMATCH`, `MISSING_VALUE`,
   *   `INVALID_SIZE`, `EMPTY_SPLIT`
   */
  split(input: SplitInputLike): Generator<Split, void, undefined> {
    const groups = requireGroups(resolveInput(input), 'GroupShuffleSplit');
    const nGroups = groups.counts.length;
    const [nTrain, nTest] = shuffleSplitSizes(nGroups, this.testSize, this.trainSize, 0.2);
    return this.generate(groups.codes, groups.counts, nTrain, nTest);
  }

  private *generate(
    codes: Int32Array,
    counts: Int32Array,
    nTrain: number,
    nTest: number,
  ): Generator<Split, void, undefined> {
    const rng = seededRng(this.randomState);
    for (let s = 0; s < this.nSplits; s++) {
      const groupMask = shuffleSplitMask(counts.length, nTrain, nTest, rng);
      const mask = new Uint8Array(codes.length);
      let testRows = 0;
      let trainRows = 0;
      for (let g = 0; g < counts.length; g++) {
        if (groupMask[g] === 1) testRows += counts[g]!;
        else if (groupMask[g] === 2) trainRows += counts[g]!;
      }
      for (let i = 0; i < codes.length; i++) mask[i] = groupMask[codes[i]!]!;
      yield splitFromMask(mask, testRows, trainRows);
    }
  }
}
