import { type Rng, type ShuffleableTypedArray, Xoshiro128StarStar } from './xoshiro128.js';

/** The longest range {@link shuffleShortRange} takes: every bound fits in 16 bits. */
export const SHORT_RANGE_LIMIT = 65536;

/**
 * Fisher–Yates over `array[start .. end)` for ranges of at most 2^16 elements,
 * drawing 16 bits per swap: each 32-bit output of the generator serves two
 * swaps (low half first, then high half), so short shuffles cost half the
 * draws of {@link shuffleInPlace}.
 *
 * @remarks
 * Swap `i = len-1 .. 1` picks `j` uniformly in `[0, i]` by Lemire's
 * multiply-and-reject method on 16 bits: `m = r × (i+1)`, accept when
 * `m mod 2^16 >= (2^16 - (i+1)) mod (i+1)`, then `j = floor(m / 2^16)`:
 * exactly uniform, so every permutation is equally likely. A rejected half is
 * consumed like an accepted one. The halves are not carried from one call to
 * the next. The order of draws differs from {@link shuffleInPlace}, so the
 * result does too.
 *
 * @param array - the array holding the range
 * @param start - first index of the range
 * @param end - one past the last index (`end - start <= 65536`)
 * @param rng - the generator, e.g. from {@link createRng}
 * @returns nothing; `array` is shuffled in place
 * @throws RangeError when the range is longer than 65536 elements
 * @example
 * ```ts
 * import { createRng, shuffleShortRange } from '@assay/splitters';
 * const labels = Uint8Array.of(0, 0, 1, 1, 2, 2);
 * shuffleShortRange(labels, 0, labels.length, createRng(7));
 * labels; // Uint8Array [1, 1, 2, 0, 0, 2]
 * ```
 * @see numpy.random.RandomState.shuffle
 */
export function shuffleShortRange(
  array: ShuffleableTypedArray,
  start: number,
  end: number,
  rng: Rng,
): void {
  if (end - start > SHORT_RANGE_LIMIT) {
    throw new RangeError(
      `shuffleShortRange takes at most ${SHORT_RANGE_LIMIT} elements, got ${end - start}; use shuffleInPlace for longer ranges.`,
    );
  }
  if (rng instanceof Xoshiro128StarStar) {
    shuffleShortFast(rng, array, start, end);
    return;
  }
  let spare = -1;
  for (let i = end - start - 1; i > 0; i--) {
    const bound = i + 1;
    for (;;) {
      let half: number;
      if (spare >= 0) {
        half = spare;
        spare = -1;
      } else {
        const x = rng.nextUint32();
        half = x & 0xffff;
        spare = x >>> 16;
      }
      const m = half * bound;
      const low = m & 0xffff;
      if (low >= bound || low >= (65536 - bound) % bound) {
        swap(array, start + i, start + (m >>> 16));
        break;
      }
    }
  }
}

function swap(array: ShuffleableTypedArray, a: number, b: number): void {
  const tmp = array[a]!;
  array[a] = array[b]!;
  array[b] = tmp;
}

/** The same draws as the generic loop, with the generator state in locals. */
function shuffleShortFast(
  rng: Xoshiro128StarStar,
  array: ShuffleableTypedArray,
  start: number,
  end: number,
): void {
  // `| 0` makes the words int32 from the start: uint32 words above 2^31 would be
  // doubles, and a loop variable that starts as a double stays one (2x slower here)
  const words = rng.state();
  let s0 = words[0] | 0;
  let s1 = words[1] | 0;
  let s2 = words[2] | 0;
  let s3 = words[3] | 0;
  let spare = -1;
  for (let i = end - start - 1; i > 0; i--) {
    const bound = i + 1;
    for (;;) {
      let half: number;
      if (spare >= 0) {
        half = spare;
        spare = -1;
      } else {
        const m5 = Math.imul(s1, 5);
        const x = Math.imul((m5 << 7) | (m5 >>> 25), 9) >>> 0;
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        half = x & 0xffff;
        spare = x >>> 16;
      }
      const m = half * bound;
      const low = m & 0xffff;
      // the literal, not SHORT_RANGE_LIMIT: an exported binding is re-read on every use
      if (low >= bound || low >= (65536 - bound) % bound) {
        const k = start + i;
        const j = start + (m >>> 16);
        const tmp = array[k]!;
        array[k] = array[j]!;
        array[j] = tmp;
        break;
      }
    }
  }
  rng.setState(s0, s1, s2, s3);
}
