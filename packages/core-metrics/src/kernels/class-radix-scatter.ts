import { firstDifference, MSD_BITS, sortRange, spareOf, windowAt } from './msd-radix-sort.js';

const BUCKETS = 1 << MSD_BITS;
// Positive buckets then negative buckets, each region led by an empty slot so
// one running sum turns sizes into starts for both.
const counts = new Int32Array(2 * (BUCKETS + 1));

/**
 * Sorts the selected rows' scores by class straight from the score column:
 * positives ascending in `keys[0, nPos)`, negatives ascending in
 * `keys[nPos, n)`; returns `nPos`.
 *
 * @remarks
 * Three passes over the source instead of a gather followed by a sort of each
 * class: the extremes (which fix the key bits to read, see `msdRadixSort`), a
 * histogram of the first MSD digit per class, and a scatter of each score into
 * its class's bucket ({@link scatterToClassBuckets}); each bucket (a few
 * thousand values at 10M rows) is then finished in cache by `sortRange`.
 * `-0` stays `-0` (it compares equal to `0` and ends up next to it).
 *
 * @param isPositive - 1 for rows of the positive class, else 0
 * @param scores - scores without NaN
 * @param rows - the rows to use, or null for all rows
 * @param keys - output, at least as long as the selection
 * @returns the number of positive rows
 * @example
 * ```ts
 * const keys = new Float64Array(4);
 * scatterByClass(Uint8Array.of(1, 0, 1, 0), Float64Array.of(0.9, 0.8, 0.3, 0.1), null, keys); // 2
 * keys; // Float64Array [0.3, 0.9, 0.1, 0.8] (positives, then negatives, each ascending)
 * ```
 */
export function scatterByClass(
  isPositive: Uint8Array,
  scores: Float64Array,
  rows: Uint32Array | null,
  keys: Float64Array,
): number {
  const n = rows === null ? scores.length : rows.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < n; j++) {
    const v = scores[rows === null ? j : rows[j]!]!;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const p = firstDifference(min, max);
  if (p >= 64) return fillEqual(isPositive, rows, n, min, keys);
  const nPos = scatterToClassBuckets(isPositive, scores, rows, keys, p);
  // Each slot now holds its bucket's end, the start of the next.
  const scratch = spareOf(n);
  let start = 0;
  for (let d = 0; d < counts.length; d++) {
    const end = counts[d]!;
    if (end - start > 1) sortRange(keys, start, end, p + MSD_BITS, 1, scratch);
    start = end;
  }
  return nPos;
}

/**
 * Buckets a class takes by the first MSD digit.
 *
 * @example
 * ```ts
 * CLASS_BUCKETS; // 2048 (2 ** MSD_BITS)
 * ```
 */
export const CLASS_BUCKETS = BUCKETS;

/**
 * Bucket bounds after {@link scatterToClassBuckets}: positive bucket `d` is
 * `[d === 0 ? 0 : ends[d - 1], ends[d])`, negative bucket `d` is
 * `[ends[B + d], ends[B + 1 + d])` with `B` = {@link CLASS_BUCKETS}
 * (`ends[B]` is `nPos`). Valid until the next scatter.
 * @example
 * ```ts
 * classBucketEnds.length; // 4098 (2 · (CLASS_BUCKETS + 1))
 * scatterToClassBuckets(Uint8Array.of(1, 0, 1, 0), Float64Array.of(0.9, 0.8, 0.3, 0.1), null, new Float64Array(4), 9); // 2
 * [classBucketEnds[CLASS_BUCKETS], classBucketEnds[2 * CLASS_BUCKETS + 1]]; // [2, 4] (nPos, n)
 * ```
 */
export const classBucketEnds: Int32Array = counts;

/**
 * Scatters the selected rows' scores into per-class buckets of the 11-bit
 * digit starting at key bit `p` (buckets unsorted inside); returns `nPos`.
 *
 * @remarks
 * Two passes over the source: a histogram of the digit per class, then the
 * scatter. Labels are read as 0/1 arithmetic, not branches, since they are
 * close to random. Bucket bounds are left in {@link classBucketEnds}.
 *
 * @param isPositive - 1 for rows of the positive class, else 0
 * @param scores - scores without NaN
 * @param rows - the rows to use, or null for all rows
 * @param keys - output, at least as long as the selection
 * @param p - the first key bit (0 = top) where the extremes differ, below 64
 * @returns the number of positive rows
 * @example
 * ```ts
 * const keys = new Float64Array(4);
 * scatterToClassBuckets(Uint8Array.of(1, 0, 1, 0), Float64Array.of(0.9, 0.8, 0.3, 0.1), null, keys, firstDifference(0.1, 0.9)); // 2
 * [classBucketEnds[CLASS_BUCKETS], classBucketEnds[2 * CLASS_BUCKETS + 1]]; // [2, 4] (nPos, n)
 * ```
 */
export function scatterToClassBuckets(
  isPositive: Uint8Array,
  scores: Float64Array,
  rows: Uint32Array | null,
  keys: Float64Array,
  p: number,
): number {
  const n = rows === null ? scores.length : rows.length;
  const { hiMask, loMask, up, tailMask, tailDown } = windowAt(p);
  const down = 32 - MSD_BITS;
  const words = new Int32Array(scores.buffer, scores.byteOffset, 2 * scores.length);
  counts.fill(0);
  for (let j = 0; j < n; j++) {
    const r = rows === null ? j : rows[j]!;
    const h = words[2 * r + 1]!;
    const m = h >> 31;
    const lk = words[2 * r]! ^ m;
    const w =
      ((((h ^ (m | 0x80000000)) & hiMask) | (lk & loMask)) << up) | ((lk & tailMask) >>> tailDown);
    counts[(1 - isPositive[r]!) * (BUCKETS + 1) + (w >>> down) + 1]!++;
  }
  for (let d = 1; d < counts.length; d++) counts[d]! += counts[d - 1]!;
  const nPos = counts[BUCKETS]!;
  for (let j = 0; j < n; j++) {
    const r = rows === null ? j : rows[j]!;
    const h = words[2 * r + 1]!;
    const m = h >> 31;
    const lk = words[2 * r]! ^ m;
    const w =
      ((((h ^ (m | 0x80000000)) & hiMask) | (lk & loMask)) << up) | ((lk & tailMask) >>> tailDown);
    keys[counts[(1 - isPositive[r]!) * (BUCKETS + 1) + (w >>> down)]!++] = scores[r]!;
  }
  return nPos;
}

/** Every selected score is `value`: positives first, then negatives. */
function fillEqual(
  isPositive: Uint8Array,
  rows: Uint32Array | null,
  n: number,
  value: number,
  keys: Float64Array,
): number {
  let nPos = 0;
  for (let j = 0; j < n; j++) nPos += isPositive[rows === null ? j : rows[j]!]!;
  keys.fill(value, 0, n);
  return nPos;
}
