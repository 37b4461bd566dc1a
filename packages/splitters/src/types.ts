import type { LabelInput } from './input/encode-labels.js';

/**
 * What a splitter splits: a row count and, where the scheme needs them, class
 * labels `y` and group labels `groups` (one per row).
 *
 * @remarks
 * `n` defaults to the length of `y`, else of `groups`. A bare number is read as `{ n }`.
 */
export interface SplitInput {
  /** Number of rows; a non-negative safe integer. */
  readonly n?: number;
  /** Class labels, one per row (stratified splitters). */
  readonly y?: LabelInput;
  /** Group labels, one per row (group splitters). */
  readonly groups?: LabelInput;
}

/** A {@link SplitInput}, or a bare row count. */
export type SplitInputLike = SplitInput | number;

/** One train/test split: row indices, each array ascending. */
export interface Split {
  /** Rows to fit on, ascending. */
  readonly train: Uint32Array;
  /** Rows to evaluate on, ascending. */
  readonly test: Uint32Array;
}

/** The surface every cross-validator shares. */
export interface CrossValidator {
  /** Yields the splits lazily, in scikit-learn's order. */
  split(input: SplitInputLike): Generator<Split, void, undefined>;
  /** Number of splits `split` yields for this input. */
  getNSplits(input?: SplitInputLike): number;
}

/**
 * A cross-validator whose test sets are disjoint and whose train set is the
 * complement of the test set, so one Int32Array describes every split.
 */
export interface FoldIdCrossValidator extends CrossValidator {
  /**
   * Each row's test fold (split `k` tests the rows whose id is `k`; its train
   * set is every other row), `-1` for rows never tested.
   */
  foldIds(input: SplitInputLike): Int32Array;
}
