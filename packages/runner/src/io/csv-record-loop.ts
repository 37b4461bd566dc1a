import { CellColumnBuilder } from './column-builders.js';
import { CsvFallback, type RecordFields, recordFields, scanRecord } from './csv-bytes.js';
import { blankRecord, type CsvPick, pushCell } from './csv-cells.js';
import {
  commitFastRows,
  type FastRows,
  fastRows,
  fastRowsStale,
  scanFastRows,
} from './csv-fast-rows.js';

/** The state of one CSV byte reader's data records (the sequential reader's or a range's). */
export interface RecordLoop {
  readonly picks: readonly CsvPick[];
  readonly width: number;
  readonly delimiter: number;
  /** the most rows to read (a range's counted rows); more is a {@link CsvFallback} */
  readonly limit: number;
  readonly fields: RecordFields;
  /** per pick: the first row read as a label (0 for a label column), -1 while numeric */
  readonly switchedAt: number[];
  /** whether the fast loop can write every pick (no `text` column) */
  readonly fast: boolean;
  plan: FastRows | undefined;
  /** rows read */
  n: number;
}

/**
 * A record loop over the picks, before any data row.
 *
 * @param picks - the requested columns
 * @param width - fields of the header
 * @param delimiter - the field delimiter's byte
 * @param limit - the most rows to read
 * @returns the loop
 * @example
 * const picks = [csvPick(0, new CellColumnBuilder('label', 'label')), csvPick(2, new CellColumnBuilder('score', 'number'))];
 * const loop = recordLoop(picks, 3, 0x2c, Number.POSITIVE_INFINITY);
 * loop.switchedAt; // [0, -1]: the label column holds labels from row 0, the number column none
 * loop.fast; // true
 */
export function recordLoop(
  picks: readonly CsvPick[],
  width: number,
  delimiter: number,
  limit: number,
): RecordLoop {
  return {
    picks,
    width,
    delimiter,
    limit,
    fields: recordFields(width),
    switchedAt: picks.map((pick) =>
      pick.builder instanceof CellColumnBuilder && pick.builder.labelSink() !== undefined ? 0 : -1,
    ),
    fast: picks.every((pick) => pick.builder instanceof CellColumnBuilder),
    plan: undefined,
    n: 0,
  };
}

/** Reads the common records from `at` with the fast loop; returns where it stopped. */
function fastRecords(bytes: Uint8Array, at: number, end: number, loop: RecordLoop): number {
  let plan = loop.plan;
  if (plan === undefined || fastRowsStale(plan, loop.picks)) {
    plan = fastRows(loop.picks, loop.width, loop.delimiter, loop.n);
    loop.plan = plan;
  }
  if (plan === undefined) return at;
  plan.row = loop.n;
  const after = scanFastRows(bytes, at, end, plan);
  if (plan.row !== loop.n) {
    commitFastRows(plan, loop.picks);
    loop.n = plan.row;
  }
  return after;
}

/**
 * Reads the data records in `[at, end)` into the picks: runs of common records with the
 * fast loop (`scanFastRows`), each other record with the generic scanner and `pushCell`
 * (which adds labels, turns `auto` columns into labels and refuses cells). Empty and
 * whitespace-only lines are skipped (`blankRecord`).
 *
 * @param bytes - the buffer (a Node Buffer, for its UTF-8 decoder)
 * @param at - where a record starts
 * @param end - end of the valid bytes
 * @param final - whether `end` is the end of the records (else a record cut there is kept)
 * @param loop - the picks and counts; `loop.n` is advanced
 * @returns the offset of the first record not read (a record cut at `end`), or `end`
 * @throws {@link CsvFallback} for a ragged row, a record outside the scanner's grammar or
 *   more rows than `loop.limit`; `NON_NUMERIC_VALUE`
 * @example
 * const picks = [csvPick(0, new CellColumnBuilder('label', 'label')), csvPick(2, new CellColumnBuilder('score', 'number'))];
 * const loop = recordLoop(picks, 3, 0x2c, Number.POSITIVE_INFINITY);
 * const bytes = Buffer.from('spam,spam,0.9\nham,ham,0.2\nspam,h');
 * readRecords(bytes, 0, bytes.length, false, loop); // 26: the record cut at the end is kept for the next chunk
 * loop.n; // 2
 */
export function readRecords(
  bytes: Buffer,
  at: number,
  end: number,
  final: boolean,
  loop: RecordLoop,
): number {
  const { picks, fields, switchedAt } = loop;
  let p = at;
  while (p < end) {
    if (loop.fast) {
      p = fastRecords(bytes, p, end, loop);
      if (p >= end) break;
    }
    const after = scanRecord(bytes, p, end, loop.delimiter, final, fields);
    if (after < 0) {
      if (final) throw new CsvFallback();
      break;
    }
    if (fields.count === 1 && blankRecord(bytes, fields, loop.width)) {
      // an empty or whitespace-only line: skipped
    } else if (fields.count !== loop.width) {
      throw new CsvFallback();
    } else {
      if (loop.n === loop.limit) throw new CsvFallback();
      for (let k = 0; k < picks.length; k++) {
        const pick = picks[k]!;
        pushCell(pick, bytes, fields);
        if (
          switchedAt[k]! < 0 &&
          pick.builder instanceof CellColumnBuilder &&
          pick.builder.labelSink()
        ) {
          switchedAt[k] = loop.n;
        }
      }
      loop.n++;
    }
    p = after;
  }
  return p;
}
