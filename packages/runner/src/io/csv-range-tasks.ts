import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { CellColumnBuilder } from './column-builders.js';
import { CsvFallback } from './csv-bytes.js';
import { type CsvPick, csvPick } from './csv-cells.js';
import { countSpan, growRangeBuffer, rangeBuffer } from './csv-range-count.js';
import type {
  CsvParseResult,
  CsvParseTask,
  CsvRangeColumnResult,
  CsvSpanCount,
  CsvTask,
} from './csv-range-types.js';
import { type RecordLoop, readRecords, recordLoop } from './csv-record-loop.js';

/** The builders of one range: each writes into the range's rows of its shared column. */
function rangePicks(task: CsvParseTask, from: number, to: number): CsvPick[] {
  return task.columns.map((column) =>
    csvPick(
      column.index,
      new CellColumnBuilder(column.name, column.kind, undefined, {
        numbers: column.numbers?.subarray(from, to),
        codes: column.codes?.subarray(from, to),
      }),
    ),
  );
}

/**
 * Parses range `r` of a task into its rows of the shared columns, as the sequential byte
 * scanner reads them (same cells, same number parsing, an `auto` column turning into
 * labels at its first non-numeric cell). Label codes are local to the range: the reader
 * merges the ranges' dictionaries in range order and remaps them.
 *
 * @param task - the file, its ranges and the columns
 * @param r - the range
 * @returns per column: null while numeric, else the local dictionary and the first label row
 * @throws {@link CsvFallback} where the range leaves the scanner's grammar, does not end at
 *   a record boundary or holds another number of rows than counted; `NON_NUMERIC_VALUE`
 * @example
 * const ranges = { starts: [23, 49], ends: [49, 74], rows: [2, 2], offsets: [0, 2] }; // preds.csv in two ranges
 * const columns = [{ index: 0, name: 'label', kind: 'label', codes: new Int32Array(4) }, { index: 2, name: 'score', kind: 'number', numbers: new Float64Array(4) }];
 * const task = { kind: 'csv-parse', bytes: undefined, file: 'preds.csv', delimiter: 0x2c, width: 3, ranges, next: new Int32Array(1), columns };
 * parseCsvRange(task, 1); // [{ dictionary: ['spam', 'ham'], switchedAt: 0 }, null]
 * columns[0].codes; // Int32Array [0, 0, 0, 1]: rows 2 and 3, in the range's own codes
 * columns[1].numbers; // Float64Array [0, 0, 0.4, 0.1]
 */
export function parseCsvRange(task: CsvParseTask, r: number): CsvRangeColumnResult[] {
  const rows = task.ranges.rows[r]!;
  const offset = task.ranges.offsets[r]!;
  const picks = rangePicks(task, offset, offset + rows);
  const loop = recordLoop(picks, task.width, task.delimiter, rows);
  const start = task.ranges.starts[r]!;
  const end = task.ranges.ends[r]!;
  const view = task.bytes;
  if (view === undefined) readFileRange(task.file!, start, end, loop);
  else {
    const bytes = Buffer.from(view.buffer, view.byteOffset, view.byteLength);
    // checked here, on every thread at once: a range starts and ends at a line break, so on
    // whole characters; invalid UTF-8 goes to the sequential reader, which names its line
    if (!isUtf8(bytes.subarray(start, end))) throw new CsvFallback();
    // a record running past the range (the split point was inside a quoted field) fails here
    readRecords(bytes, start, end, true, loop);
  }
  if (loop.n !== rows) throw new CsvFallback();
  return picks.map((pick, k) => {
    const labels = (pick.builder as CellColumnBuilder).labelSink();
    return labels === undefined
      ? null
      : { dictionary: labels.dictionary, switchedAt: loop.switchedAt[k]! };
  });
}

/**
 * Reads the records of the file's bytes `[start, end)` through this thread's reused range
 * buffer, chunk after chunk, each chunk's whole records checked to be UTF-8.
 */
function readFileRange(file: string, start: number, end: number, loop: RecordLoop): void {
  const fd = openSync(file, 'r');
  try {
    let bytes = rangeBuffer();
    let length = 0;
    for (let pos = start; ; ) {
      if (length === bytes.length) bytes = growRangeBuffer(length);
      const read = readSync(fd, bytes, length, Math.min(bytes.length - length, end - pos), pos);
      pos += read;
      length += read;
      const final = pos >= end;
      if (read === 0 && !final) throw new CsvFallback();
      const at = readRecords(bytes, 0, length, final, loop);
      // records end at a line break: [0, at) holds whole characters
      if (!isUtf8(bytes.subarray(0, at))) throw new CsvFallback();
      if (final) return;
      bytes.copyWithin(0, at, length);
      length -= at;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Claims ranges (or spans, for a count) from the task's shared counter and parses (counts)
 * each until none is left (what
 * every worker and the calling thread run). A failure claims every remaining range, so
 * that the other threads stop too, and is thrown.
 *
 * @param task - the file, its ranges, the counter and the columns
 * @returns the ranges this thread parsed and their results
 * @throws what {@link parseCsvRange} throws
 * @example
 * const ranges = { starts: [23, 49], ends: [49, 74], rows: [2, 2], offsets: [0, 2] }; // preds.csv in two ranges
 * const columns = [{ index: 2, name: 'score', kind: 'number', numbers: new Float64Array(4) }];
 * const task = { kind: 'csv-parse', bytes: undefined, file: 'preds.csv', delimiter: 0x2c, width: 3, ranges, next: new Int32Array(1), columns };
 * parseClaimedRanges(task); // { ranges: [0, 1], found: [[null], [null]] }: no other thread claimed one
 * columns[0].numbers; // Float64Array [0.9, 0.2, 0.4, 0.1]
 */
export function parseClaimedRanges(task: CsvTask): CsvParseResult {
  const counting = 'cuts' in task;
  const total = counting ? task.cuts.length - 1 : task.ranges.starts.length;
  const ranges: number[] = [];
  const found: CsvRangeColumnResult[][] = [];
  const counts: CsvSpanCount[] = [];
  for (;;) {
    const r = Atomics.add(task.next, 0, 1);
    if (r >= total) break;
    try {
      if (counting) counts.push(countSpan(task, r));
      else found.push(parseCsvRange(task, r));
    } catch (error) {
      Atomics.store(task.next, 0, total);
      throw error;
    }
    ranges.push(r);
  }
  return counting ? { ranges, found, counts } : { ranges, found };
}
