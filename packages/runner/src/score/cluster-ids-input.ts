import { RunnerError } from '../errors.js';
import { sharedInt32 } from '../io/shared-arrays.js';
import type { ClusterColumn, ScoreColumns } from './score-columns.js';

/**
 * Codes caller-supplied cluster ids (one per row) as `0..C-1` in order of first
 * appearance, in shared memory, so the bootstrap can draw whole clusters.
 *
 * @param clusterIds - the cluster of each row (any non-negative integers)
 * @param n - row count
 * @param path - the option's name, for errors
 * @returns the codes and the number of distinct clusters
 * @throws {@link RunnerError} `INVALID_OPTION` for a wrong length or an id that is not a
 *   non-negative integer
 * @remarks
 * First-appearance order makes cluster `k` of data whose rows are all distinct clusters
 * row `k`, so drawing clusters then draws exactly the rows a row bootstrap draws.
 * @example
 * clusterColumn([7, 7, 3], 3); // { codes: Int32Array [0, 0, 1], count: 2 }
 */
export function clusterColumn(
  clusterIds: ArrayLike<number>,
  n: number,
  path = 'clusterIds',
): ClusterColumn {
  if (clusterIds.length !== n) {
    throw new RunnerError(
      'INVALID_OPTION',
      `${path} has ${clusterIds.length} entries but there are ${n} rows; give one cluster id (e.g. the item) per row.`,
      { path },
    );
  }
  let max = -1;
  for (let i = 0; i < n; i++) {
    const id = clusterIds[i]!;
    if (!Number.isSafeInteger(id) || id < 0) {
      throw new RunnerError(
        'INVALID_OPTION',
        `${path}[${i}] is ${String(id)}; cluster ids must be non-negative integers, one per row.`,
        { path },
      );
    }
    if (id > max) max = id;
  }
  const codes = sharedInt32(n);
  // dense ids (item indices, label codes) are coded through a table, sparse ones through a Map
  const table = max < 4 * n + 64 ? new Int32Array(max + 1).fill(-1) : null;
  const others = new Map<number, number>();
  let count = 0;
  for (let i = 0; i < n; i++) {
    const id = clusterIds[i]!;
    let code = table !== null ? table[id]! : (others.get(id) ?? -1);
    if (code < 0) {
      code = count++;
      if (table !== null) table[id] = code;
      else others.set(id, code);
    }
    codes[i] = code;
  }
  return { codes, count };
}

/**
 * The columns with their rows' clusters, when `clusterIds` is given.
 *
 * @param columns - the prepared columns
 * @param clusterIds - the cluster of each row, or undefined
 * @param dropped - rows preparation dropped (the ids would no longer line up)
 * @returns the columns, with `clusters` when ids were given
 * @throws {@link RunnerError} `INVALID_OPTION` for bad ids, or ids with dropped rows
 * @example
 * const { columns } = prepareColumns({ yTrue: [0, 1, 1, 0], yPred: [0, 1, 0, 0] });
 * withClusters(columns, [7, 7, 3, 3], 0).clusters; // { codes: Int32Array [0, 0, 1, 1], count: 2 }
 * withClusters(columns, undefined, 0).clusters; // undefined
 */
export function withClusters(
  columns: ScoreColumns,
  clusterIds: ArrayLike<number> | undefined,
  dropped: number,
): ScoreColumns {
  if (clusterIds === undefined) return columns;
  if (dropped > 0) {
    throw new RunnerError(
      'INVALID_OPTION',
      'clusterIds cannot be combined with dropMissing: the cluster ids would no longer line up with the rows; drop the rows before assigning clusters.',
      { path: 'clusterIds' },
    );
  }
  return { ...columns, clusters: clusterColumn(clusterIds, columns.n) };
}
