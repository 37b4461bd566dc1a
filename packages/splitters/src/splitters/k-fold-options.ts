import { SplitError } from '../errors.js';
import { checkBoolean, checkInteger } from '../input/check-options.js';
import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import { resolveRandomState } from '../random/seed.js';

/** Options shared by KFold, StratifiedKFold and StratifiedGroupKFold. */
export interface KFoldOptions {
  /** Number of folds, an integer >= 2; default 5. */
  readonly nSplits?: number;
  /** Shuffle before cutting folds; default false. */
  readonly shuffle?: boolean;
  /**
   * Seed of the shuffle, an integer in [0, 2^32 - 1]; only with `shuffle: true`
   * (as in scikit-learn, setting it without shuffling is an error). Default 0.
   */
  readonly randomState?: number;
}

const K_FOLD_KEYS: OptionKeys<KFoldOptions> = { nSplits: true, shuffle: true, randomState: true };

/** Validated k-fold options. */
export interface ResolvedKFoldOptions {
  readonly nSplits: number;
  readonly shuffle: boolean;
  /** The seed when shuffling, else undefined. */
  readonly seed: number | undefined;
}

/**
 * Validates k-fold options as scikit-learn's `_BaseKFold.__init__`.
 *
 * @param options - the constructor argument
 * @param splitter - class name for messages
 * @returns validated options
 * @throws {@link SplitError} `INVALID_OPTION`
 */
export function resolveKFoldOptions(
  options: KFoldOptions | undefined,
  splitter: string,
): ResolvedKFoldOptions {
  const o = checkOptions(options, splitter, K_FOLD_KEYS);
  const nSplits = checkInteger(o.nSplits ?? 5, 'options.nSplits', 2);
  const shuffle = checkBoolean(o.shuffle ?? false, 'options.shuffle');
  if (!shuffle && o.randomState !== undefined) {
    throw new SplitError(
      'INVALID_OPTION',
      `${splitter}: options.randomState has no effect since options.shuffle is false; leave randomState undefined or set shuffle: true.`,
      'options.randomState',
    );
  }
  return { nSplits, shuffle, seed: shuffle ? resolveRandomState(o.randomState) : undefined };
}

/**
 * Rejects more folds than rows, as `_BaseKFold.split`; with fewer than 2 rows the
 * message says the splitter needs at least 2 rows (no `nSplits` would do).
 *
 * @param nSplits - number of folds
 * @param n - number of rows
 * @param splitter - class name for messages
 * @throws {@link SplitError} `TOO_FEW_SAMPLES`
 */
export function checkSplitsFitRows(nSplits: number, n: number, splitter: string): void {
  if (nSplits > n) {
    // every nSplits is >= 2, so with fewer than 2 rows there is no range to offer
    const advice =
      n >= 2 ? `use nSplits in [2, ${n}] or more rows` : `${splitter} needs at least 2 rows`;
    throw new SplitError(
      'TOO_FEW_SAMPLES',
      `Cannot have nSplits=${nSplits} greater than the number of samples n=${n}; ${advice}.`,
      'options.nSplits',
    );
  }
}
