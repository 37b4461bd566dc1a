import { registerScratch } from './scratch-pool.js';

// Fresh memory is expensive to touch (page faults dominate a 10M-row sort), so
// the alternate buffers the passes ping-pong through are kept and reused.
let spareKeys = new Float64Array(0);
let sparePayload = new Float64Array(0);

// Three 11-bit digits cover a 32-bit key word: one pass fewer than 8-bit
// digits, and 2048 buckets still scatter with good locality.
const DIGIT_BITS = 11;
const DIGITS = 3;
const BUCKETS = 1 << DIGIT_BITS;
const DIGIT_MASK = BUCKETS - 1;
const SMALL_RUN = 24;

/**
 * Returns a pooled Float64Array of at least `length` elements for scratch use.
 * Kept between calls (one pool per thread); see `releaseSortScratch`.
 *
 * @param length - elements needed
 * @returns a view of exactly `length` elements (contents undefined)
 */
function spareKeysOf(length: number): Float64Array {
  if (spareKeys.length < length) spareKeys = new Float64Array(length);
  return spareKeys.subarray(0, length);
}

function sparePayloadOf(length: number): Float64Array {
  if (sparePayload.length < length) sparePayload = new Float64Array(length);
  return sparePayload.subarray(0, length);
}

registerScratch(() => {
  spareKeys = new Float64Array(0);
  sparePayload = new Float64Array(0);
});

/**
 * One LSD counting pass over `[start, end)` on one 11-bit digit of the
 * order-preserving key: the float's high word (`word = 1`) or low word (`0`).
 */
function radixPass(
  src: Float64Array,
  srcWords: Int32Array,
  dst: Float64Array,
  srcPay: Float64Array | null,
  dstPay: Float64Array | null,
  start: number,
  end: number,
  word: 0 | 1,
  shift: number,
  counts: Uint32Array,
): void {
  let sum = start;
  for (let d = 0; d < BUCKETS; d++) {
    const c = counts[d]!;
    counts[d] = sum;
    sum += c;
  }
  if (srcPay === null || dstPay === null) {
    for (let i = start; i < end; i++) {
      const h = srcWords[2 * i + 1]!;
      const k = word === 1 ? h ^ ((h >> 31) | 0x80000000) : srcWords[2 * i]! ^ (h >> 31);
      const at = counts[(k >>> shift) & DIGIT_MASK]!++;
      dst[at] = src[i]!;
    }
  } else {
    for (let i = start; i < end; i++) {
      const h = srcWords[2 * i + 1]!;
      const k = word === 1 ? h ^ ((h >> 31) | 0x80000000) : srcWords[2 * i]! ^ (h >> 31);
      const at = counts[(k >>> shift) & DIGIT_MASK]!++;
      dst[at] = src[i]!;
      dstPay[at] = srcPay[i]!;
    }
  }
}

/**
 * LSD radix sort of `[start, end)` on the three digits of one key word, in
 * place (alternating through the spare buffers); digits equal for every
 * element are skipped.
 */
function sortOnWord(
  keys: Float64Array,
  payload: Float64Array | null,
  start: number,
  end: number,
  word: 0 | 1,
): void {
  const n = end - start;
  const histograms = new Uint32Array(DIGITS * BUCKETS);
  const words = new Int32Array(keys.buffer, keys.byteOffset, 2 * keys.length);
  for (let i = start; i < end; i++) {
    const h = words[2 * i + 1]!;
    const k = word === 1 ? h ^ ((h >> 31) | 0x80000000) : words[2 * i]! ^ (h >> 31);
    histograms[k & DIGIT_MASK]!++;
    histograms[BUCKETS + ((k >>> DIGIT_BITS) & DIGIT_MASK)]!++;
    histograms[2 * BUCKETS + (k >>> (2 * DIGIT_BITS))]!++;
  }
  const altKeys = spareKeysOf(keys.length);
  const altWords = new Int32Array(altKeys.buffer, altKeys.byteOffset, 2 * altKeys.length);
  const altPayload = payload === null ? null : sparePayloadOf(keys.length);
  let inPrimary = true;
  for (let digit = 0; digit < DIGITS; digit++) {
    const counts = histograms.subarray(digit * BUCKETS, (digit + 1) * BUCKETS);
    let trivial = false;
    for (let d = 0; d < BUCKETS; d++) {
      if (counts[d] === n) trivial = true;
    }
    if (trivial) continue;
    if (inPrimary) {
      radixPass(
        keys,
        words,
        altKeys,
        payload,
        altPayload,
        start,
        end,
        word,
        digit * DIGIT_BITS,
        counts,
      );
    } else {
      radixPass(
        altKeys,
        altWords,
        keys,
        altPayload,
        payload,
        start,
        end,
        word,
        digit * DIGIT_BITS,
        counts,
      );
    }
    inPrimary = !inPrimary;
  }
  if (!inPrimary) {
    keys.set(altKeys.subarray(start, end), start);
    if (payload !== null && altPayload !== null)
      payload.set(altPayload.subarray(start, end), start);
  }
}

function insertionSort(
  keys: Float64Array,
  payload: Float64Array | null,
  start: number,
  end: number,
): void {
  for (let i = start + 1; i < end; i++) {
    const v = keys[i]!;
    let j = i - 1;
    if (keys[j]! <= v) continue;
    const p = payload === null ? 0 : payload[i]!;
    while (j >= start && keys[j]! > v) {
      keys[j + 1] = keys[j]!;
      if (payload !== null) payload[j + 1] = payload[j]!;
      j--;
    }
    keys[j + 1] = v;
    if (payload !== null) payload[j + 1] = p;
  }
}

/**
 * Sorts finite float64 values ascending in place, carrying an optional
 * payload (e.g. sample weights) along.
 *
 * @remarks
 * The key of a double is its bit pattern with the sign bit flipped
 * (non-negative values) or all bits flipped (negative values); such keys order
 * like the numbers. The sort is an LSD radix sort with 11-bit digits on the high
 * 32 bits of the key (three counting passes; a digit constant over the input is
 * skipped), then each run of equal high words — short for real-valued scores —
 * is finished by insertion sort, or by three more passes on the low word when it
 * is long. O(n) time, and several times faster than a comparison sort at 10M
 * rows. `-0` and `0` end up adjacent (they compare equal). Not stable.
 *
 * @param keys - finite values; sorted in place
 * @param payload - values moved with their keys, or null
 * @example
 * ```ts
 * import { radixSortFloat64 } from '@assay/core-metrics';
 * const v = new Float64Array([0.3, -1, 2]);
 * radixSortFloat64(v, null);
 * v; // Float64Array [-1, 0.3, 2]
 * ```
 * @see https://numpy.org/doc/1.24/reference/generated/numpy.sort.html (what scikit-learn's
 *   `_binary_clf_curve` uses instead: a comparison mergesort)
 */
export function radixSortFloat64(keys: Float64Array, payload: Float64Array | null): void {
  const n = keys.length;
  if (n < 2) return;
  if (n <= SMALL_RUN) {
    insertionSort(keys, payload, 0, n);
    return;
  }
  sortOnWord(keys, payload, 0, n, 1);
  const words = new Int32Array(keys.buffer, keys.byteOffset, 2 * n);
  let start = 0;
  while (start < n) {
    const h = words[2 * start + 1]!;
    let end = start + 1;
    while (end < n && words[2 * end + 1] === h) end++;
    if (end - start > SMALL_RUN) sortOnWord(keys, payload, start, end, 0);
    else if (end - start > 1) insertionSort(keys, payload, start, end);
    start = end;
  }
}
