import { stat } from 'node:fs/promises';
import { CellColumnBuilder } from './column-builders.js';
import { checkColumnsExist, emptyFile } from './column-errors.js';
import { CsvFallback, fieldText, recordFields, scanRecord } from './csv-bytes.js';
import { blankRecord, type CsvPick, pushCell } from './csv-cells.js';
import type { ColumnKind, LoadedTable } from './loaded-column.js';
import { splitTextColumns, TextColumnBuilder } from './text-column-builder.js';
import { utf8FileChunks } from './utf8-stream.js';

const CHUNK_BYTES = 1 << 22;

/**
 * Reads a CSV/TSV file with a byte scanner: numbers are parsed from the bytes and short
 * labels looked up by their bytes, so the common cells never become strings. The cells
 * are read as csv-parse reads them (BOM, quotes, CRLF, empty lines skipped); where a file
 * leaves that grammar or a cell is refused it throws {@link CsvFallback} for the
 * csv-parse reader to read it again and name the line.
 *
 * @param file - path of the file
 * @param columns - the columns to read and how
 * @param delimiter - `,` or `\t`
 * @returns the loaded columns
 * @throws {@link CsvFallback}; `UNREADABLE_FILE` (invalid UTF-8), `MISSING_COLUMN`, `EMPTY_FILE`
 * @example
 * const table = await readCsvBytes('preds.csv', new Map([['score', 'number']]), ',');
 */
export async function readCsvBytes(
  file: string,
  columns: ReadonlyMap<string, ColumnKind>,
  delimiter: string,
): Promise<LoadedTable> {
  const sep = delimiter.charCodeAt(0);
  let header: string[] | undefined;
  let picks: CsvPick[] = [];
  let fields = recordFields(16);
  let carry: Buffer | undefined;
  let n = 0;
  const { size } = await stat(file);
  const chunks = utf8FileChunks(file, CHUNK_BYTES);
  try {
    return await scanChunks(chunks);
  } finally {
    await chunks.return(undefined);
  }
  async function scanChunks(chunks: AsyncGenerator<Buffer>): Promise<LoadedTable> {
    let first = true;
    let reserved = false;
    for (let next = await chunks.next(); ; ) {
      const done = next.done === true;
      let bytes: Buffer =
        carry === undefined
          ? done
            ? Buffer.alloc(0)
            : next.value!
          : done
            ? carry
            : Buffer.concat([carry, next.value!]);
      if (first && !done) {
        first = false;
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      }
      // read the next chunk while this one is scanned
      const pending = done ? undefined : chunks.next();
      // a read error is awaited below; a fallback thrown first must not leave it unhandled
      pending?.catch(() => undefined);
      let at = 0;
      while (at < bytes.length) {
        const after = scanRecord(bytes, at, bytes.length, sep, done, fields);
        if (after < 0) {
          if (done) throw new CsvFallback();
          break;
        }
        if (header === undefined) {
          header = Array.from({ length: fields.count }, (_, k) => fieldText(bytes, fields, k));
          checkColumnsExist(file, [...columns.keys()], header);
          picks = [...columns].map(([name, kind]) => ({
            index: header!.indexOf(name),
            builder:
              kind === 'text'
                ? new TextColumnBuilder(name)
                : new CellColumnBuilder(name, kind, Math.ceil(bytes.length / 8)),
            packed: new Map(),
          }));
          fields = recordFields(header.length);
        } else if (fields.count !== header.length) {
          if (!blankRecord(fields)) throw new CsvFallback();
        } else {
          for (const pick of picks) pushCell(pick, bytes, fields);
          n++;
        }
        at = after;
      }
      if (done) break;
      if (!reserved && header !== undefined && n > 0) {
        // rows of the first chunk scaled to the file's size: room for (nearly) every row
        reserved = true;
        const estimate = Math.ceil(((n * size) / Math.max(1, at)) * 1.05) + 1024;
        for (const pick of picks) {
          if (pick.builder instanceof CellColumnBuilder) pick.builder.reserve(estimate);
        }
      }
      carry = at < bytes.length ? Buffer.from(bytes.subarray(at)) : undefined;
      next = await pending!;
    }
    if (header === undefined || n === 0) throw emptyFile(file);
    return {
      n,
      ...splitTextColumns(picks.map((pick) => pick.builder.finish())),
      available: header,
    };
  }
}
