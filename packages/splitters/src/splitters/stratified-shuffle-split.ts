import { SplitError } from '../errors.js';
import { requireY, resolveInput } from '../input/resolve-input.js';
import { approximateMode } from '../kernels/approximate-mode.js';
import { splitFromMask } from '../kernels/fold-ids-split.js';
import { shuffleSplitSizes } from '../kernels/shuffle-split-size.js';
import { permutation } from '../random/shuffle.js';
import { seededRng } from '../random/xoshiro128.js';
import type { Split, SplitInputLike } from '../types.js';
import { ShuffleSplitBase } from './shuffle-split-base.js';
import type { ShuffleSplitOptions } from './shuffle-split-options.js';

/**
 * Stratified ShuffleSplit: random splits that keep each class's share.
 *
 * @remarks
 * Ported from scikit-learn 1.2.1 with the seeded generator: per split,
 * `approximateMode` gives each class its train count (proportional, largest
 * remainders first, ties broken at random), then its test count from the
 * rest; each class's rows are permuted and cut. Per-class counts equal
 * scikit-learn's whenever no remainder tie needs breaking.
 *
 * @example
 * ```ts
 * import { StratifiedShuffleSplit } from '@assay/splitters';
 * const y = ['a', 'a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b'];
 * const sss = new StratifiedShuffleSplit({ nSplits: 5, testSize: 0.2, randomState: 1 });
 * for (const { train, test } of sss.split({ y })) {
 *   train.length; // 8
 *   Array.from(test, (i) => y[i]); // ['a', 'b']
 * }
 * ```
 * @see sklearn.model_selection.StratifiedShuffleSplit
 */
export class StratifiedShuffleSplit extends ShuffleSplitBase {
  /**
   * @param options - `nSplits` (default 10), `testSize` (default 0.1), `trainSize`, `randomState` (default 0)
   * @throws {@link SplitError} `INVALID_OPTION`; `INVALID_SIZE` for a `testSize` or `trainSize`
   *   that is not a fraction in (0, 1) or an integer >= 1 whatever `n` is (or two fractions
   *   summing past 1)
   */
  constructor(options: ShuffleSplitOptions = {}) {
    super(options, 'StratifiedShuffleSplit', 10);
  }

  /**
   * Yields `nSplits` stratified random splits; input and sizes are validated first.
   *
   * @param input - `{ y }` (class labels, required), optionally `n`
   * @returns a generator of `{ train, test }`, indices ascending
   * @throws {@link SplitError} `MISSING_INPUT`, `LENGTH_MISMATCH`, `MISSING_VALUE`,
   *   `INVALID_TARGET`, `INVALID_SIZE` (also when a side is smaller than the number
   *   of classes), `EMPTY_SPLIT`, `CLASS_TOO_SMALL` (a class with one member)
   */
  split(input: SplitInputLike): Generator<Split, void, undefined> {
    const resolved = resolveInput(input);
    const y = requireY(resolved, 'StratifiedShuffleSplit', 'sorted');
    const [nTrain, nTest] = shuffleSplitSizes(resolved.n, this.testSize, this.trainSize, 0.1);
    const nClasses = y.counts.length;
    let min = Number.POSITIVE_INFINITY;
    for (const c of y.counts) min = Math.min(min, c);
    if (min < 2) {
      throw new SplitError(
        'CLASS_TOO_SMALL',
        'StratifiedShuffleSplit: the least populated class in y has only 1 member, which is too few; every class needs at least 2 members.',
        'input.y',
      );
    }
    if (nTrain < nClasses) {
      throw new SplitError(
        'INVALID_SIZE',
        `StratifiedShuffleSplit: the train size ${nTrain} must be at least the number of classes ${nClasses}.`,
        'options.trainSize',
      );
    }
    if (nTest < nClasses) {
      throw new SplitError(
        'INVALID_SIZE',
        `StratifiedShuffleSplit: the test size ${nTest} must be at least the number of classes ${nClasses}.`,
        'options.testSize',
      );
    }
    return this.generate(y.codes, y.counts, nTrain, nTest);
  }

  private *generate(
    codes: Int32Array,
    counts: Int32Array,
    nTrain: number,
    nTest: number,
  ): Generator<Split, void, undefined> {
    const nClasses = counts.length;
    // Rows grouped by class, ascending within each class (np.argsort(kind='mergesort')).
    const offsets = new Int32Array(nClasses + 1);
    for (let c = 0; c < nClasses; c++) offsets[c + 1] = offsets[c]! + counts[c]!;
    const byClass = new Uint32Array(codes.length);
    const cursor = offsets.slice(0, nClasses);
    for (let i = 0; i < codes.length; i++) byClass[cursor[codes[i]!]!++] = i;
    const rng = seededRng(this.randomState);
    const remaining = new Int32Array(nClasses);
    for (let s = 0; s < this.nSplits; s++) {
      const trainPerClass = approximateMode(counts, nTrain, rng);
      for (let c = 0; c < nClasses; c++) remaining[c] = counts[c]! - trainPerClass[c]!;
      const testPerClass = approximateMode(remaining, nTest, rng);
      const mask = new Uint8Array(codes.length);
      let trainRows = 0;
      let testRows = 0;
      for (let c = 0; c < nClasses; c++) {
        const start = offsets[c]!;
        const order = permutation(counts[c]!, rng);
        const nTr = trainPerClass[c]!;
        const nTe = testPerClass[c]!;
        trainRows += nTr;
        testRows += nTe;
        for (let p = 0; p < nTr; p++) mask[byClass[start + order[p]!]!] = 2;
        for (let p = nTr; p < nTr + nTe; p++) mask[byClass[start + order[p]!]!] = 1;
      }
      yield splitFromMask(mask, testRows, trainRows);
    }
  }
}
