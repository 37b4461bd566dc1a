import { registerScratch } from './scratch-pool.js';

// The scatter target of every level; kept between calls because touching fresh
// memory costs more than the sort at 10M rows.
let spare = new Float64Array(0);
registerScratch(() => {
  spare = new Float64Array(0);
});

// Below this a range is finished by insertion sort alone.
const SMALL_RANGE = 32;
// A range this short is sorted by LSD passes in cache; a longer one is first
// split by an MSD pass into at most 2^11 buckets. 2^17 measured best of
// 2^15..2^19 on 10M uniform scores (2^15 left 39k-value buckets to a
// second MSD level of mostly tiny buckets).
const CACHE_RANGE = 1 << 17;
// Bits the in-cache LSD passes read (two passes of 10).
const LSD_BITS = 20;
/**
 * Bits of an MSD digit: at most 2^11 buckets a level.
 *
 * @example
 * ```ts
 * MSD_BITS; // 11
 * ```
 */
export const MSD_BITS = 11;
// Insertion-sort moves allowed per value after the LSD passes before the
// range is split by an MSD pass instead (its values share the digits read).
const MOVE_BUDGET = 4;

// Per-thread counting tables, reused so a 10M-row sort does not allocate one
// per bucket.
const msdCounts: Int32Array[] = [];
const lsdCounts = new Int32Array(2 << MSD_BITS);

const bits = new Float64Array(1);
const bitWords = new Int32Array(bits.buffer);

/** High 32 bits of the order-preserving key of `v`, as an int32 bit pattern. */
function highKey(v: number): number {
  bits[0] = v;
  const h = bitWords[1]!;
  return h ^ ((h >> 31) | 0x80000000);
}

/** Low 32 bits of the order-preserving key of `v`, as an int32 bit pattern. */
function lowKey(v: number): number {
  bits[0] = v;
  return bitWords[0]! ^ (bitWords[1]! >> 31);
}

/**
 * The 32 key bits a pass reads, from bit `p` of the 64-bit key (0 = top):
 * `((hi & hiMask) | (lo & loMask)) << up | (lo & tailMask) >>> tailDown`.
 */
export interface KeyWindow {
  readonly hiMask: number;
  readonly loMask: number;
  readonly up: number;
  readonly tailMask: number;
  readonly tailDown: number;
}

/**
 * The window of 32 key bits starting at bit `p` (0 = top) of the 64-bit key.
 *
 * @example
 * ```ts
 * windowAt(0); // { hiMask: -1, loMask: 0, up: 0, tailMask: 0, tailDown: 32 }
 * windowAt(40); // { hiMask: 0, loMask: -1, up: 8, tailMask: 0, tailDown: 0 }
 * ```
 */
export function windowAt(p: number): KeyWindow {
  // `x >>> 32` is `x`, so the low word joins through the tail only when p > 0.
  if (p < 32) return { hiMask: -1, loMask: 0, up: p, tailMask: p === 0 ? 0 : -1, tailDown: 32 - p };
  return { hiMask: 0, loMask: -1, up: p - 32, tailMask: 0, tailDown: 0 };
}

/**
 * The first key bit where `min` and `max` differ (0 = top), or 64 when their keys are equal.
 *
 * @example
 * ```ts
 * firstDifference(-1, 1); // 0 (the sign bit)
 * firstDifference(0.1, 0.9); // 9
 * firstDifference(1, 1); // 64
 * ```
 */
export function firstDifference(min: number, max: number): number {
  const hi = highKey(min) ^ highKey(max);
  if (hi !== 0) return Math.clz32(hi);
  const lo = lowKey(min) ^ lowKey(max);
  return lo === 0 ? 64 : 32 + Math.clz32(lo);
}

