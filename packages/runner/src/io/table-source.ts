import type { InputFormat } from './input-formats.js';
import type { LoadedTable } from './loaded-column.js';
import { csvDataRowLine } from './read-csv.js';
import { jsonlDataRowLine } from './read-jsonl.js';

/** The file a table was loaded from, and its format. */
export interface TableSource {
  readonly file: string;
  readonly format: InputFormat;
}

/**
 * The file of each table `loadColumns` returned, so that a check after loading (a missing
 * value) can name the file and line as the readers do. Kept beside the table, not on it: a
 * table stays plain data, and the loading path pays one map entry per file.
 */
const sources = new WeakMap<LoadedTable, TableSource>();

/**
 * Records where a loaded table came from.
 *
 * @param table - the table `loadColumns` read
 * @param source - its file and format
 * @returns the table
 */
export function withTableSource(table: LoadedTable, source: TableSource): LoadedTable {
  sources.set(table, source);
  return table;
}

/**
 * The file a table was loaded from, when `loadColumns` read it.
 *
 * @param table - a table (a loaded table, an Arrow table, anything)
 * @returns its file and format, or undefined
 */
export function tableSource(table: object): TableSource | undefined {
  return sources.get(table as LoadedTable);
}

/**
 * Where data row `row` (from 0) of a loaded file is, as the readers' messages say it: `line 3
 * (data row 2) of preds.csv` for CSV, TSV and JSON Lines (the line counted as the reader
 * counts it: the header is line 1 of a CSV file, blank lines count as lines but hold no data
 * row), `data row 2 of preds.parquet` for Arrow and Parquet, which have no lines. Reads the
 * text file again up to that row: for an error's message, never on a path that succeeds.
 *
 * @param source - the file and its format
 * @param row - the 0-based data row
 * @returns the place, or undefined when the file no longer has that row
 * @example
 * await dataRowPlace({ file: 'preds.csv', format: 'csv' }, 1); // 'line 3 (data row 2) of preds.csv'
 */
export async function dataRowPlace(source: TableSource, row: number): Promise<string | undefined> {
  const { file, format } = source;
  const rowText = `data row ${row + 1}`;
  if (format === 'arrow' || format === 'parquet') return `${rowText} of ${file}`;
  const line =
    format === 'jsonl'
      ? await jsonlDataRowLine(file, row)
      : await csvDataRowLine(file, row, format === 'tsv' ? '\t' : ',');
  return line === undefined ? undefined : `line ${line} (${rowText}) of ${file}`;
}

/**
 * Where data row `row` of a table is, for a message about that row: its place in the file
 * `loadColumns` read it from (`line 3 (data row 2) of preds.csv`, as the readers' own messages
 * say it; see {@link dataRowPlace}), else `data row 2`.
 *
 * @remarks
 * For checks made after loading (a row without a cluster or a fold): the user finds the row
 * by its line. A text file is read again up to that row, so call it only for an error.
 *
 * @param table - the table (one `loadColumns` returned, or any other)
 * @param row - the 0-based data row
 * @returns the row's place
 * @example
 * ```ts
 * const table = await loadColumns('preds.csv', { columns: { label: 'label' } });
 * await describeDataRow(table, 1); // 'line 3 (data row 2) of preds.csv'
 * await describeDataRow({ columns: new Map(), rowCount: 2 }, 1); // 'data row 2'
 * ```
 */
export async function describeDataRow(table: object, row: number): Promise<string> {
  const source = tableSource(table);
  const place = source === undefined ? undefined : await dataRowPlace(source, row);
  return place ?? `data row ${row + 1}`;
}
