import { radixSortFloat64 } from './radix-sort.js';

/**
 * Rows ranked by score, highest first, in tie groups: what the ordered score kernels
 * walk instead of sorting again.
 */
export interface ScoreOrder {
  /** Row indices, highest score first; within a tie group, ascending row index. */
  readonly order: Uint32Array;
  /** 1 at the last position of each tie group (rows of equal score), else 0. */
  readonly groupEnd: Uint8Array;
}

/**
 * Ranks rows by score once, for kernels that then score any reweighting of those rows
 * (bootstrap resamples, selections) in one pass each.
 *
 * @remarks
 * Radix-sorts the scores of `rows` (see `radixSortFloat64`) carrying the row indices, then
 * lays the tie groups out from the highest score down with each group's rows in ascending
 * order. The result is canonical: it depends only on the scores of `rows`, never on the
 * sort's handling of equal keys, so an order can be checked against a column with
 * {@link scoreOrderMatches} and reused. `-0` and `0` are one group, as in scikit-learn.
 * O(m) time (m = number of rows) plus the sort; 16 bytes a row of scratch while sorting.
 *
 * @param scores - finite scores, one per row of the column
 * @param rows - ascending rows to rank, or null for every row
 * @returns the rows in descending score order and the tie groups' ends
 * @example
 * ```ts
 * import { scoreOrderKernel } from '@assay/core-metrics';
 * scoreOrderKernel(new Float64Array([0.2, 0.9, 0.2]), null); // { order: [1, 0, 2], groupEnd: [1, 0, 1] }
 * ```
 */
export function scoreOrderKernel(scores: Float64Array, rows: Uint32Array | null): ScoreOrder {
  const m = rows === null ? scores.length : rows.length;
  const keys = new Float64Array(m);
  const payload = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const r = rows === null ? i : rows[i]!;
    keys[i] = scores[r]! + 0;
    payload[i] = r;
  }
  radixSortFloat64(keys, payload);
  const order = new Uint32Array(m);
  const groupEnd = new Uint8Array(m);
  let at = 0;
  let end = m;
  while (end > 0) {
    const v = keys[end - 1]!;
    let start = end - 1;
    while (start > 0 && keys[start - 1] === v) start--;
    let ascending = true;
    for (let i = start; i < end; i++) {
      order[at + i - start] = payload[i]!;
      if (i > start && payload[i]! < payload[i - 1]!) ascending = false;
    }
    if (!ascending) order.subarray(at, at + end - start).sort();
    at += end - start;
    groupEnd[at - 1] = 1;
    end = start;
  }
  return { order, groupEnd };
}

/**
 * Tells whether a {@link ScoreOrder} is the canonical order of these scores over the rows
 * it holds: scores strictly decreasing from group to group, equal within a group, rows
 * ascending within a group. O(m), stopping at the first mismatch.
 *
 * @param ranked - an order built by {@link scoreOrderKernel}
 * @param scores - the column to check it against
 * @returns true when `scoreOrderKernel(scores, rows)` would return the same order for the
 *   same rows
 * @example
 * ```ts
 * import { scoreOrderKernel, scoreOrderMatches } from '@assay/core-metrics';
 * const scores = new Float64Array([0.2, 0.9, 0.2]);
 * scoreOrderMatches(scoreOrderKernel(scores, null), scores); // true
 * scoreOrderMatches(scoreOrderKernel(scores, null), new Float64Array([0.9, 0.2, 0.2])); // false
 * ```
 */
export function scoreOrderMatches(ranked: ScoreOrder, scores: Float64Array): boolean {
  const { order, groupEnd } = ranked;
  const m = order.length;
  if (m === 0) return true;
  if (order[0]! >= scores.length || groupEnd[m - 1] !== 1) return false;
  let prev = scores[order[0]!]!;
  for (let p = 1; p < m; p++) {
    const r = order[p]!;
    if (r >= scores.length) return false;
    const v = scores[r]!;
    if (groupEnd[p - 1] === 1) {
      if (!(v < prev)) return false;
    } else if (v !== prev || r < order[p - 1]!) {
      return false;
    }
    prev = v;
  }
  return true;
}

/** The per-row arrays {@link inScoreOrder} lays out in ranked order. */
export type RankedValues = Uint8Array | Int32Array | Float64Array;

/**
 * A per-row array laid out in ranked order: position `p` holds `values[order[p]]`, so the
 * ordered kernels read labels and weights in sequence.
 *
 * @param ranked - an order built by {@link scoreOrderKernel}
 * @param values - one value per row of the column
 * @param out - where to write (same type, at least as long as the order), or omitted for a
 *   new array
 * @returns `out`, or a new array of the same type as `values`
 * @example
 * ```ts
 * import { inScoreOrder, scoreOrderKernel } from '@assay/core-metrics';
 * const ranked = scoreOrderKernel(new Float64Array([0.2, 0.9, 0.4]), null);
 * inScoreOrder(ranked, new Uint8Array([0, 1, 1])); // [1, 1, 0]
 * ```
 */
export function inScoreOrder<T extends RankedValues>(ranked: ScoreOrder, values: T, out?: T): T {
  const { order } = ranked;
  const target = out ?? new (values.constructor as new (length: number) => T)(order.length);
  for (let p = 0; p < order.length; p++) target[p] = values[order[p]!]!;
  return target;
}
