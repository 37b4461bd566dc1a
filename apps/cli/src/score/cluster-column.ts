import { describeDataRow, type LoadedTable, RunnerError } from '@assay/runner/scoring';

/**
 * The `--clusters` column as the runner's `clusterIds`: one integer per row, equal for
 * the rows of one cluster (e.g. the predictions of one item).
 *
 * @param table - the loaded columns
 * @param name - the column named by `--clusters`
 * @returns a cluster id per row
 * @throws {@link RunnerError} `MISSING_VALUE` naming the column and the first row without a
 *   cluster by its line in the file (a row must belong to a cluster; `--drop-missing` does not
 *   apply to it); `INVALID_OPTION` for a fractional number (a score column named by mistake)
 * @example
 * await clusterIdsOf(table, 'item_id');
 */
export async function clusterIdsOf(table: LoadedTable, name: string): Promise<Int32Array> {
  const column = table.columns.get(name)!;
  // label columns arrive as dictionary codes; numeric ones are coded by value here
  let ids: Int32Array;
  if (column.kind === 'label') {
    ids = column.codes;
    await refuseFraction(table, name, ids, (code) =>
      code < 0 ? undefined : column.dictionary[code],
    );
  } else {
    await refuseFraction(table, name, column.values, (v) => v);
    const codes = new Map<number, number>();
    ids = Int32Array.from(column.values, (v) =>
      Number.isNaN(v) ? -1 : (codes.get(v) ?? codes.set(v, codes.size).size - 1),
    );
  }
  const row = ids.indexOf(-1);
  if (row >= 0) {
    throw new RunnerError(
      'MISSING_VALUE',
      `Column "${name}" (--clusters) has a missing value at ${await describeDataRow(table, row)}; every row needs its cluster (e.g. the item it predicts).`,
      { path: name },
    );
  }
  return ids;
}

/**
 * Refuses a fractional number among the cluster ids: a score column named by mistake, which
 * would make nearly every row a cluster of its own.
 */
async function refuseFraction<T>(
  table: LoadedTable,
  name: string,
  cells: ArrayLike<T>,
  numberOf: (cell: T) => unknown,
): Promise<void> {
  for (let i = 0; i < cells.length; i++) {
    const v = numberOf(cells[i]!);
    if (typeof v === 'number' && !Number.isNaN(v) && !Number.isInteger(v)) {
      throw new RunnerError(
        'INVALID_OPTION',
        `Column "${name}" (--clusters) has ${v} at ${await describeDataRow(table, i)}; cluster ids are whole numbers or labels, equal for the rows of one cluster (e.g. the item id).`,
        { path: name },
      );
    }
  }
}
