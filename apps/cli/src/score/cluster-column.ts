import { type LoadedTable, RunnerError } from '@assay/runner';

/**
 * The `--clusters` column as the runner's `clusterIds`: one integer per row, equal for
 * the rows of one cluster (e.g. the predictions of one item).
 *
 * @param table - the loaded columns
 * @param name - the column named by `--clusters`
 * @returns a cluster id per row
 * @throws {@link RunnerError} `MISSING_VALUE` naming the column and the first row without a
 *   cluster (a row must belong to a cluster; `--drop-missing` does not apply to it)
 * @example
 * clusterIdsOf(table, 'item_id');
 */
export function clusterIdsOf(table: LoadedTable, name: string): Int32Array {
  const column = table.columns.get(name)!;
  // label columns arrive as dictionary codes; numeric ones are coded by value here
  let ids: Int32Array;
  if (column.kind === 'label') ids = column.codes;
  else {
    const codes = new Map<number, number>();
    ids = Int32Array.from(column.values, (v) =>
      Number.isNaN(v) ? -1 : (codes.get(v) ?? codes.set(v, codes.size).size - 1),
    );
  }
  const row = ids.indexOf(-1);
  if (row >= 0) {
    throw new RunnerError(
      'MISSING_VALUE',
      `Column "${name}" (--clusters) has a missing value at data row ${row + 1}; every row needs its cluster (e.g. the item it predicts).`,
      { path: name },
    );
  }
  return ids;
}
