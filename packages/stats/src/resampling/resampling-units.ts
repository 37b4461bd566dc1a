import { StatsError } from '../errors.js';
import { describeValue } from '../validation/check-arguments.js';

/**
 * The units a bootstrap draws, each a run of row values: unit `k` holds
 * `values[starts[k]..starts[k + 1])`.
 */
export interface ResamplingUnits {
  /** Number of units (rows, or distinct clusters). */
  readonly count: number;
  /** `count + 1` offsets into `values`. */
  readonly starts: Uint32Array;
  /** The rows' values, unit by unit, in row order within a unit. */
  readonly values: Int32Array;
}

/**
 * Groups the rows' values into resampling units: one unit per row, or one per distinct
 * cluster id in order of first appearance, so that singleton clusters give exactly the
 * rows' units (and the same draws from the same seed).
 *
 * @param fn - the public function being called, for messages
 * @param values - one value per row (e.g. a rating pair's cell)
 * @param clusterIds - one cluster id per row, or undefined for rows as units
 * @returns the units
 * @throws StatsError `LENGTH_MISMATCH` when `clusterIds` has another length,
 *   `MISSING_VALUE` for a null, undefined or NaN cluster id (path `options.clusterIds[i]`)
 * @example
 * ```ts
 * resamplingUnits('f', Int32Array.of(10, 11, 12), undefined); // { count: 3, starts: [0, 1, 2, 3], values: [10, 11, 12] }
 * resamplingUnits('f', Int32Array.of(10, 11, 12, 13), ['b', 'a', 'b', 'c']);
 * // { count: 3, starts: [0, 2, 3, 4], values: [10, 12, 11, 13] } (units b, a, c)
 * ```
 */
export function resamplingUnits(
  fn: string,
  values: Int32Array,
  clusterIds: ArrayLike<string | number> | undefined,
): ResamplingUnits {
  const n = values.length;
  if (clusterIds === undefined) {
    const starts = new Uint32Array(n + 1);
    for (let i = 0; i <= n; i++) starts[i] = i;
    return { count: n, starts, values };
  }
  const path = 'options.clusterIds';
  if (clusterIds.length !== n) {
    throw new StatsError(
      'LENGTH_MISMATCH',
      path,
      `${fn}: ${path} has ${clusterIds.length} ids but there are ${n} rows; give one cluster id per row.`,
    );
  }
  const unitOf = new Int32Array(n);
  const index = new Map<string | number, number>();
  const sizes: number[] = [];
  for (let i = 0; i < n; i++) {
    const id = clusterIds[i];
    if (id === null || id === undefined || (typeof id === 'number' && Number.isNaN(id))) {
      throw new StatsError(
        'MISSING_VALUE',
        `${path}[${i}]`,
        `${fn}: ${path}[${i}] is ${describeValue(id)}; every row needs a cluster id (a string or a number).`,
      );
    }
    let unit = index.get(id);
    if (unit === undefined) {
      unit = sizes.length;
      index.set(id, unit);
      sizes.push(0);
    }
    unitOf[i] = unit;
    sizes[unit]!++;
  }
  const count = sizes.length;
  const starts = new Uint32Array(count + 1);
  for (let k = 0; k < count; k++) starts[k + 1] = starts[k]! + sizes[k]!;
  const next = starts.slice(0, count);
  const grouped = new Int32Array(n);
  for (let i = 0; i < n; i++) grouped[next[unitOf[i]!]!++] = values[i]!;
  return { count, starts, values: grouped };
}
