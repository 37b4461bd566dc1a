import { countEachBelow, countPairBelow, lastPairTies } from './bucket-pair-count.js';
import { CLASS_BUCKETS, classBucketEnds, scatterToClassBuckets } from './class-radix-scatter.js';
import { pooledScoresOf } from './class-sorted-scores.js';
import { firstDifference, MSD_BITS, sortRange, spareOf } from './msd-radix-sort.js';
import { registerScratch } from './scratch-pool.js';

// The per-positive counts of one bucket, reused between calls.
let below = new Int32Array(0);
registerScratch(() => {
  below = new Int32Array(0);
});

// Ties met by the last `mergeBelow`, kept out of its return value so the
// per-bucket call allocates nothing.
let mergeTies = 0;

/**
 * The walks' common start: the selected rows scattered into per-class buckets of the
 * first MSD digit, or undefined when the caller must take the whole-column path (all
 * scores equal, or a `-0` among scores that straddle zero).
 *
 * @returns the row count, the positives, the pooled keys and the next digit's first bit
 */
function scatterForBuckets(
  isPositive: Uint8Array,
  scores: Float64Array,
  rows: Uint32Array | null,
  min: number,
  max: number,
): { n: number; nPos: number; keys: Float64Array; q: number } | undefined {
  const p = firstDifference(min, max);
  if (p >= 64 || (min <= 0 && max >= 0 && hasNegativeZero(scores, rows))) return undefined;
  const n = rows === null ? scores.length : rows.length;
  const keys = pooledScoresOf(n);
  const nPos = scatterToClassBuckets(isPositive, scores, rows, keys, p);
  return { n, nPos, keys, q: p + MSD_BITS };
}

/**
 * Unweighted ROC AUC of the selected rows, counted bucket by bucket; NaN when a class is empty, or `undefined` when the caller must take
 * the whole-column path (all scores equal, or a `-0` among them).
 *
 * @remarks
 * After the scatter into per-class buckets of the first MSD digit
 * ({@link scatterToClassBuckets}), positive bucket `d` and negative bucket `d`
 * hold the same key range, so every negative of a lower bucket is below every
 * positive of bucket `d`: `Σ_pos #neg < s` is `P_d · (negatives in buckets
 * below d)` plus the pairs inside the two buckets, counted right after the
 * scatter while they are in cache: by `countPairBelow` without sorting
 * (negatives grouped by the next key bits), or, when the values cluster, by
 * sorting both and merging them. A pair with an empty side needs neither.
 * Equal values share a bucket, except `-0` and `0` (different keys):
 * with a `-0` present the caller falls back. The sum is the exact integer
 * (or half-integer) of `unweightedRocAuc`, so the result is the same.
 *
 * @param isPositive - 1 for rows of the positive class, else 0
 * @param scores - scores without NaN
 * @param rows - the rows to use, or null for all rows
 * @param min - the least selected score
 * @param max - the greatest selected score
 * @returns the AUC, NaN without both classes, or undefined (fall back)
 * @example
 * ```ts
 * bucketedRocAuc(Uint8Array.of(1, 0, 1, 0), Float64Array.of(0.9, 0.8, 0.3, 0.1), null, 0.1, 0.9); // 0.75
 * bucketedRocAuc(Uint8Array.of(1, 0), Float64Array.of(0.5, 0.5), null, 0.5, 0.5); // undefined (all equal)
 * bucketedRocAuc(Uint8Array.of(1, 1), Float64Array.of(0.2, 0.5), null, 0.2, 0.5); // NaN (no negative)
 * ```
 */
