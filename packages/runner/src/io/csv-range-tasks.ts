import { isUtf8 } from 'node:buffer';
import { CellColumnBuilder } from './column-builders.js';
import { CsvFallback, recordFields, scanRecord } from './csv-bytes.js';
import { blankRecord, type CsvPick, pushCell } from './csv-cells.js';
import type {
  CsvCountTask,
  CsvParseTask,
  CsvQuoteTask,
  CsvRangeColumnResult,
} from './csv-range-types.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Counts the `"` bytes of a range: the quote parity before each split point is the sum
 * over the ranges before it.
 *
 * @param task - the range
 * @returns the number of quote bytes
 * @example
 * countQuotes({ kind: 'csv-quotes', bytes, start: 0, end: bytes.length });
 */
export function countQuotes(task: CsvQuoteTask): number {
  const { bytes, end } = task;
  let quotes = 0;
  for (let i = task.start; i < end; i++) if (bytes[i] === QUOTE) quotes++;
  return quotes;
}

/** Whether the line `[from, to)` (its line break excluded) is one empty field: `` or `""`. */
function blankLine(bytes: Uint8Array, from: number, to: number): boolean {
  let end = to;
  if (end > from && bytes[end - 1] === CR) end--;
  return end === from || (end - from === 2 && bytes[from] === QUOTE && bytes[from + 1] === QUOTE);
}

/**
 * Counts the records of a range that starts at a record boundary: line feeds outside
 * quotes end records; empty lines are not rows when the header has several fields (the
 * readers skip them). The parse task checks this count against what it reads. The range's
 * bytes are checked to be UTF-8 here (ranges start after a line feed, never inside a
 * character), so that the check runs on every worker instead of the calling thread.
 *
 * @param task - the range
 * @returns the number of rows
 * @throws {@link CsvFallback} for invalid UTF-8 (the sequential reader names its line)
 * @example
 * countRecords({ kind: 'csv-count', bytes, start: 14, end: bytes.length, width: 3 });
 */
export function countRecords(task: CsvCountTask): number {
  const { bytes, end } = task;
  if (!isUtf8(bytes.subarray(task.start, end))) throw new CsvFallback();
  const blanksAreRows = task.width === 1;
  let rows = 0;
  let quoted = false;
  let line = task.start;
  for (let i = task.start; i < end; i++) {
    const b = bytes[i]!;
    if (b === LF) {
      if (!quoted) {
        if (blanksAreRows || !blankLine(bytes, line, i)) rows++;
        line = i + 1;
      }
    } else if (b === QUOTE) {
      quoted = !quoted;
    }
  }
  if (line < end && (blanksAreRows || !blankLine(bytes, line, end))) rows++;
  return rows;
}

/**
 * Parses the records of a byte range into the range's rows of the shared columns, as the
 * sequential byte scanner reads them (same cells, same number parsing, an `auto` column
 * turning into labels at its first non-numeric cell). Label codes are local to the range:
 * the reader merges the ranges' dictionaries in range order and remaps them.
 *
 * @param task - the range, its row count and its views of the columns
 * @returns per column: null while numeric, else the local dictionary and the first label row
 * @throws {@link CsvFallback} where the range leaves the scanner's grammar, does not end at
 *   a record boundary or holds another number of rows than counted; `NON_NUMERIC_VALUE`
 * @example
 * const found = parseCsvRange(task); // [null, { dictionary: ['a', 'b'], switchedAt: 0 }]
 */
export function parseCsvRange(task: CsvParseTask): CsvRangeColumnResult[] {
  const view = task.bytes;
  const bytes = Buffer.from(view.buffer, view.byteOffset, view.byteLength);
  const picks: CsvPick[] = task.columns.map((column) => ({
    index: column.index,
    builder: new CellColumnBuilder(column.name, column.kind, undefined, {
      numbers: column.numbers,
      codes: column.codes,
    }),
    packed: new Map(),
  }));
  const switchedAt = picks.map((pick): number =>
    (pick.builder as CellColumnBuilder).labelSink() === undefined ? -1 : 0,
  );
  const fields = recordFields(task.width);
  const { end, width, rows } = task;
  let n = 0;
  for (let at = task.start; at < end; ) {
    const after = scanRecord(bytes, at, end, task.delimiter, true, fields);
    // a record running past the range: the split point was inside a quoted field
    if (after < 0) throw new CsvFallback();
    if (fields.count !== width) {
      if (!blankRecord(fields)) throw new CsvFallback();
    } else {
      if (n === rows) throw new CsvFallback();
      for (let k = 0; k < picks.length; k++) {
        const pick = picks[k]!;
        pushCell(pick, bytes, fields);
        if (switchedAt[k]! < 0 && (pick.builder as CellColumnBuilder).labelSink() !== undefined) {
          switchedAt[k] = n;
        }
      }
      n++;
    }
    at = after;
  }
  if (n !== rows) throw new CsvFallback();
  return picks.map((pick, k) => {
    const labels = (pick.builder as CellColumnBuilder).labelSink();
    return labels === undefined
      ? null
      : { dictionary: labels.dictionary, switchedAt: switchedAt[k]! };
  });
}
