import { availableParallelism } from 'node:os';
import { parse } from 'csv-parse';
import { RunnerError } from '../errors.js';
import { CellColumnBuilder } from './column-builders.js';
import { checkColumnsExist, emptyFile, readFailure } from './column-errors.js';
import { CsvFallback } from './csv-bytes.js';
import type { ColumnKind, LoadedTable } from './loaded-column.js';
import { readCsvBytes } from './read-csv-bytes.js';
import { type FileReadPool, readCsvOnPool } from './read-csv-pool.js';
import { splitTextColumns, TextColumnBuilder } from './text-column-builder.js';
import { utf8FileStream } from './utf8-stream.js';

/**
 * Reads a CSV/TSV file (header row first) into the requested columns: with the byte
 * scanner, and with csv-parse where the scanner stops (a file outside its grammar, or a
 * cell refused: csv-parse then names the line).
 *
 * @param file - path of the CSV file
 * @param columns - the columns to read and how
 * @param delimiter - field delimiter (`,` by default; `\t` for TSV)
 * @param pool - a worker pool to parse the file on in byte ranges (2 workers or more and a
 *   core more than workers, files of 4 MiB or more; the same columns; sequential wherever
 *   the pool cannot read it alike)
 * @returns the loaded columns
 * @throws {@link RunnerError} `FILE_NOT_FOUND`, `UNREADABLE_FILE`, `EMPTY_FILE`,
 *   `MISSING_COLUMN`, `RAGGED_ROW` (naming the line), `NON_NUMERIC_VALUE`
 * @example
 * const table = await readCsv('preds.csv', new Map([['label', 'label']]));
 */
export async function readCsv(
  file: string,
  columns: ReadonlyMap<string, ColumnKind>,
  delimiter = ',',
  pool?: FileReadPool,
): Promise<LoadedTable> {
  // from 2 workers, and only where this thread and the workers have a core each: the
  // sequential scanner reads 2M rows in about 0.26 s, while each worker first boots and
  // compiles the scanner afresh; on 2 cores the pool read was slower in every measurement
  if (pool !== undefined && pool.workers >= 2 && availableParallelism() > pool.workers) {
    const table = await readCsvOnPool(file, columns, delimiter, pool);
    if (table !== undefined) return table;
  }
  try {
    return await readCsvBytes(file, columns, delimiter);
  } catch (error) {
    const refused = error instanceof RunnerError && error.code === 'NON_NUMERIC_VALUE';
    if (!(error instanceof CsvFallback) && !refused) throw readFailure(file, error);
  }
  return readCsvStream(file, columns, delimiter);
}

/**
 * Streams a CSV file (header row first) through csv-parse and builds the requested columns.
 *
 * @param file - path of the CSV file
 * @param columns - the columns to read and how
 * @param delimiter - field delimiter (`,` by default; `\t` for TSV)
 * @returns the loaded columns
 * @throws {@link RunnerError} `FILE_NOT_FOUND`, `UNREADABLE_FILE`, `EMPTY_FILE`,
 *   `MISSING_COLUMN`, `RAGGED_ROW` (naming the line), `NON_NUMERIC_VALUE`
 */
export async function readCsvStream(
  file: string,
  columns: ReadonlyMap<string, ColumnKind>,
  delimiter = ',',
): Promise<LoadedTable> {
  const source = utf8FileStream(file);
  const parser = source.pipe(
    parse({ delimiter, relax_column_count: true, info: true, bom: true, trim: false }),
  );
  // pipe() does not forward errors: an invalid byte or a missing file must end the loop below
  source.on('error', (error) => parser.destroy(error));
  let header: string[] | undefined;
  let picks: { index: number; builder: CellColumnBuilder | TextColumnBuilder }[] = [];
  let n = 0;
  try {
    for await (const item of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      const { record, info } = item;
      if (header === undefined) {
        header = record;
        checkColumnsExist(file, [...columns.keys()], header);
        picks = [...columns].map(([name, kind]) => ({
          index: header!.indexOf(name),
          builder:
            kind === 'text' ? new TextColumnBuilder(name) : new CellColumnBuilder(name, kind),
        }));
        continue;
      }
      if (record.length === 1 && record[0] === '' && header.length > 1) continue;
      if (record.length !== header.length) {
        throw new RunnerError(
          'RAGGED_ROW',
          `${file} line ${info.lines} has ${record.length} fields but the header has ${header.length}; every row must have one field per column.`,
          { path: `line ${info.lines}` },
        );
      }
      const where = () => `line ${info.lines} (data row ${n + 1}) of ${file}`;
      for (const pick of picks) pick.builder.push(record[pick.index], true, where);
      n++;
    }
  } catch (error) {
    parser.destroy();
    throw readFailure(file, error);
  }
  if (header === undefined || n === 0) throw emptyFile(file);
  return { n, ...splitTextColumns(picks.map((pick) => pick.builder.finish())), available: header };
}
