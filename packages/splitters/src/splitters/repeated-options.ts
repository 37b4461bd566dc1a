import { checkInteger } from '../input/check-options.js';
import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import { resolveRandomState } from '../random/seed.js';

/** Options of {@link RepeatedKFold} and {@link RepeatedStratifiedKFold}. */
export interface RepeatedKFoldOptions {
  /** Folds per repeat, an integer >= 2; default 5. */
  readonly nSplits?: number;
  /** Number of repeats, an integer >= 1; default 10. */
  readonly nRepeats?: number;
  /** Seed, an integer in [0, 2^32 - 1]; default 0. */
  readonly randomState?: number;
}

const REPEATED_KEYS: OptionKeys<RepeatedKFoldOptions> = {
  nSplits: true,
  nRepeats: true,
  randomState: true,
};

/** Validated repeated-k-fold options. */
export interface ResolvedRepeatedOptions {
  readonly nSplits: number;
  readonly nRepeats: number;
  readonly seed: number;
}

/**
 * Validates repeated-k-fold options.
 *
 * @param options - the constructor argument
 * @param splitter - class name for messages
 * @returns validated options
 * @throws {@link SplitError} `INVALID_OPTION`
 */
export function resolveRepeatedOptions(
  options: RepeatedKFoldOptions | undefined,
  splitter: string,
): ResolvedRepeatedOptions {
  const o = checkOptions(options, splitter, REPEATED_KEYS);
  return {
    nSplits: checkInteger(o.nSplits ?? 5, 'options.nSplits', 2),
    nRepeats: checkInteger(o.nRepeats ?? 10, 'options.nRepeats', 1),
    seed: resolveRandomState(o.randomState),
  };
}
