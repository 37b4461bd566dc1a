import { type LoadedTable, MAX_CV_FOLDS, RunnerError } from '@assay/runner';
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
 *   a value that is not a whole number (naming the column and the data row), a text column,
 *   a column of -1 only, or more than `MAX_CV_FOLDS` folds
 * @example
 * ```ts
 * foldIdsOf(table, 'fold'); // values 1, 2, 3 become folds 0, 1, 2
 * ```
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
  return split.foldIds();
}

/**
 * What the report should say about `--folds` beyond the fold rows: the fold values as the
 * file has them when they are not already 0, 1, 2, ... (the report numbers folds from 0, in
 * value order), and the rows that no fold tests (they count in "overall" only).
 *
 * @param table - the loaded columns
 * @param name - the column named by `--folds`
 * @returns the note, or undefined when the folds are 0..K-1 and every row is tested
 * @example
 * ```ts
 * foldNote(table, 'fold'); // '--folds fold: values 1, 2, 3 are reported as folds 0, 1, 2 ...'
 * ```
 */
export function foldNote(table: LoadedTable, name: string): string | undefined {
  const column = table.columns.get(name)!;
  if (column.kind !== 'number') return undefined;
  const split = new PredefinedSplit({ testFold: column.values });
  const values = [...split.folds];
  const untested = column.values.reduce((count, v) => count + (v === -1 ? 1 : 0), 0);
  const renumbered = values.some((v, k) => v !== k);
  if (!renumbered && untested === 0) return undefined;
  const parts: string[] = [];
  if (renumbered) {
    const shown = (list: readonly number[]) =>
      list.length <= 10 ? list.join(', ') : `${list.slice(0, 10).join(', ')}, ...`;
    parts.push(
      `values ${shown(values)} are reported as folds ${shown(values.map((_, k) => k))} (in value order, as scikit-learn's PredefinedSplit)`,
    );
  }
  if (untested > 0) {
    parts.push(
      `${untested.toLocaleString('en-US')} row(s) marked -1 are in no test fold: they count in "overall" but in no fold, so the fold mean can differ from it`,
    );
  }
  return `--folds ${name}: ${parts.join('; ')}.`;
}
