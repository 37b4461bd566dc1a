import { SplitError } from '../errors.js';
import { checkBoolean } from '../input/check-options.js';
import { columnLength } from '../input/column-length.js';
import type { LabelInput } from '../input/encode-labels.js';
import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import { resolveInput } from '../input/resolve-input.js';
import { shuffleSplitSizes } from '../kernels/shuffle-split-size.js';
import { resolveRandomState } from '../random/seed.js';
import { ShuffleSplit } from '../splitters/shuffle-split.js';
import type { ShuffleSplitOptions } from '../splitters/shuffle-split-options.js';
import { StratifiedShuffleSplit } from '../splitters/stratified-shuffle-split.js';
import type { Split, SplitInputLike } from '../types.js';

/** Options of {@link trainTestSplit}. */
export interface TrainTestSplitOptions {
  /** Fraction in (0, 1) (rounded up) or row count; default 0.25 when `trainSize` is undefined too. */
  readonly testSize?: number;
  /** Fraction in (0, 1) (rounded down) or row count; default the complement of the test size. */
  readonly trainSize?: number;
  /** Shuffle before splitting; default true. Without it, train is the first rows, test the next. */
  readonly shuffle?: boolean;
  /** Seed, an integer in [0, 2^32 - 1]; default 0. */
  readonly randomState?: number;
  /** Class labels to stratify on (one per row); needs `shuffle: true`. */
  readonly stratify?: LabelInput;
}

const TRAIN_TEST_SPLIT_KEYS: OptionKeys<TrainTestSplitOptions> = {
  testSize: true,
  trainSize: true,
  shuffle: true,
  randomState: true,
  stratify: true,
};

function range(start: number, stop: number): Uint32Array {
  const out = new Uint32Array(stop - start);
  for (let i = 0; i < out.length; i++) out[i] = start + i;
  return out;
}

/**
 * Splits rows into one train and one test set.
 *
 * @remarks
 * Sizes exactly as scikit-learn's `train_test_split` (`ceil(testSize * n)`
 * test rows, `floor(trainSize * n)` train rows). Without shuffle the result is
 * scikit-learn's: train = `0 .. nTrain-1`, test = `nTrain .. nTrain+nTest-1`.
 * With shuffle it is the first split of {@link ShuffleSplit} (or
 * {@link StratifiedShuffleSplit} with `stratify`) given the computed counts.
 *
 * @param input - a row count or `{ n?, y?, groups? }` (only the row count is used)
 * @param options - sizes, `shuffle`, `randomState`, `stratify`
 * @returns `{ train, test }`, indices ascending
 * @throws {@link SplitError} `INVALID_N`, `INVALID_SIZE`, `EMPTY_SPLIT`, `INVALID_OPTION`
 *   (stratify without shuffle), `LENGTH_MISMATCH` (stratify of the wrong length),
 *   and the StratifiedShuffleSplit errors
 * @example
 * ```ts
 * import { trainTestSplit } from '@assay/splitters';
 * const { train, test } = trainTestSplit(100, { testSize: 0.2, randomState: 7 });
 * train.length; // 80
 * trainTestSplit(10, { shuffle: false, testSize: 3 }).test; // [7, 8, 9]
 * ```
 * @see sklearn.model_selection.train_test_split
 */
export function trainTestSplit(input: SplitInputLike, options: TrainTestSplitOptions = {}): Split {
  const o = checkOptions(options, 'trainTestSplit', TRAIN_TEST_SPLIT_KEYS);
  const { n } = resolveInput(input);
  const shuffle = checkBoolean(o.shuffle ?? true, 'options.shuffle');
  const randomState = resolveRandomState(o.randomState);
  const [nTrain, nTest] = shuffleSplitSizes(n, o.testSize, o.trainSize, 0.25);
  if (!shuffle) {
    if (o.stratify !== undefined) {
      throw new SplitError(
        'INVALID_OPTION',
        'trainTestSplit: a stratified split needs shuffle: true; drop options.stratify or set shuffle to true.',
        'options.stratify',
      );
    }
    return { train: range(0, nTrain), test: range(nTrain, nTrain + nTest) };
  }
  const sizes = { nSplits: 1, testSize: nTest, trainSize: nTrain, randomState };
  if (o.stratify === undefined) return new ShuffleSplit(sizes).split({ n }).next().value as Split;
  return stratifiedSplit(sizes, n, o.stratify);
}

/**
 * The first StratifiedShuffleSplit split on `stratify`, with errors about its labels
 * naming `options.stratify` (the splitter sees them as `input.y`, which the caller never gave).
 *
 * @param sizes - the StratifiedShuffleSplit options
 * @param n - number of rows
 * @param stratify - the class labels
 * @returns the split
 * @throws {@link SplitError} `LENGTH_MISMATCH`, `MIXED_LABEL_TYPES` and the
 *   StratifiedShuffleSplit errors, with path `options.stratify`
 */
function stratifiedSplit(sizes: ShuffleSplitOptions, n: number, stratify: LabelInput): Split {
  const length = columnLength(stratify, 'options.stratify');
  if (length !== n) {
    throw new SplitError(
      'LENGTH_MISMATCH',
      `options.stratify has ${length} labels but the input has ${n} rows; trainTestSplit needs one class label per row to stratify on.`,
      'options.stratify',
    );
  }
  try {
    return new StratifiedShuffleSplit(sizes).split({ n, y: stratify }).next().value as Split;
  } catch (error) {
    if (!(error instanceof SplitError) || error.path !== 'input.y') throw error;
    throw new SplitError(
      error.code,
      error.message.replaceAll('input.y', 'options.stratify'),
      'options.stratify',
    );
  }
}
