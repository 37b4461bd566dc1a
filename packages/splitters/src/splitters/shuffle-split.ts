import { resolveInput } from '../input/resolve-input.js';
import { splitFromMask } from '../kernels/fold-ids-split.js';
import { shuffleSplitSizes } from '../kernels/shuffle-split-size.js';
import { permutation } from '../random/shuffle.js';
import { type Rng, seededRng } from '../random/xoshiro128.js';
import type { CrossValidator, Split, SplitInputLike } from '../types.js';
import { resolveShuffleSplitOptions, type ShuffleSplitOptions } from './shuffle-split-options.js';

/**
 * Draws one random train/test split of `n` items: the first `nTest` entries
 * of `permutation(n, rng)` are the test set, the next `nTrain` the train set.
 *
 * @param n - number of items
 * @param nTrain - train size
 * @param nTest - test size
 * @param rng - the generator
 * @returns a byte mask: 1 = test, 2 = train, 0 = unused
 */
export function shuffleSplitMask(n: number, nTrain: number, nTest: number, rng: Rng): Uint8Array {
  const order = permutation(n, rng);
  const mask = new Uint8Array(n);
  for (let p = 0; p < nTest; p++) mask[order[p]!] = 1;
  for (let p = nTest; p < nTest + nTrain; p++) mask[order[p]!] = 2;
  return mask;
}

/**
 * Random permutation cross-validation: `nSplits` independent shuffled splits.
 *
 * @remarks
 * Sizes are scikit-learn's exactly (`ceil(testSize * n)` test rows,
 * `floor(trainSize * n)` train rows); rows are drawn with the seeded
 * generator, one `permutation(n)` per split from a single stream seeded by
 * `randomState`. Indices are returned ascending (scikit-learn returns them in
 * permutation order). Test sets of different splits may overlap, so there is
 * no `foldIds`.
 *
 * @example
 * ```ts
 * import { ShuffleSplit } from '@assay/splitters';
 * const ss = new ShuffleSplit({ nSplits: 3, testSize: 0.25, randomState: 0 });
 * for (const { train, test } of ss.split({ n: 8 })) {
 *   [train.length, test.length]; // [6, 2]
 * }
 * ```
 * @see sklearn.model_selection.ShuffleSplit
 */
export class ShuffleSplit implements CrossValidator {
  /** Number of splits. */
  readonly nSplits: number;
  /** Test size as given (fraction or count), if any. */
  readonly testSize: number | undefined;
  /** Train size as given (fraction or count), if any. */
  readonly trainSize: number | undefined;
  /** The seed. */
  readonly randomState: number;

  /**
   * @param options - `nSplits` (default 10), `testSize` (default 0.1), `trainSize`, `randomState` (default 0)
   * @throws {@link SplitError} `INVALID_OPTION`; `INVALID_SIZE` for a `testSize` or `trainSize`
   *   that is not a fraction in (0, 1) or an integer >= 1 whatever `n` is (or two fractions
   *   summing past 1)
   */
  constructor(options: ShuffleSplitOptions = {}) {
    const o = resolveShuffleSplitOptions(options, 'ShuffleSplit', 10);
    this.nSplits = o.nSplits;
    this.testSize = o.testSize;
    this.trainSize = o.trainSize;
    this.randomState = o.seed;
  }

  /**
   * Yields `nSplits` random splits; sizes are validated before the first split.
   *
   * @param input - `{ n }`, `{ y }`, `{ groups }` or a bare row count
   * @returns a generator of `{ train, test }`, indices ascending
   * @throws {@link SplitError} `INVALID_N`, `LENGTH_MISMATCH`, `INVALID_SIZE`, `EMPTY_SPLIT`
   */
  split(input: SplitInputLike): Generator<Split, void, undefined> {
    const { n } = resolveInput(input);
    const [nTrain, nTest] = shuffleSplitSizes(n, this.testSize, this.trainSize, 0.1);
    return this.generate(n, nTrain, nTest);
  }

  private *generate(n: number, nTrain: number, nTest: number): Generator<Split, void, undefined> {
    const rng = seededRng(this.randomState);
    for (let s = 0; s < this.nSplits; s++) {
      yield splitFromMask(shuffleSplitMask(n, nTrain, nTest, rng), nTest, nTrain);
    }
  }

  /**
   * @param _input - ignored
   * @returns `nSplits`
   */
  getNSplits(_input?: SplitInputLike): number {
    return this.nSplits;
  }
}
