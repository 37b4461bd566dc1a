import { checkInteger } from '../input/check-options.js';
import { seededRng } from './xoshiro128.js';

/**
 * The seed used when a shuffling splitter, `trainTestSplit` or `bootstrapSample`
 * gets no `randomState` (scikit-learn would use numpy's global generator; we
 * prefer runs that repeat).
 */
export const DEFAULT_RANDOM_STATE = 0;

/**
 * Validates a `randomState` option and applies the documented default.
 *
 * @param value - the option as given
 * @param argument - its name for error messages
 * @returns an integer seed in [0, 2^32 - 1]
 * @throws {@link SplitError} `INVALID_OPTION` when not such an integer
 */
export function resolveRandomState(value: unknown, argument = 'options.randomState'): number {
  if (value === undefined) return DEFAULT_RANDOM_STATE;
  return checkInteger(value, argument, 0, 0xffffffff);
}

/**
 * The seed of repeat `repeat` of a Repeated* splitter: the `(repeat + 1)`-th
 * `nextUint32()` of `createRng(seed)`. Any repeat is reachable directly, so a
 * worker can rebuild repeat 7 without rebuilding repeats 0..6.
 *
 * @param seed - the splitter's `randomState`
 * @param repeat - the repeat index, from 0
 * @returns the seed of that repeat's shuffled splitter
 * @example
 * ```ts
 * import { KFold, repeatSeed } from '@assay/splitters';
 * repeatSeed(5, 2); // 2543422522
 * // the folds of repeat 2 of new RepeatedKFold({ randomState: 5 }):
 * new KFold({ shuffle: true, randomState: repeatSeed(5, 2) }).foldIds(100);
 * ```
 * @see sklearn.model_selection.RepeatedKFold
 */
export function repeatSeed(seed: number, repeat: number): number {
  const rng = seededRng(seed);
  let out = 0;
  for (let r = 0; r <= repeat; r++) out = rng.nextUint32();
  return out;
}
