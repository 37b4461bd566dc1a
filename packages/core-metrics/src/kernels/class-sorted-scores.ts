import { scatterByClass } from './class-radix-scatter.js';
import { radixSortFloat64 } from './radix-sort.js';
import { registerScratch } from './scratch-pool.js';

/** Scores of the selected rows split by class, each part sorted ascending. */
export interface ClassSortedScores {
  /** Scores of positive rows, ascending. */
  readonly pos: Float64Array;
  /** Scores of negative rows, ascending. */
  readonly neg: Float64Array;
  /** Weights of `pos` in the same order, or null when unweighted. */
  readonly posWeight: Float64Array | null;
  /** Weights of `neg` in the same order, or null when unweighted. */
  readonly negWeight: Float64Array | null;
}

// Reused between calls for the same reason as the radix sort's spares.
let poolScores = new Float64Array(0);
let poolWeights = new Float64Array(0);
registerScratch(() => {
  poolScores = new Float64Array(0);
  poolWeights = new Float64Array(0);
});

/**
 * The pooled class-split score buffer, at least `length` long; shared with
 * the bucket walks so one 10M-row buffer serves both.
 *
 * @param length - elements needed
 * @returns the buffer (contents undefined)
 * @example
 * ```ts
 * pooledScoresOf(3).length >= 3; // true (the same buffer until a longer one is asked for)
 * ```
 */
export function pooledScoresOf(length: number): Float64Array {
  if (poolScores.length < length) poolScores = new Float64Array(length);
  return poolScores;
}

/**
 * Gathers the selected rows' scores, split by class, and radix-sorts each
 * part. The returned arrays are views into a per-thread pool, valid until the
 * next call.
 *
 * @remarks
 * Rows of weight 0 are dropped, as scikit-learn's `_binary_clf_curve` does, so
 * they create no thresholds. Sorting the classes apart means no label travels
 * with the keys; a merge walk from the top of both recovers the tie groups.
 * Without weights the scores go straight from the column into their class's
 * MSD buckets ({@link scatterByClass}), and `-0` stays `-0` (equal to `0` and next
 * to it); with weights they are gathered (`-0` as `0`) and sorted by
 * `radixSortFloat64` carrying the weights.
 *
 * @param isPositive - 1 for rows of the positive class, else 0
 * @param scores - finite scores
 * @param weight - per-row weights, or null for unit weights
 * @param rows - the rows to use, or null for all rows
 * @returns both classes' scores (and weights) sorted ascending
 * @example
 * ```ts
 * const isPositive = Uint8Array.of(1, 0, 1, 0), scores = Float64Array.of(0.9, 0.8, 0.3, 0.1);
 * sortScoresByClass(isPositive, scores, null, null); // { pos: [0.3, 0.9], neg: [0.1, 0.8], posWeight: null, negWeight: null }
 * sortScoresByClass(isPositive, scores, Float64Array.of(1, 2, 0, 3), null).negWeight; // [3, 2] (the 0-weight row dropped)
 * ```
 */
export function sortScoresByClass(
  isPositive: Uint8Array,
  scores: Float64Array,
  weight: Float64Array | null,
  rows: Uint32Array | null,
): ClassSortedScores {
  const n = rows === null ? scores.length : rows.length;
  let nPos: number;
  let total: number;
  if (weight === null) {
    total = n;
    if (poolScores.length < total) poolScores = new Float64Array(total);
    nPos = scatterByClass(isPositive, scores, rows, poolScores);
    const pos = poolScores.subarray(0, nPos);
    const neg = poolScores.subarray(nPos, total);
    return { pos, neg, posWeight: null, negWeight: null };
  } else {
    nPos = 0;
    let nNeg = 0;
    for (let j = 0; j < n; j++) {
      const r = rows === null ? j : rows[j]!;
      if (weight[r] === 0) continue;
      if (isPositive[r] === 1) nPos++;
      else nNeg++;
    }
    total = nPos + nNeg;
    if (poolScores.length < total) poolScores = new Float64Array(total);
    if (poolWeights.length < total) poolWeights = new Float64Array(total);
    gatherWeighted(isPositive, scores, weight, rows, poolScores, poolWeights, nPos);
  }
  const keys = poolScores;
  const weights = weight === null ? null : poolWeights;
  const pos = keys.subarray(0, nPos);
  const neg = keys.subarray(nPos, total);
  const posWeight = weights === null ? null : weights.subarray(0, nPos);
  const negWeight = weights === null ? null : weights.subarray(nPos, total);
  radixSortFloat64(pos, posWeight);
  radixSortFloat64(neg, negWeight);
  return { pos, neg, posWeight, negWeight };
}

function gatherWeighted(
  isPositive: Uint8Array,
  scores: Float64Array,
  weight: Float64Array,
  rows: Uint32Array | null,
  keys: Float64Array,
  weights: Float64Array,
  nPos: number,
): void {
  let p = 0;
  let q = nPos;
  const n = rows === null ? scores.length : rows.length;
  for (let j = 0; j < n; j++) {
    const r = rows === null ? j : rows[j]!;
    const w = weight[r]!;
    if (w === 0) continue;
    if (isPositive[r] === 1) {
      weights[p] = w;
      keys[p++] = scores[r]! + 0;
    } else {
      weights[q] = w;
      keys[q++] = scores[r]! + 0;
    }
  }
}
