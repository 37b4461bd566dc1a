import {
  describeDataRow,
  type LoadedTable,
  MAX_CV_FOLDS,
  RunnerError,
} from '@assay/runner/scoring';
import { PredefinedSplit } from '@assay/splitters';

/** The `--folds` column read: the runner's fold ids, each fold's value, the untested rows. */
export interface FoldColumn {
  /** The test fold of each row, numbered 0..K-1 in value order, -1 for none. */
  readonly ids: Int32Array;
  /** The column's value of each fold, ascending (`values[k]` is fold `k`). */
  readonly values: readonly number[];
  /** Rows marked -1: in no test fold. */
  readonly untested: number;
}

/**
 * The `--folds` column's values as numbers: a numeric column as it is; labels (JSON strings
 * such as `"3"`) by their numeric value, where every label is a number.
 *
 * @throws {@link RunnerError} `INVALID_OPTION` naming a label that is not a number and its row
 */
async function foldValuesOf(table: LoadedTable, name: string): Promise<Float64Array> {
  const column = table.columns.get(name)!;
  if (column.kind === 'number') return column.values;
  const { dictionary, codes } = column;
  const text = dictionary.findIndex((l) => typeof l !== 'number' && !/^-?\d+$/.test(l.trim()));
  if (text >= 0) {
    throw new RunnerError(
      'INVALID_OPTION',
      `Column "${name}" (--folds) has "${String(dictionary[text])}" at ${await describeDataRow(table, codes.indexOf(text))}; a fold is a whole number (0, 1, 2, ...; -1 = never tested).`,
      { path: 'folds' },
    );
  }
  return Float64Array.from(codes, (c) => (c < 0 ? Number.NaN : Number(dictionary[c])));
}

/**
 * The `--folds` column as the runner's `foldIds`, as scikit-learn's `PredefinedSplit` reads
 * its `test_fold`: fold `k` tests the rows with the `k`-th smallest value, and rows marked -1
 * are never tested (they train every fold).
 *
 * @param table - the loaded columns (`--folds` read as numbers, or labels that are numbers)
 * @param name - the column named by `--folds`
 * @returns the fold ids, each fold's value and the count of -1 rows
 * @throws {@link RunnerError} `MISSING_VALUE` for a row without a fold, `INVALID_OPTION` for
 *   a value that is not a whole number (naming the column and the row's line in the file), a text column,
 *   a column of -1 only, or more than `MAX_CV_FOLDS` folds
 * @example
 * ```ts
 * await readFoldColumn(table, 'fold'); // values 1, 2, 3 become folds 0, 1, 2
 * ```
 */
export async function readFoldColumn(table: LoadedTable, name: string): Promise<FoldColumn> {
  const values = await foldValuesOf(table, name);
  let untested = 0;
  for (let row = 0; row < values.length; row++) {
    const v = values[row]!;
    if (Number.isNaN(v)) {
      throw new RunnerError(
        'MISSING_VALUE',
        `Column "${name}" (--folds) has a missing value at ${await describeDataRow(table, row)}; every row needs its test fold (-1 for a row that is never tested).`,
        { path: name },
      );
    }
    if (!Number.isInteger(v) || Math.abs(v) > 2 ** 31 - 1) {
      throw new RunnerError(
        'INVALID_OPTION',
        `Column "${name}" (--folds) has ${v} at ${await describeDataRow(table, row)}; a fold is a whole number (0, 1, 2, ...; -1 = never tested).`,
        { path: 'folds' },
      );
    }
    if (v === -1) untested++;
  }
  const split = new PredefinedSplit({ testFold: values });
  if (split.folds.length === 0) {
    throw new RunnerError(
      'INVALID_OPTION',
      `Column "${name}" (--folds) marks every row -1 (never tested), so there is no fold to score; give the rows of each test fold a whole number (0, 1, 2, ...).`,
      { path: 'folds' },
    );
  }
  if (split.folds.length > MAX_CV_FOLDS) {
    throw new RunnerError(
      'INVALID_OPTION',
      `Column "${name}" (--folds) has ${split.folds.length.toLocaleString('en-US')} distinct folds, above the limit of ${MAX_CV_FOLDS.toLocaleString('en-US')} folds per job; is it a fold column (a row id, say, is not)?`,
      { path: 'folds' },
    );
  }
  return { ids: split.foldIds(), values: [...split.folds], untested };
}

/**
 * The warning for `--folds` rows marked -1: they count in "overall" but in no fold, so the
 * fold mean can differ from it without another cause.
 *
 * @param name - the column named by `--folds`
 * @param folds - the column read
 * @returns the warning, or undefined when every row is tested
 * @example
 * ```ts
 * untestedRowsWarning('fold', { ids, values: [0, 1], untested: 217 });
 * // '--folds fold: 217 row(s) marked -1 are in no test fold: ...'
 * ```
 */
export function untestedRowsWarning(name: string, folds: FoldColumn): string | undefined {
  if (folds.untested === 0) return undefined;
  return `--folds ${name}: ${folds.untested.toLocaleString('en-US')} row(s) marked -1 are in no test fold: they count in "overall" but in no fold, so the fold mean can differ from it.`;
}