export function bucketedRocAuc(
  isPositive: Uint8Array,
  scores: Float64Array,
  rows: Uint32Array | null,
  min: number,
  max: number,
): number | undefined {
  const scattered = scatterForBuckets(isPositive, scores, rows, min, max);
  if (scattered === undefined) return undefined;
  const { n, nPos, keys, q } = scattered;
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) return Number.NaN;
  const ends = classBucketEnds;
  const scratch = spareOf(n);
  let area = 0;
  let tiePairs = 0;
  let posStart = 0;
  for (let d = 0; d < CLASS_BUCKETS; d++) {
    const posEnd = ends[d]!;
    const negStart = ends[CLASS_BUCKETS + d]!;
    const negEnd = ends[CLASS_BUCKETS + 1 + d]!;
    const np = posEnd - posStart;
    if (np > 0) {
      area += np * (negStart - nPos);
      if (negEnd > negStart) {
        const counted = countPairBelow(keys, posStart, posEnd, negStart, negEnd, q, scratch);
        if (counted >= 0) {
          area += counted;
          tiePairs += lastPairTies();
          posStart = posEnd;
          continue;
        }
        if (np > 1) sortRange(keys, posStart, posEnd, q, 1, scratch);
        if (negEnd - negStart > 1) sortRange(keys, negStart, negEnd, q, 1, scratch);
        const strict = mergeBelow(keys, posStart, posEnd, negStart, negEnd);
        area += strict;
        if (mergeTies > 0) {
          tiePairs += mergeAtOrBelow(keys, posStart, posEnd, negStart, negEnd) - strict;
        }
      }
    }
    posStart = posEnd;
  }
  return (area + tiePairs / 2) / (nPos * nNeg);
}

/**
 * Unweighted average precision of the selected rows, bucket by bucket from
 * the top; `undefined` when the caller must take the whole-column path (as
 * {@link bucketedRocAuc}).
 *
 * @remarks
 * The walk of `unweightedAveragePrecision` (the positives' tie groups from
 * the highest score down, `TP = P − g`, `FP = N − #neg < pos[g]`), with each
 * bucket's positives sorted and their counts taken from the slot-grouped
 * negatives (`countEachBelow`; sorted and merged when they cluster) just
 * before its groups are visited; buckets
 * are visited from the top, so the terms and their order, and the result, are
 * the same bit for bit.
 *
 * @param isPositive - 1 for rows of the positive class, else 0
 * @param scores - scores without NaN
 * @param rows - the rows to use, or null for all rows
 * @param min - the least selected score
 * @param max - the greatest selected score
 * @returns the average precision (0 without positives), or undefined (fall back)
 * @example
 * ```ts
 * bucketedAveragePrecision(Uint8Array.of(1, 0, 1, 0), Float64Array.of(0.9, 0.8, 0.3, 0.1), null, 0.1, 0.9);
 * // 0.8333333333333333 (= averagePrecisionScore([1, 0, 1, 0], [0.9, 0.8, 0.3, 0.1]))
 * ```
 */
export function bucketedAveragePrecision(
  isPositive: Uint8Array,
  scores: Float64Array,
  rows: Uint32Array | null,
  min: number,
  max: number,
): number | undefined {
  const scattered = scatterForBuckets(isPositive, scores, rows, min, max);
  if (scattered === undefined) return undefined;
  const { n, nPos, keys, q } = scattered;
  if (nPos === 0) return 0;
  const nNeg = n - nPos;
  const ends = classBucketEnds;
  const scratch = spareOf(n);
  let ap = 0;
  let prevRecall = 0;
  for (let d = CLASS_BUCKETS - 1; d >= 0; d--) {
    const posStart = d === 0 ? 0 : ends[d - 1]!;
    const posEnd = ends[d]!;
    if (posEnd === posStart) continue;
    const negStart = ends[CLASS_BUCKETS + d]!;
    const negEnd = ends[CLASS_BUCKETS + 1 + d]!;
    if (posEnd - posStart > 1) sortRange(keys, posStart, posEnd, q, 1, scratch);
    const counts = countsOf(posEnd - posStart);
    if (
      negEnd === negStart ||
      !countEachBelow(keys, posStart, posEnd, negStart, negEnd, q, scratch, counts)
    ) {
      if (negEnd - negStart > 1) sortRange(keys, negStart, negEnd, q, 1, scratch);
      countBelowInBucket(keys, posStart, posEnd, negStart, negEnd, counts);
    }
    const negBefore = negStart - nPos;
    let end = posEnd;
    while (end > posStart) {
      const v = keys[end - 1]!;
      let start = end - 1;
      while (start > posStart && keys[start - 1] === v) start--;
      const tp = nPos - start;
      const recall = tp / nPos;
      ap += (recall - prevRecall) * (tp / (tp + nNeg - (negBefore + counts[start - posStart]!)));
      prevRecall = recall;
      end = start;
    }
  }
  return ap;
}

