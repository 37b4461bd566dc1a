import { stat } from 'node:fs/promises';
import { CellColumnBuilder } from './column-builders.js';
import { checkColumnsExist, emptyFile } from './column-errors.js';
import { CsvFallback, fieldText, recordFields, scanRecord } from './csv-bytes.js';
import { csvPick } from './csv-cells.js';
import { CsvChunkReader } from './csv-chunk-reader.js';
import { readingLateTextAgain, throwIfLateText } from './csv-late-text.js';
import { readRecords, recordLoop } from './csv-record-loop.js';
import type { ColumnKind, LoadedTable } from './loaded-column.js';
import { splitTextColumns, TextColumnBuilder } from './text-column-builder.js';

/** The reused read buffer: small enough to stay in the CPU's caches while it is scanned. */
const CHUNK_BYTES = 1 << 20;

/**
 * Reads a CSV/TSV file with a byte scanner: numbers are parsed from the bytes and short
 * labels looked up by their bytes, so the common cells never become strings. The cells
 * are read as csv-parse reads them (BOM, quotes, CRLF, empty lines skipped); where a file
 * leaves that grammar or a cell is refused it throws {@link CsvFallback} for the
 * csv-parse reader to read it again and name the line. An `auto` column that meets text
 * after rows read as numbers is read again as `label` (each cell the label of its text).
 *
 * @param file - path of the file
 * @param columns - the columns to read and how
 * @param delimiter - `,` or `\t`
 * @returns the loaded columns
 * @throws {@link CsvFallback}; `UNREADABLE_FILE` (invalid UTF-8), `MISSING_COLUMN`, `EMPTY_FILE`
 * @example
 * const table = await readCsvBytes('preds.csv', new Map([['score', 'number']]), ',');
 * table.n; // 4
 * table.columns.get('score').values; // Float64Array [0.9, 0.2, 0.4, 0.1]
 * table.available; // ['label', 'prediction', 'score']
 */
export async function readCsvBytes(
  file: string,
  columns: ReadonlyMap<string, ColumnKind>,
  delimiter: string,
): Promise<LoadedTable> {
  const { size } = await stat(file);
  return readingLateTextAgain(columns, async (kinds) => {
    const reader = await CsvChunkReader.open(file, CHUNK_BYTES);
    try {
      return await readFile(file, reader, kinds, delimiter.charCodeAt(0), size);
    } finally {
      await reader.close();
    }
  });
}

/** Reads the header record; returns its names and the offset after it. */
async function readHeader(
  file: string,
  reader: CsvChunkReader,
  sep: number,
): Promise<{ header: string[]; at: number }> {
  await reader.next(0);
  const b = reader.bytes;
  let at = reader.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  const fields = recordFields(16);
  for (;;) {
    if (at >= reader.length && reader.done) throw emptyFile(file);
    const after = scanRecord(reader.bytes, at, reader.length, sep, reader.done, fields);
    if (after >= 0) {
      const header = Array.from({ length: fields.count }, (_, k) =>
        fieldText(reader.bytes, fields, k),
      );
      return { header, at: after };
    }
    if (reader.done) throw new CsvFallback();
    await reader.next(at);
    at = 0;
  }
}

/**
 * Rows to make room for: the line feeds in the first chunk scaled to the file's size, +5%,
 * so that the columns are neither grown and copied nor much too long (a column at most a
 * quarter empty is returned as a view of its buffer).
 */
function expectedRows(bytes: Buffer, from: number, to: number, size: number): number {
  let lines = 0;
  for (let i = bytes.indexOf(0x0a, from); i >= 0 && i < to; i = bytes.indexOf(0x0a, i + 1)) {
    lines++;
  }
  return Math.ceil(((lines * size) / Math.max(1, to - from)) * 1.05) + 1024;
}

async function readFile(
  file: string,
  reader: CsvChunkReader,
  columns: ReadonlyMap<string, ColumnKind>,
  sep: number,
  size: number,
): Promise<LoadedTable> {
  const { header, at: first } = await readHeader(file, reader, sep);
  checkColumnsExist(file, [...columns.keys()], header);
  const capacity = expectedRows(reader.bytes, first, reader.length, size);
  const picks = [...columns].map(([name, kind]) =>
    csvPick(
      header.indexOf(name),
      kind === 'text' ? new TextColumnBuilder(name) : new CellColumnBuilder(name, kind, capacity),
    ),
  );
  const builders = picks.map((pick) => pick.builder);
  const loop = recordLoop(picks, header.length, sep, Number.POSITIVE_INFINITY);
  let at = first;
  for (;;) {
    at = readRecords(reader.bytes, at, reader.length, reader.done, loop);
    throwIfLateText(builders);
    if (reader.done) break;
    await reader.next(at);
    at = 0;
  }
  if (loop.n === 0) throw emptyFile(file);
  return {
    n: loop.n,
    ...splitTextColumns(builders.map((builder) => builder.finish())),
    available: header,
  };
}
