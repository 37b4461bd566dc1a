import { checkInteger } from '../input/check-options.js';
import { repeatSeed } from '../random/seed.js';
import type { CrossValidator, FoldIdCrossValidator, Split, SplitInputLike } from '../types.js';
import { type RepeatedKFoldOptions, resolveRepeatedOptions } from './repeated-options.js';

/**
 * What {@link RepeatedKFold} and {@link RepeatedStratifiedKFold} share: a shuffled
 * k-fold splitter `S` rebuilt with a different seed for each repeat.
 *
 * @remarks
 * Repeat `r` uses seed `s_r`, the `(r + 1)`-th `nextUint32()` of `createRng(randomState)`,
 * so any repeat can be rebuilt alone. There is no single `foldIds`: test sets of
 * different repeats overlap.
 */
export abstract class RepeatedFoldSplitter<S extends FoldIdCrossValidator>
  implements CrossValidator
{
  /** Folds per repeat. */
  readonly nSplits: number;
  /** Number of repeats. */
  readonly nRepeats: number;
  /** The base seed. */
  readonly randomState: number;

  /**
   * @param options - `nSplits` (default 5), `nRepeats` (default 10), `randomState` (default 0)
   * @param splitter - the class name, for error messages
   * @throws {@link SplitError} `INVALID_OPTION`
   */
  protected constructor(options: RepeatedKFoldOptions, splitter: string) {
    const o = resolveRepeatedOptions(options, splitter);
    this.nSplits = o.nSplits;
    this.nRepeats = o.nRepeats;
    this.randomState = o.seed;
  }

  /** The shuffled splitter of one repeat, given that repeat's seed. */
  protected abstract splitterWithSeed(seed: number): S;

  /**
   * The shuffled splitter of repeat `repeat`.
   *
   * @param repeat - repeat index in [0, nRepeats)
   * @returns that repeat's splitter
   * @throws {@link SplitError} `INVALID_OPTION` for a repeat out of range
   */
  repeat(repeat: number): S {
    checkInteger(repeat, 'repeat', 0, this.nRepeats - 1);
    return this.splitterWithSeed(repeatSeed(this.randomState, repeat));
  }

  /**
   * Each row's test fold within repeat `repeat`: split `repeat * nSplits + k`
   * of `split` tests the rows whose id is `k`.
   *
   * @param input - what the repeated splitter takes (`{ y }` for RepeatedStratifiedKFold)
   * @param repeat - repeat index in [0, nRepeats)
   * @returns an Int32Array of fold ids in [0, nSplits)
   * @throws {@link SplitError} as the repeated splitter's `foldIds`, and `INVALID_OPTION`
   *   for a bad repeat
   * @example
   * ```ts
   * const ids = new RepeatedKFold({ nRepeats: 2 }).foldIdsForRepeat({ n: 10 }, 1);
   * ```
   */
  foldIdsForRepeat(input: SplitInputLike, repeat: number): Int32Array {
    return this.repeat(repeat).foldIds(input);
  }

  /**
   * Fold ids of every repeat, in repeat order.
   *
   * @param input - what the repeated splitter takes (`{ y }` for RepeatedStratifiedKFold)
   * @returns `nRepeats` Int32Arrays of fold ids in [0, nSplits)
   * @throws {@link SplitError} as the repeated splitter's `foldIds`
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
   * @param input - what the repeated splitter takes (`{ y }` for RepeatedStratifiedKFold)
   * @returns a generator of `{ train, test }`, indices ascending
   * @throws {@link SplitError} as the repeated splitter's `foldIds`
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
