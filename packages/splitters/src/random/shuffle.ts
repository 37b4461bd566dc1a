import { checkInteger } from '../input/check-options.js';
import {
  type Rng,
  type ShuffleableTypedArray,
  shuffleRangeFast,
  Xoshiro128StarStar,
} from './xoshiro128.js';

/** A writable array-like that can be shuffled in place: a plain array or any typed array. */
export interface ShuffleTarget {
  readonly length: number;
  [index: number]: unknown;
}

/**
 * Shuffles an array in place (Fisher–Yates, Durstenfeld's backward form).
 *
 * @remarks
 * For `i` from `length - 1` down to 1: `j = rng.nextInt(i + 1)`, swap `i` and `j`.
 * Uses exactly `length - 1` calls of `nextInt`, so the stream position after a
 * shuffle depends only on the length.
 *
 * @param array - a plain or typed array, shuffled in place
 * @param rng - the generator, e.g. from {@link createRng}
 * @returns the same array
 * @example
 * ```ts
 * import { createRng, shuffleInPlace } from '@assay/splitters';
 * shuffleInPlace([1, 2, 3, 4], createRng(0)); // [3, 4, 1, 2]
 * ```
 * @see numpy.random.RandomState.shuffle
 */
export function shuffleInPlace<A extends ShuffleTarget>(array: A, rng: Rng): A {
  if (rng instanceof Xoshiro128StarStar && isFastTypedArray(array)) {
    shuffleRangeFast(rng, array, 0, array.length);
    return array;
  }
  for (let i = array.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const tmp = array[i];
    array[i] = array[j];
    array[j] = tmp;
  }
  return array;
}

/**
 * A random permutation of `0 .. n-1`: `shuffleInPlace` of the identity.
 *
 * @param n - the length, an integer in [0, 2^32 - 1]
 * @param rng - the generator, e.g. from {@link createRng}
 * @returns a fresh Uint32Array holding each of `0 .. n-1` once
 * @throws {@link SplitError} `INVALID_OPTION` (path `n`) unless `n` is an integer in
 *   [0, 2^32 - 1]
 * @example
 * ```ts
 * import { createRng, permutation } from '@assay/splitters';
 * permutation(5, createRng(7)); // Uint32Array [3, 1, 2, 4, 0]
 * try { permutation(2.5, createRng(7)); } catch (error) {
 *   error.message; // 'n must be an integer in [0, 4294967295], got 2.5.'
 * }
 * ```
 * @see numpy.random.RandomState.permutation
 */
export function permutation(n: number, rng: Rng): Uint32Array {
  // `new Uint32Array(2.5)` truncates to 2 and a negative n is a bare RangeError; the entries
  // are 32-bit, so the largest n whose indices all fit is 2^32 - 1
  checkInteger(n, 'n', 0, 0xffffffff);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return shuffleInPlace(out, rng);
}

/**
 * `shuffleInPlace(array.subarray(start, end), rng)` without the view: the
 * same draws, the same result, in a loop V8 specialises for Int32Array.
 *
 * @param array - the array holding the range
 * @param start - first index of the range
 * @param end - one past the last index
 * @param rng - the generator
 */
export function shuffleRange(
  array: ShuffleableTypedArray,
  start: number,
  end: number,
  rng: Rng,
): void {
  if (rng instanceof Xoshiro128StarStar) {
    shuffleRangeFast(rng, array, start, end);
    return;
  }
  for (let i = end - start - 1; i > 0; i--) {
    const j = start + rng.nextInt(i + 1);
    const k = start + i;
    const tmp = array[k]!;
    array[k] = array[j]!;
    array[j] = tmp;
  }
}

function isFastTypedArray(array: unknown): array is ShuffleableTypedArray {
  return array instanceof Uint32Array || array instanceof Int32Array || array instanceof Uint8Array;
}
