import { type LoadedTable, RunnerError } from '@assay/runner';
import { PredefinedSplit } from '@assay/splitters';

/**
 * The `--folds` column as the runner's `foldIds`, as scikit-learn's `PredefinedSplit` reads
 * its `test_fold`: fold `k` tests the rows with the `k`-th smallest value, and rows marked -1
 * are never tested (they train every fold).
 *
 * @param table - the loaded columns (`--folds` read as numbers)
 * @param name - the column named by `--folds`
 * @returns a test fold per row, numbered 0..K-1, or -1
 * @throws {@link RunnerError} `MISSING_VALUE` for a row without a fold, `INVALID_OPTION` for
 *   a value that is not a whole number (naming the column and the data row) or a text column
 * @example
 * foldIdsOf(table, 'fold'); // values 1, 2, 3 become folds 0, 1, 2
 */
export function foldIdsOf(table: LoadedTable, name: string): Int32Array {
  const column = table.columns.get(name)!;
  if (column.kind === 'label') {
    throw new RunnerError(
      'INVALID_OPTION',
      `Column "${name}" (--folds) holds text such as "${String(column.dictionary[0])}"; give each row a whole-number fold (0, 1, 2, ...; -1 = never tested).`,
      { path: 'folds' },
    );
  }
  const values = column.values;
  for (let row = 0; row < values.length; row++) {
    const v = values[row]!;
    if (Number.isNaN(v)) {
      throw new RunnerError(
        'MISSING_VALUE',
        `Column "${name}" (--folds) has a missing value at data row ${row + 1}; every row needs its test fold (-1 for a row that is never tested).`,
        { path: name },
      );
    }
    if (!Number.isInteger(v) || Math.abs(v) > 2 ** 31 - 1) {
      throw new RunnerError(
        'INVALID_OPTION',
        `Column "${name}" (--folds) has ${v} at data row ${row + 1}; a fold is a whole number (0, 1, 2, ...; -1 = never tested).`,
        { path: 'folds' },
      );
    }
  }
  return new PredefinedSplit({ testFold: values }).foldIds();
}
