import type { CrossValidator, Split, SplitInputLike } from '../types.js';
import { resolveShuffleSplitOptions, type ShuffleSplitOptions } from './shuffle-split-options.js';

/**
 * What {@link GroupShuffleSplit} and {@link StratifiedShuffleSplit} share: the validated
 * shuffle-split options and `getNSplits`; subclasses draw the splits.
 */
export abstract class ShuffleSplitBase implements CrossValidator {
  /** Number of splits. */
  readonly nSplits: number;
  /** Test size as given (fraction or count; GroupShuffleSplit counts groups), if any. */
  readonly testSize: number | undefined;
  /** Train size as given (fraction or count; GroupShuffleSplit counts groups), if any. */
  readonly trainSize: number | undefined;
  /** The seed. */
  readonly randomState: number;

  /**
   * @param options - `nSplits`, `testSize`, `trainSize`, `randomState` (default 0)
   * @param splitter - the class name, for error messages
   * @param defaultSplits - scikit-learn's default `n_splits` for this splitter
   * @throws {@link SplitError} `INVALID_OPTION`; `INVALID_SIZE` for a `testSize` or `trainSize`
   *   that is not a fraction in (0, 1) or an integer >= 1 whatever `n` is (or two fractions
   *   summing past 1)
   */
  protected constructor(options: ShuffleSplitOptions, splitter: string, defaultSplits: number) {
    const o = resolveShuffleSplitOptions(options, splitter, defaultSplits);
    this.nSplits = o.nSplits;
    this.testSize = o.testSize;
    this.trainSize = o.trainSize;
    this.randomState = o.seed;
  }

  /** Validates `input` and the sizes, then yields `nSplits` random splits. */
  abstract split(input: SplitInputLike): Generator<Split, void, undefined>;

  /**
   * @param _input - ignored
   * @returns `nSplits`
   */
  getNSplits(_input?: SplitInputLike): number {
    return this.nSplits;
  }
}