/**
 * Sorts float64 values (no NaN; ±Infinity allowed) ascending in place by an MSD radix sort whose
 * digits start at the first key bit where the range's extremes differ.
 *
 * @remarks
 * Keys are the IEEE-754 bit patterns with the sign bit flipped (non-negative
 * values) or all bits flipped (negative values), which order like the numbers.
 * A range's window is the 32 key bits from the first bit that may differ in it
 * (at the top: where `min` and `max` differ). A range of up to 2^17 values is
 * sorted in cache first: one or two LSD passes on the window's top
 * `min(20, log2 n + 2)` bits (about 4 slots a value), then an insertion sort,
 * which has little to do unless the values cluster below those bits. A longer
 * range, or one whose insertion sort exceeds 4 moves a value, is narrowed to
 * its own min and max and split by one MSD pass on 11 bits (through `spare`,
 * copied back); each bucket is then sorted the same way from the next bit. An
 * MSD pass always splits its range (min and max differ in the window's top
 * bit), so the sort ends: O(n) a level, 2 or 3 levels for 10M real-valued
 * scores. The first level costs the most (it scatters out of cache), which is
 * why `scatterByClass` does it straight from the score column.
 * `-0` and `0` end up adjacent (they compare equal); ±Infinity are keys like
 * any other. Not stable (no payload).
 *
 * @param keys - values without NaN; sorted in place
 * @param min - the least value of `keys` (`Math.min` over them)
 * @param max - the greatest value of `keys` (`Math.max` over them)
 * @example
 * ```ts
 * const keys = Float64Array.of(0.5, -2, Infinity, 0, 1e-300);
 * msdRadixSort(keys, -2, Infinity);
 * keys; // Float64Array [-2, 0, 1e-300, 0.5, Infinity]
 * ```
 */
export function msdRadixSort(keys: Float64Array, min: number, max: number): void {
  sortRange(keys, 0, keys.length, firstDifference(min, max), 0, spareOf(keys.length));
}

/**
 * The pooled scatter buffer, at least `length` long.
 *
 * @param length - elements needed
 * @returns the buffer (contents undefined)
 * @example
 * ```ts
 * spareOf(4).length >= 4; // true
 * ```
 */
export function spareOf(length: number): Float64Array {
  if (spare.length < length) spare = new Float64Array(length);
  return spare;
}

/**
 * Sorts `[start, end)` of `keys`, whose keys share their bits above bit `p`.
 *
 * @param keys - the array holding the range
 * @param start - first index of the range
 * @param end - one past its last index
 * @param p - the first key bit (0 = top) that may differ within the range
 * @param depth - levels of MSD passes above this one (0 at the top)
 * @param scratch - an array at least as long as `keys`, for scatters
 * @example
 * ```ts
 * const keys = Float64Array.of(9, 0.4, 0.1, 0.3, 9);
 * sortRange(keys, 1, 4, firstDifference(0.1, 0.4), 0, new Float64Array(5));
 * keys; // Float64Array [9, 0.1, 0.3, 0.4, 9]
 * ```
 */
