import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { OptionKeys } from '@assay/labels';
import { checkOptionKeys } from '../check-option-keys.js';
import { RunnerError } from '../errors.js';
import { readFailure } from './column-errors.js';
import { requestedColumns } from './column-request.js';
import { INPUT_FORMATS, type InputFormat } from './input-formats.js';
import { checkLabelPair, type LabelPair } from './loaded-census.js';
import type { ColumnKind, LoadedTable } from './loaded-column.js';
import { readCsv } from './read-csv.js';
import type { FileReadPool } from './read-csv-pool.js';
import { readJsonl } from './read-jsonl.js';
import { withTableSource } from './table-source.js';

const EXTENSIONS: Record<string, InputFormat> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'jsonl',
  '.arrow': 'arrow',
  '.arrows': 'arrow',
  '.feather': 'arrow',
  '.ipc': 'arrow',
  '.parquet': 'parquet',
  '.pq': 'parquet',
};

/** Options of {@link loadColumns}. */
export interface LoadColumnsOptions {
  /** The columns to read, with how each is read (`auto` by default). */
  readonly columns: ReadonlyMap<string, ColumnKind> | Readonly<Record<string, ColumnKind>>;
  /** The file format; inferred from the extension when omitted. */
  readonly format?: InputFormat | undefined;
  /**
   * A runner whose workers parse a CSV/TSV file of 4 MiB or more in byte ranges (the same
   * columns as without); without one, with fewer than 2 workers, or on a machine without
   * a core for this thread and each worker, the file is read on this thread. With an Arrow
   * file of 1,048,576 rows or more, its workers (one is enough) and this thread scan the
   * Int32 label columns together.
   */
  readonly runner?: FileReadPool | undefined;
  /**
   * The true and predicted label columns of the scoring call to come. With an Arrow file
   * of 1,048,576 rows or more, a `runner` with workers, and both columns requested as
   * `label` or `auto`, each one Int32 chunk without nulls with values in 0..31, the pool
   * counts the two columns together while it scans them (the label pairs, and the true
   * labels per block of rows). `runner.scorePredictions` on this table, unchanged, with
   * these two columns as `roles.yTrue` and `roles.yPred`, then plans its stratified folds
   * from those counts, and, without `weight`, `slice` or a dropped row, takes its whole-set
   * counts from them, so its bootstrap starts earlier; the results are the same. Ignored
   * for other files and columns.
   */
  readonly labelPair?: LabelPair | undefined;
}

/**
 * The option names of {@link loadColumns}, one per field of {@link LoadColumnsOptions} (the
 * compiler refuses a missing or extra name): a key not listed here is refused, not ignored.
 *
 * @example
 * ```ts
 * Object.keys(LOAD_COLUMNS_OPTION_KEYS); // ['columns', 'format', 'runner', 'labelPair']
 * ```
 */
export const LOAD_COLUMNS_OPTION_KEYS: OptionKeys<LoadColumnsOptions> = {
  columns: true,
  format: true,
  runner: true,
  labelPair: true,
};

/**
 * Infers a file's format from its extension.
 *
 * @param file - a path
 * @returns the format
 * @throws {@link RunnerError} `UNKNOWN_FORMAT` listing the known extensions
 * @example
 * ```ts
 * import { detectFormat } from '@assay/runner';
 * detectFormat('preds.csv'); // 'csv'
 * detectFormat('runs/preds.PARQUET'); // 'parquet'
 * ```
 */
export function detectFormat(file: string): InputFormat {
  const format = EXTENSIONS[extname(file).toLowerCase()];
  if (format === undefined) {
    throw new RunnerError(
      'UNKNOWN_FORMAT',
      `Cannot tell the format of ${file} from its extension; use one of ${Object.keys(EXTENSIONS).join(', ')} or pass --input-format (${INPUT_FORMATS.join(', ')}).`,
      { path: 'inputFormat' },
    );
  }
  return format;
}

/**
 * Loads the named columns of a JSONL, CSV/TSV, Arrow IPC (file or stream) or
 * Parquet file into SharedArrayBuffer-backed typed arrays: Float64 for numbers
 * (NaN = missing), Int32 dictionary codes for labels (-1 = missing). Text
 * formats are streamed; Parquet reads only the requested columns.
 *
 * @param file - path of the file
 * @param options - the columns to read, the format, the runner and the label pair
 * @returns the row count, the columns and the names of every column in the file
 * @throws {@link RunnerError} `INVALID_OPTION` (an unknown option, a `columns` that is no
 *   object of name → kind, an unknown kind, a `labelPair` that is not two column names),
 *   `FILE_NOT_FOUND`, `UNREADABLE_FILE`, `EMPTY_FILE`,
 *   `UNKNOWN_FORMAT`, `MISSING_COLUMN` (listing the columns that exist),
 *   `RAGGED_ROW` (CSV line), `NON_NUMERIC_VALUE` (row)
 * @example
 * ```ts
 * import { loadColumns } from '@assay/runner';
 * const table = await loadColumns('preds.parquet', {
 *   columns: { label: 'label', prediction: 'label', score: 'number' },
 * });
 * table.n; // 4
 * table.columns.get('score'); // { kind: 'number', name: 'score', values: Float64Array [0.9, 0.2, 0.4, 0.1] }
 * table.columns.get('label'); // { kind: 'label', name: 'label', codes: Int32Array [0, 1, 0, 1], dictionary: ['spam', 'ham'] }
 * ```
 */
export async function loadColumns(file: string, options: LoadColumnsOptions): Promise<LoadedTable> {
  checkOptionKeys(options, 'loadColumns', LOAD_COLUMNS_OPTION_KEYS);
  const columns = requestedColumns(options?.columns);
  const pair = checkLabelPair(options.labelPair);
  const format = options.format ?? detectFormat(file);
  if (!INPUT_FORMATS.includes(format)) {
    throw new RunnerError(
      'UNKNOWN_FORMAT',
      `Input format "${String(format)}" is not supported; use one of ${INPUT_FORMATS.join(', ')}.`,
      { path: 'inputFormat' },
    );
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) {
      throw new RunnerError('UNREADABLE_FILE', `${file} is not a regular file; pass a data file.`);
    }
    if (info.size === 0) {
      throw new RunnerError('EMPTY_FILE', `${file} is empty; at least one data row is required.`);
    }
  } catch (error) {
    throw readFailure(file, error);
  }
  // a check after loading (a missing value) then names the file and line as the readers do
  const table = await readFormat(file, format, columns, options.runner, pair);
  return withTableSource(table, { file, format });
}

function readFormat(
  file: string,
  format: InputFormat,
  columns: ReadonlyMap<string, ColumnKind>,
  runner: FileReadPool | undefined,
  pair: LabelPair | undefined,
): Promise<LoadedTable> {
  switch (format) {
    case 'csv':
      return readCsv(file, columns, ',', runner);
    case 'tsv':
      return readCsv(file, columns, '\t', runner);
    case 'jsonl':
      return readJsonl(file, columns);
    // apache-arrow and hyparquet are loaded only for their formats: importing them costs
    // about 30 MB of resident memory that a CSV or JSONL load would otherwise carry
    case 'arrow':
      return import('./read-arrow.js').then((m) => m.readArrow(file, columns, runner, pair));
    case 'parquet':
      return import('./read-parquet.js').then((m) => m.readParquet(file, columns));
  }
}
