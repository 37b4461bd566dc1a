import { checkInteger } from '../input/check-options.js';
import { repeatSeed } from '../random/seed.js';
import type { CrossValidator, Split, SplitInputLike } from '../types.js';
import { type RepeatedKFoldOptions, resolveRepeatedOptions } from './repeated-options.js';
import { StratifiedKFold } from './stratified-k-fold.js';

/**
 * StratifiedKFold repeated `nRepeats` times, shuffled differently each time.
 *
 * @remarks
 * Repeat `r` is `new StratifiedKFold({ nSplits, shuffle: true, randomState: s_r })`
 * where `s_r` is the `(r + 1)`-th `nextUint32()` of `createRng(randomState)`.
 * Any repeat can be rebuilt alone, so fold ids come per repeat:
 * {@link RepeatedStratifiedKFold.foldIdsForRepeat} (one repeat) or
 * {@link RepeatedStratifiedKFold.foldIdsPerRepeat} (all of them). There is no single
 * `foldIds`: test sets of different repeats overlap.
 *
 * @example
 * ```ts
 * import { RepeatedStratifiedKFold } from '@assay/splitters';
 * const cv = new RepeatedStratifiedKFold({ nSplits: 5, nRepeats: 3, randomState: 42 });
 * cv.getNSplits(); // 15
 * ```
 * @see sklearn.model_selection.RepeatedStratifiedKFold
 */
export class RepeatedStratifiedKFold implements CrossValidator {
  /** Folds per repeat. */
  readonly nSplits: number;
  /** Number of repeats. */
  readonly nRepeats: number;
  /** The base seed. */
  readonly randomState: number;

  /**
   * @param options - `nSplits` (default 5), `nRepeats` (default 10), `randomState` (default 0)
   * @throws {@link SplitError} `INVALID_OPTION`
   */
  constructor(options: RepeatedKFoldOptions = {}) {
    const o = resolveRepeatedOptions(options, 'RepeatedStratifiedKFold');
    this.nSplits = o.nSplits;
    this.nRepeats = o.nRepeats;
    this.randomState = o.seed;
  }

  /**
   * The shuffled StratifiedKFold of repeat `repeat`.
   *
   * @param repeat - repeat index in [0, nRepeats)
   * @returns that repeat's splitter
   * @throws {@link SplitError} `INVALID_OPTION` for a repeat out of range
   */
  repeat(repeat: number): StratifiedKFold {
    checkInteger(repeat, 'repeat', 0, this.nRepeats - 1);
    return new StratifiedKFold({
      nSplits: this.nSplits,
      shuffle: true,
      randomState: repeatSeed(this.randomState, repeat),
    });
  }

  /**
   * Each row's test fold within repeat `repeat`: split `repeat * nSplits + k`
   * of {@link RepeatedStratifiedKFold.split} tests the rows whose id is `k`.
   *
   * @param input - `{ y }` (class labels, required)
   * @param repeat - repeat index in [0, nRepeats)
   * @returns an Int32Array of fold ids in [0, nSplits)
   * @throws {@link SplitError} as StratifiedKFold.foldIds, and `INVALID_OPTION` for a bad repeat
   * @example
   * ```ts
   * const ids = new RepeatedStratifiedKFold({ nRepeats: 2 }).foldIdsForRepeat(input, 1);
   * ```
   */
  foldIdsForRepeat(input: SplitInputLike, repeat: number): Int32Array {
    return this.repeat(repeat).foldIds(input);
  }

  /**
   * Fold ids of every repeat, in repeat order.
   *
   * @param input - `{ y }` (class labels, required)
   * @returns `nRepeats` Int32Arrays of fold ids in [0, nSplits)
   * @throws {@link SplitError} as StratifiedKFold.foldIds
   */
  foldIdsPerRepeat(input: SplitInputLike): Int32Array[] {
    const out: Int32Array[] = [];
    for (let r = 0; r < this.nRepeats; r++) out.push(this.foldIdsForRepeat(input, r));
    return out;
  }

  /**
   * Yields `nSplits * nRepeats` splits, repeat by repeat. The first
   * repeat's input is validated before the first split.
   *
   * @param input - `{ y }` (class labels, required)
   * @returns a generator of `{ train, test }`, indices ascending
   * @throws {@link SplitError} as StratifiedKFold.foldIds
   */
  split(input: SplitInputLike): Generator<Split, void, undefined> {
    const first = this.repeat(0).split(input);
    return this.splitRepeats(input, first);
  }

  private *splitRepeats(
    input: SplitInputLike,
    first: Generator<Split, void, undefined>,
  ): Generator<Split, void, undefined> {
    yield* first;
    for (let r = 1; r < this.nRepeats; r++) yield* this.repeat(r).split(input);
  }

  /**
   * @param _input - ignored
   * @returns `nSplits * nRepeats`
   */
  getNSplits(_input?: SplitInputLike): number {
    return this.nSplits * this.nRepeats;
  }
}
