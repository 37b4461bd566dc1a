import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { parse } from 'csv-parse';
import { RunnerError } from '../errors.js';
import { CellColumnBuilder } from './column-builders.js';
import { checkColumnsExist, closingQuoteError, emptyFile, readFailure } from './column-errors.js';
import { CsvFallback } from './csv-bytes.js';
import { readingLateTextAgain, throwIfLateText } from './csv-late-text.js';
import { csvRecordLines, textAfterClosingQuote, unclosedQuoteLine } from './csv-quote-line.js';
import { refuseJsonAsCsv } from './json-as-csv.js';
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
 * table.columns.get('label'); // { kind: 'label', name: 'label', codes: Int32Array [0, 1, 0, 1], dictionary: ['spam', 'ham'] }
 */
export async function readCsv(
  file: string,
  columns: ReadonlyMap<string, ColumnKind>,
  delimiter = ',',
  pool?: FileReadPool,
): Promise<LoadedTable> {
  await refuseJsonAsCsv(file, delimiter === '\t' ? 'tsv' : 'csv');
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
 * Records end at LF, CRLF or a lone CR (mixed in one file, as pandas reads them); empty and
 * whitespace-only lines are skipped (`""` is a row of a one-column file); an `auto` column
 * that meets text after numbers is read again as labels.
 *
 * @param file - path of the CSV file
 * @param columns - the columns to read and how
 * @param delimiter - field delimiter (`,` by default; `\t` for TSV)
 * @returns the loaded columns
 * @throws {@link RunnerError} `FILE_NOT_FOUND`, `UNREADABLE_FILE` (an unclosed quote names
 *   the line it opened on), `EMPTY_FILE`, `MISSING_COLUMN`, `RAGGED_ROW` (naming the line),
 *   `NON_NUMERIC_VALUE`
 */
export function readCsvStream(
  file: string,
  columns: ReadonlyMap<string, ColumnKind>,
  delimiter = ',',
): Promise<LoadedTable> {
  return readingLateTextAgain(columns, (kinds) => streamOnce(file, kinds, delimiter));
}

type Pick = { index: number; builder: CellColumnBuilder | TextColumnBuilder };

/** A record of csv-parse with `info` and `raw`. */
type CsvRecord = { record: string[]; info: { lines: number }; raw: string };

/** The file's UTF-8 stream piped into csv-parse as the CSV readers parse it. */
function csvRecords(file: string, delimiter: string) {
  const source = utf8FileStream(file);
  const parser = source.pipe(
    parse({
      delimiter,
      relax_column_count: true,
      // a quote inside an unquoted field is part of it (b"c reads b"c), as pandas reads it
      relax_quotes: true,
      info: true,
      raw: true,
      bom: true,
      trim: false,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }),
  );
  // pipe() does not forward errors: an invalid byte or a missing file must end the loop reading it
  source.on('error', (error) => parser.destroy(error));
  return parser as typeof parser & AsyncIterable<CsvRecord>;
}

/**
 * The line of data row `row` (from 0) of a CSV/TSV file, as the readers' messages count it
 * (`line 3 (data row 2)`: csv-parse's line count, the header on line 1, skipped lines
 * counted). Parses the file again up to that row, for an error found after loading.
 *
 * @param file - path of the CSV file
 * @param row - the 0-based data row
 * @param delimiter - field delimiter (`,` by default; `\t` for TSV)
 * @returns the line, or undefined when the file has no such row (or no longer reads)
 * @example
 * await csvDataRowLine('preds.csv', 1); // 3 (the header is line 1)
 */
export async function csvDataRowLine(
  file: string,
  row: number,
  delimiter = ',',
): Promise<number | undefined> {
  const parser = csvRecords(file, delimiter);
  const lineOf = csvRecordLines();
  let width: number | undefined;
  let n = 0;
  try {
    for await (const item of parser) {
      const line = lineOf(item);
      if (width === undefined) {
        width = item.record.length;
        continue;
      }
      if (skippedRecord(item.record, item.raw, width)) continue;
      if (n === row) return line;
      n++;
    }
  } catch {
    // the file changed or no longer reads: the caller keeps its message without a line
  } finally {
    parser.destroy();
  }
  return undefined;
}

async function streamOnce(
  file: string,
  columns: ReadonlyMap<string, ColumnKind>,
  delimiter: string,
): Promise<LoadedTable> {
  const parser = csvRecords(file, delimiter);
  const lineOf = csvRecordLines();
  let header: string[] | undefined;
  let picks: Pick[] = [];
  let n = 0;
  try {
    for await (const item of parser) {
      const { record } = item;
      const line = lineOf(item);
      const after = item.raw.includes('"')
        ? textAfterClosingQuote(item.raw, line, delimiter)
        : undefined;
      if (after !== undefined) throw closingQuoteError(file, after);
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
      if (skippedRecord(record, item.raw, header.length)) continue;
      if (record.length !== header.length) throw raggedRow(file, line, record, header);
      const where = () => `line ${line} (data row ${n + 1}) of ${file}`;
      for (const pick of picks) pick.builder.push(record[pick.index], true, where);
      n++;
    }
  } catch (error) {
    parser.destroy();
    throw await unclosedQuote(file, delimiter, error);
  }
  throwIfLateText(picks.map((pick) => pick.builder));
  if (header === undefined || n === 0) throw emptyFile(file);
  return { n, ...splitTextColumns(picks.map((pick) => pick.builder.finish())), available: header };
}

/**
 * Whether a record is a line the readers skip: whitespace only, unquoted (an empty line
 * never reaches here), or `""` alone where the header has several fields.
 */
function skippedRecord(record: readonly string[], raw: string, width: number): boolean {
  if (record.length !== 1) return false;
  const cell = record[0]!;
  if (!raw.includes('"')) return /^[ \t]*$/.test(cell);
  return cell === '' && width > 1;
}

/** The error for a record whose field count is not the header's, naming its line. */
function raggedRow(
  file: string,
  line: number,
  record: readonly string[],
  header: readonly string[],
) {
  return new RunnerError(
    'RAGGED_ROW',
    `${file} line ${line} has ${record.length} field${record.length === 1 ? '' : 's'} but the header has ${header.length}; every row must have one field per column.`,
    { path: `line ${line}` },
  );
}

/**
 * csv-parse's error for a quote never closed names the file's last line: names the line
 * where the quote opened instead; any other error as {@link readFailure} words it.
 */
async function unclosedQuote(
  file: string,
  delimiter: string,
  error: unknown,
): Promise<RunnerError> {
  if ((error as { code?: unknown } | null)?.code !== 'CSV_QUOTE_NOT_CLOSED') {
    return readFailure(file, error);
  }
  const line = unclosedQuoteLine(await readFile(file), delimiter);
  if (line === undefined) return readFailure(file, error);
  return new RunnerError(
    'UNREADABLE_FILE',
    `${file} could not be read: the quoted field opened at line ${line} is never closed (the file ends inside it); close the quote with " or remove it (a " inside a quoted field is written "").`,
    { path: `line ${line}`, cause: error },
  );
}