export function sortRange(
  keys: Float64Array,
  start: number,
  end: number,
  p: number,
  depth: number,
  scratch: Float64Array,
): void {
  const n = end - start;
  if (n <= SMALL_RANGE) {
    insertionSort(keys, start, end, n * n);
    return;
  }
  if (p < 64 && n <= CACHE_RANGE) {
    // Up to 20 bits, about 4 slots a value: few values then share their digits.
    const total = Math.min(LSD_BITS, 34 - Math.clz32(n));
    lsdInCache(keys, start, end, windowAt(p), total, scratch);
    if (insertionSort(keys, start, end, MOVE_BUDGET * n)) return;
  }
  // Too long for the cache, or clustered below the bits read: narrow the
  // window to the range's own extremes and split it.
  let lo = keys[start]!;
  let hi = lo;
  for (let i = start + 1; i < end; i++) {
    const v = keys[i]!;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const from = firstDifference(lo, hi);
  if (from >= 64) return;
  while (msdCounts.length <= depth) msdCounts.push(new Int32Array((1 << MSD_BITS) + 1));
  const counts = msdCounts[depth]!;
  counts.fill(0);
  scatter(keys, start, end, windowAt(from), counts, scratch);
  for (let d = 0; d < counts.length - 1; d++) {
    const a = counts[d]!;
    const e = counts[d + 1]!;
    if (e - a > 1) sortRange(keys, a, e, from + MSD_BITS, depth + 1, scratch);
  }
}

/**
 * One MSD pass: counts and scatters `[start, end)` on the window's top
 * `MSD_BITS` bits through `scratch`, then leaves bucket d in
 * `counts[d]`..`counts[d + 1]`.
 */
function scatter(
  keys: Float64Array,
  start: number,
  end: number,
  window: KeyWindow,
  counts: Int32Array,
  scratch: Float64Array,
): void {
  const words = new Int32Array(keys.buffer, keys.byteOffset, 2 * keys.length);
  const { hiMask, loMask, up, tailMask, tailDown } = window;
  const down = 32 - MSD_BITS;
  for (let i = start; i < end; i++) {
    const h = words[2 * i + 1]!;
    const m = h >> 31;
    const hk = h ^ (m | 0x80000000);
    const lk = words[2 * i]! ^ m;
    const w = (((hk & hiMask) | (lk & loMask)) << up) | ((lk & tailMask) >>> tailDown);
    counts[(w >>> down) + 1]!++;
  }
  counts[0] = start;
  for (let d = 1; d < counts.length; d++) counts[d]! += counts[d - 1]!;
  for (let i = start; i < end; i++) {
    const h = words[2 * i + 1]!;
    const m = h >> 31;
    const hk = h ^ (m | 0x80000000);
    const lk = words[2 * i]! ^ m;
    const w = (((hk & hiMask) | (lk & loMask)) << up) | ((lk & tailMask) >>> tailDown);
    scratch[counts[w >>> down]!++] = keys[i]!;
  }
  // counts[d] is now bucket d's end: shift so it is its start again.
  for (let d = counts.length - 1; d > 0; d--) counts[d] = counts[d - 1]!;
  counts[0] = start;
  keys.set(scratch.subarray(start, end), start);
}

/**
 * LSD passes over `[start, end)` on the window's top `total` bits (one pass
 * up to 11 bits, else two); the order is then exact up to values sharing
 * those bits.
 */
function lsdInCache(
  keys: Float64Array,
  start: number,
  end: number,
  window: KeyWindow,
  total: number,
  scratch: Float64Array,
): void {
  const { hiMask, loMask, up, tailMask, tailDown } = window;
  const highBits = total > MSD_BITS ? total - (total >> 1) : total;
  const lowBits = total - highBits;
  const highDown = 32 - highBits;
  const lowDown = 32 - total;
  const lowMask = (1 << lowBits) - 1;
  // With no low digit its one slot only absorbs the count below.
  const lowBuckets = 1 << lowBits;
  const counts = lsdCounts;
  counts.fill(0, 0, lowBuckets + (1 << highBits));
  const words = new Int32Array(keys.buffer, keys.byteOffset, 2 * keys.length);
  for (let i = start; i < end; i++) {
    const h = words[2 * i + 1]!;
    const m = h >> 31;
    const lk = words[2 * i]! ^ m;
    const w =
      ((((h ^ (m | 0x80000000)) & hiMask) | (lk & loMask)) << up) | ((lk & tailMask) >>> tailDown);
    counts[(w >>> lowDown) & lowMask]!++;
    counts[lowBuckets + (w >>> highDown)]!++;
  }
  let low = start;
  for (let d = 0; d < lowBuckets; d++) {
    const c = counts[d]!;
    counts[d] = low;
    low += c;
  }
  let high = start;
  for (let d = lowBuckets; d < lowBuckets + (1 << highBits); d++) {
    const c = counts[d]!;
    counts[d] = high;
    high += c;
  }
  let source = keys;
  let target = scratch;
  if (lowBits > 0) {
    for (let i = start; i < end; i++) {
      const h = words[2 * i + 1]!;
      const m = h >> 31;
      const lk = words[2 * i]! ^ m;
      const w =
        ((((h ^ (m | 0x80000000)) & hiMask) | (lk & loMask)) << up) |
        ((lk & tailMask) >>> tailDown);
      scratch[counts[(w >>> lowDown) & lowMask]!++] = keys[i]!;
    }
    source = scratch;
    target = keys;
  }
  const sourceWords = new Int32Array(source.buffer, source.byteOffset, 2 * source.length);
  for (let i = start; i < end; i++) {
    const h = sourceWords[2 * i + 1]!;
    const m = h >> 31;
    const lk = sourceWords[2 * i]! ^ m;
    const w =
      ((((h ^ (m | 0x80000000)) & hiMask) | (lk & loMask)) << up) | ((lk & tailMask) >>> tailDown);
    target[counts[lowBuckets + (w >>> highDown)]!++] = source[i]!;
  }
  if (target !== keys) keys.set(scratch.subarray(start, end), start);
}

/**
 * Insertion sort of `[start, end)` that gives up after `budget` moves.
 *
 * @returns true when the range is sorted, false when the budget ran out (the
 *   range is then a permutation of its values, partly sorted)
 */
function insertionSort(keys: Float64Array, start: number, end: number, budget: number): boolean {
  let moves = 0;
  for (let i = start + 1; i < end; i++) {
    const v = keys[i]!;
    let j = i - 1;
    if (keys[j]! <= v) continue;
    while (j >= start && keys[j]! > v) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = v;
    moves += i - 1 - j;
    if (moves > budget) return false;
  }
  return true;
}
