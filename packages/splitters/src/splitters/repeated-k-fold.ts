import { checkInteger } from '../input/check-options.js';
import { repeatSeed } from '../random/seed.js';
import type { CrossValidator, Split, SplitInputLike } from '../types.js';
import { KFold } from './k-fold.js';
import { type RepeatedKFoldOptions, resolveRepeatedOptions } from './repeated-options.js';

/**
 * KFold repeated `nRepeats` times, shuffled differently each time.
 *
 * @remarks
 * Repeat `r` is `new KFold({ nSplits, shuffle: true, randomState: s_r })`
 * where `s_r` is the `(r + 1)`-th `nextUint32()` of `createRng(randomState)`.
 * Any repeat can be rebuilt alone, so fold ids come per repeat:
 * {@link RepeatedKFold.foldIdsForRepeat} (one repeat) or
 * {@link RepeatedKFold.foldIdsPerRepeat} (all of them). There is no single
 * `foldIds`: test sets of different repeats overlap.
 *
 * @example
 * ```ts
 * import { RepeatedKFold } from '@assay/splitters';
 * const cv = new RepeatedKFold({ nSplits: 5, nRepeats: 3, randomState: 42 });
 * cv.getNSplits(); // 15
 * ```
 * @see sklearn.model_selection.RepeatedKFold
 */
export class RepeatedKFold implements CrossValidator {
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
    const o = resolveRepeatedOptions(options, 'RepeatedKFold');
    this.nSplits = o.nSplits;
    this.nRepeats = o.nRepeats;
    this.randomState = o.seed;
  }

  /**
   * The shuffled KFold of repeat `repeat`.
   *
   * @param repeat - repeat index in [0, nRepeats)
   * @returns that repeat's splitter
   * @throws {@link SplitError} `INVALID_OPTION` for a repeat out of range
   */
  repeat(repeat: number): KFold {
    checkInteger(repeat, 'repeat', 0, this.nRepeats - 1);
    return new KFold({
      nSplits: this.nSplits,
      shuffle: true,
      randomState: repeatSeed(this.randomState, repeat),
    });
  }

  /**
   * Each row's test fold within repeat `repeat`: split `repeat * nSplits + k`
   * of {@link RepeatedKFold.split} tests the rows whose id is `k`.
   *
   * @param input - `{ n }`, `{ y }`, `{ groups }` or a bare row count
   * @param repeat - repeat index in [0, nRepeats)
   * @returns an Int32Array of fold ids in [0, nSplits)
   * @throws {@link SplitError} as KFold.foldIds, and `INVALID_OPTION` for a bad repeat
   * @example
   * ```ts
   * const ids = new RepeatedKFold({ nRepeats: 2 }).foldIdsForRepeat(input, 1);
   * ```
   */
  foldIdsForRepeat(input: SplitInputLike, repeat: number): Int32Array {
    return this.repeat(repeat).foldIds(input);
  }

  /**
   * Fold ids of every repeat, in repeat order.
   *
   * @param input - `{ n }`, `{ y }`, `{ groups }` or a bare row count
   * @returns `nRepeats` Int32Arrays of fold ids in [0, nSplits)
   * @throws {@link SplitError} as KFold.foldIds
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
   * @param input - `{ n }`, `{ y }`, `{ groups }` or a bare row count
   * @returns a generator of `{ train, test }`, indices ascending
   * @throws {@link SplitError} as KFold.foldIds
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
