import { checkInteger } from '../input/check-options.js';
import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import { checkSizeOptions } from '../kernels/shuffle-split-size.js';
import { resolveRandomState } from '../random/seed.js';

/** Options of ShuffleSplit, StratifiedShuffleSplit and GroupShuffleSplit. */
export interface ShuffleSplitOptions {
  /** Number of re-shuffled splits, an integer >= 1; default 10 (GroupShuffleSplit: 5). */
  readonly nSplits?: number;
  /**
   * Test size: a fraction in (0, 1) (rounded up: `ceil(testSize * n)`) or a
   * row count (an integer >= 1). Default: the complement of `trainSize`, or
   * 0.1 (GroupShuffleSplit: 0.2) when both are undefined.
   */
  readonly testSize?: number;
  /**
   * Train size: a fraction in (0, 1) (rounded down: `floor(trainSize * n)`) or
   * a row count. Default: the complement of the test size.
   */
  readonly trainSize?: number;
  /** Seed, an integer in [0, 2^32 - 1]; default 0. */
  readonly randomState?: number;
}

const SHUFFLE_SPLIT_KEYS: OptionKeys<ShuffleSplitOptions> = {
  nSplits: true,
  testSize: true,
  trainSize: true,
  randomState: true,
};

/** Validated shuffle-split options. */
export interface ResolvedShuffleSplitOptions {
  readonly nSplits: number;
  readonly testSize: number | undefined;
  readonly trainSize: number | undefined;
  readonly seed: number;
}

/**
 * Validates shuffle-split options: each size on its own (a fraction in (0, 1) or an integer
 * >= 1, two fractions summing to at most 1) here; the checks that need `n` (a count below
 * `n`, sides that do not round to empty) at split time.
 *
 * @param options - the constructor argument
 * @param splitter - class name for messages
 * @param defaultSplits - scikit-learn's default `n_splits`
 * @returns validated options
 * @throws {@link SplitError} `INVALID_OPTION` (keys, `nSplits`, `randomState`), `INVALID_SIZE`
 *   (`testSize`, `trainSize`)
 */
export function resolveShuffleSplitOptions(
  options: ShuffleSplitOptions | undefined,
  splitter: string,
  defaultSplits: number,
): ResolvedShuffleSplitOptions {
  const o = checkOptions(options, splitter, SHUFFLE_SPLIT_KEYS);
  const nSplits = checkInteger(o.nSplits ?? defaultSplits, 'options.nSplits', 1);
  checkSizeOptions(o.testSize, o.trainSize);
  return {
    nSplits,
    testSize: o.testSize,
    trainSize: o.trainSize,
    seed: resolveRandomState(o.randomState),
  };
}