/**
 * The least and greatest selected score (NaN when one is NaN).
 *
 * @param scores - the score column
 * @param rows - the rows to use, or null for all rows
 * @returns `[min, max]`
 * @example
 * ```ts
 * selectedExtremes(Float64Array.of(3, 1, 2), null); // [1, 3]
 * selectedExtremes(Float64Array.of(3, 1, 2), Uint32Array.of(1, 2)); // [1, 2]
 * selectedExtremes(Float64Array.of(3, NaN), null); // [NaN, NaN]
 * ```
 */
export function selectedExtremes(scores: Float64Array, rows: Uint32Array | null): [number, number] {
  const n = rows === null ? scores.length : rows.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < n; j++) {
    const v = scores[rows === null ? j : rows[j]!]!;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return [min, max];
}

/** Whether a selected score is `-0` (sign bit set, all other bits clear). */
function hasNegativeZero(scores: Float64Array, rows: Uint32Array | null): boolean {
  const words = new Int32Array(scores.buffer, scores.byteOffset, 2 * scores.length);
  const n = rows === null ? scores.length : rows.length;
  for (let j = 0; j < n; j++) {
    const r = rows === null ? j : rows[j]!;
    if (words[2 * r + 1] === -2147483648 && words[2 * r] === 0) return true;
  }
  return false;
}

/**
 * `Σ #neg < s` over the sorted positives `keys[ps, pe)` against the sorted
 * negatives `keys[ns, ne)`, by a merge without a data-dependent branch (the
 * classes interleave close to randomly); sets `mergeTies` to the number of
 * steps that met equal values.
 */
function mergeBelow(keys: Float64Array, ps: number, pe: number, ns: number, ne: number): number {
  let i = ps;
  let j = ns;
  let ties = 0;
  let sum = 0;
  while (i < pe && j < ne) {
    const a = keys[i]!;
    const b = keys[j]!;
    const negFirst = +(b < a);
    sum += (j - ns) * (1 - negFirst);
    ties += +(b === a);
    j += negFirst;
    i += 1 - negFirst;
  }
  mergeTies = ties;
  return sum + (pe - i) * (ne - ns);
}

/** As {@link mergeBelow} with `<=`: `Σ #neg ≤ s` over the bucket's positives. */
function mergeAtOrBelow(
  keys: Float64Array,
  ps: number,
  pe: number,
  ns: number,
  ne: number,
): number {
  let i = ps;
  let j = ns;
  let sum = 0;
  while (i < pe && j < ne) {
    const negFirst = +(keys[j]! <= keys[i]!);
    sum += (j - ns) * (1 - negFirst);
    j += negFirst;
    i += 1 - negFirst;
  }
  return sum + (pe - i) * (ne - ns);
}

/** The reused per-positive count buffer, at least `length` long. */
function countsOf(length: number): Int32Array {
  if (below.length < length) below = new Int32Array(Math.max(length, 1024));
  return below;
}

/**
 * For each positive of the bucket (ascending), the bucket's sorted negatives
 * strictly below it, written to `out` from index 0.
 */
function countBelowInBucket(
  keys: Float64Array,
  ps: number,
  pe: number,
  ns: number,
  ne: number,
  out: Int32Array,
): void {
  let i = ps;
  let j = ns;
  while (i < pe && j < ne) {
    const negFirst = +(keys[j]! < keys[i]!);
    out[i - ps] = j - ns;
    j += negFirst;
    i += 1 - negFirst;
  }
  for (; i < pe; i++) out[i - ps] = ne - ns;
}
