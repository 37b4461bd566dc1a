import { drawIndices, type Rng } from '@assay/splitters';
import type { ClusterColumn } from '../score/score-columns.js';

/** Rows grouped by cluster: cluster `k` holds `rows[starts[k]..starts[k + 1])`. */
export interface ClusterRows {
  /** Distinct clusters among the rows. */
  readonly count: number;
  /** `count + 1` offsets into `rows`. */
  readonly starts: Uint32Array;
  /** Row indices, cluster by cluster, ascending within a cluster. */
  readonly rows: Uint32Array;
}

/**
 * Groups rows by their cluster, clusters in order of first appearance among the rows.
 *
 * @param clusters - the rows' cluster codes
 * @param base - the rows to group (ascending), or null for every row
 * @returns the grouping
 * @example
 * groupRowsByCluster({ codes: Int32Array.of(0, 1, 0), count: 2 }, null);
 * // { count: 2, starts: [0, 2, 3], rows: [0, 2, 1] }
 */
export function groupRowsByCluster(clusters: ClusterColumn, base: Uint32Array | null): ClusterRows {
  const { codes } = clusters;
  const m = base === null ? codes.length : base.length;
  const local = new Int32Array(clusters.count).fill(-1);
  const sizes: number[] = [];
  for (let i = 0; i < m; i++) {
    const c = codes[base === null ? i : base[i]!]!;
    if (local[c]! < 0) {
      local[c] = sizes.length;
      sizes.push(0);
    }
    sizes[local[c]!]!++;
  }
  const count = sizes.length;
  const starts = new Uint32Array(count + 1);
  for (let k = 0; k < count; k++) starts[k + 1] = starts[k]! + sizes[k]!;
  const next = starts.slice(0, count);
  const rows = new Uint32Array(m);
  for (let i = 0; i < m; i++) {
    const row = base === null ? i : base[i]!;
    rows[next[local[codes[row]!]!]!++] = row;
  }
  return { count, starts, rows };
}

// per worker: the whole set's and each selection's grouping, built once per job
const groupingCache = new WeakMap<Int32Array, WeakMap<object, ClusterRows>>();

function cachedGrouping(clusters: ClusterColumn, base: Uint32Array | null): ClusterRows {
  let byBase = groupingCache.get(clusters.codes);
  if (byBase === undefined) {
    byBase = new WeakMap();
    groupingCache.set(clusters.codes, byBase);
  }
  const key = base ?? clusters.codes;
  let grouping = byBase.get(key);
  if (grouping === undefined) {
    grouping = groupRowsByCluster(clusters, base);
    byBase.set(key, grouping);
  }
  return grouping;
}

/** One bootstrap replicate's rows, drawn with the replicate's generator. */
export type RowDraw = (rng: Rng) => Uint32Array;

/**
 * How a replicate draws its rows: `m` rows with replacement (`rng.nextInt(m)` each), or,
 * with clusters, `C` clusters with replacement (`rng.nextInt(C)` each, in the same order)
 * and every row of each drawn cluster.
 *
 * @param n - rows of the whole set
 * @param base - the selection's rows (ascending), or null for every row
 * @param clusters - the rows' clusters, or undefined for rows as the unit
 * @returns the draw; the array it returns is reused by the next call
 * @remarks
 * A cluster is all predictions of one item (repeated CV, several samples): resampling rows
 * would treat each repeat as new evidence and narrow the interval with no new information.
 * Drawing the clusters in the row draw's order makes data of singleton clusters draw exactly
 * the row bootstrap's rows, and data whose items are each repeated `r` times draw each
 * repeated row set of the unrepeated data's draw (so ratio metrics get the same interval).
 * @example
 * const draw = rowDraw(4, null, undefined);
 * draw(createRng(1)); // Uint32Array [0, 2, 3, 1]: 4 rows with replacement
 * const byCluster = rowDraw(4, null, { codes: Int32Array.of(0, 0, 1, 1), count: 2 });
 * byCluster(createRng(1)); // Uint32Array [0, 1, 2, 3]: both rows of each drawn cluster
 */
export function rowDraw(
  n: number,
  base: Uint32Array | null,
  clusters: ClusterColumn | undefined,
): RowDraw {
  if (clusters === undefined) {
    const size = base === null ? n : base.length;
    const drawn = new Uint32Array(size);
    return (rng) => drawIndices(rng, drawn, size, base);
  }
  const { count, starts, rows } = cachedGrouping(clusters, base);
  let drawn = new Uint32Array(rows.length);
  return (rng) => {
    let length = 0;
    for (let j = 0; j < count; j++) {
      const k = rng.nextInt(count);
      const from = starts[k]!;
      const to = starts[k + 1]!;
      // a draw of large clusters can hold more rows than the selection
      if (length + to - from > drawn.length) {
        const grown = new Uint32Array(Math.max(2 * drawn.length, length + to - from));
        grown.set(drawn.subarray(0, length));
        drawn = grown;
      }
      for (let t = from; t < to; t++) drawn[length++] = rows[t]!;
    }
    return drawn.subarray(0, length);
  };
}
