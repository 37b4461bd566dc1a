import { CellColumnBuilder } from './column-builders.js';
import { CsvFallback } from './csv-bytes.js';
import { type CsvPick, csvPick } from './csv-cells.js';
import type { CsvParseResult, CsvParseTask, CsvRangeColumnResult } from './csv-range-types.js';
import { readRecords, recordLoop } from './csv-record-loop.js';

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
 * const found = parseCsvRange(task, 0); // [null, { dictionary: ['a', 'b'], switchedAt: 0 }]
 */
export function parseCsvRange(task: CsvParseTask, r: number): CsvRangeColumnResult[] {
  const view = task.bytes;
  const bytes = Buffer.from(view.buffer, view.byteOffset, view.byteLength);
  const rows = task.ranges.rows[r]!;
  const offset = task.ranges.offsets[r]!;
  const picks = rangePicks(task, offset, offset + rows);
  const loop = recordLoop(picks, task.width, task.delimiter, rows);
  // a record running past the range (the split point was inside a quoted field) fails here
  readRecords(bytes, task.ranges.starts[r]!, task.ranges.ends[r]!, true, loop);
  if (loop.n !== rows) throw new CsvFallback();
  return picks.map((pick, k) => {
    const labels = (pick.builder as CellColumnBuilder).labelSink();
    return labels === undefined
      ? null
      : { dictionary: labels.dictionary, switchedAt: loop.switchedAt[k]! };
  });
}

/**
 * Claims ranges from the task's shared counter and parses each until none is left (what
 * every worker and the calling thread run). A failure claims every remaining range, so
 * that the other threads stop too, and is thrown.
 *
 * @param task - the file, its ranges, the counter and the columns
 * @returns the ranges this thread parsed and their results
 * @throws what {@link parseCsvRange} throws
 * @example
 * const { ranges, found } = parseClaimedRanges(task);
 */
export function parseClaimedRanges(task: CsvParseTask): CsvParseResult {
  const total = task.ranges.starts.length;
  const ranges: number[] = [];
  const found: CsvRangeColumnResult[][] = [];
  for (;;) {
    const r = Atomics.add(task.next, 0, 1);
    if (r >= total) break;
    try {
      found.push(parseCsvRange(task, r));
    } catch (error) {
      Atomics.store(task.next, 0, total);
      throw error;
    }
    ranges.push(r);
  }
  return { ranges, found };
}
