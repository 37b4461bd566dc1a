import { open, readFile, writeFile } from 'node:fs/promises';
import {
  Bool,
  type DataType,
  Field,
  Float64,
  Int32,
  List,
  Map_,
  makeBuilder,
  Struct,
  Table,
  tableFromIPC,
  tableToIPC,
  Utf8,
} from 'apache-arrow';
import { LoadTestError } from '../errors.js';
import type { LoadRecord } from '../metrics/load-record.js';

const NUMBER_COLUMNS = [
  'scheduledMs',
  'sentMs',
  'firstTokenMs',
  'firstContentMs',
  'lastTokenMs',
  'endMs',
  'inputTokens',
  'outputTokens',
] as const;

/** The Arrow type of each column, in the table's order. */
const COLUMN_TYPES: Readonly<Record<string, DataType>> = {
  step: new Int32(),
  index: new Int32(),
  item: new Int32(),
  warmup: new Bool(),
  ...Object.fromEntries(NUMBER_COLUMNS.map((k) => [k, new Float64()])),
  tokenSource: new Utf8(),
  status: new Int32(),
  errorClass: new Utf8(),
  itlMs: new List(new Field('item', new Float64(), false)),
  correct: new Bool(),
  // metric name to value: a record scores the metrics of its task, not a fixed set of columns
  scores: new Map_<Utf8, Float64>(
    new Field(
      'entries',
      new Struct<{ key: Utf8; value: Float64 }>([
        new Field('key', new Utf8(), false),
        new Field('value', new Float64(), true),
      ]),
      false,
    ),
  ),
};

/**
 * The records as an Arrow table: one row per request, the fields of {@link LoadRecord} as
 * columns: `itlMs` a `List<Float64>` of the gaps, `scores` a `Map<Utf8, Float64>` (metric to
 * value, null without `--score`), `item` an `Int32` (null in records that lack it).
 *
 * @remarks
 * One pass over the records into Arrow builders, so a `RecordStore` is never turned into an
 * array of objects.
 *
 * @param records - the run's records (an array, a `RecordStore`, any iterable)
 * @returns the table
 * @example
 * ```ts
 * recordsTable(records).numRows; // 20
 * ```
 */
export function recordsTable(records: Iterable<LoadRecord>): Table {
  const builders = Object.entries(COLUMN_TYPES).map(
    ([name, type]) => [name, makeBuilder({ type, nullValues: [null, undefined] })] as const,
  );
  for (const r of records) {
    const row = r as unknown as Record<string, unknown>;
    for (const [name, builder] of builders) builder.append(row[name]);
  }
  return new Table(
    Object.fromEntries(builders.map(([name, builder]) => [name, builder.finish().toVector()])),
  );
}

/** Lines of JSON are written in batches of about this many characters (about 1 MiB of ASCII). */
const JSONL_BATCH = 1 << 20;

/**
 * The records format a file name asks for, by its extension in any case (`.jsonl`, `.JSONL`,
 * `.arrow`), or `undefined` for another one.
 *
 * @param path - a file name
 * @returns `'jsonl'`, `'arrow'` or `undefined`
 * @example
 * ```ts
 * recordsFormatOf('run/Records.JSONL'); // 'jsonl'
 * ```
 */
export function recordsFormatOf(path: string): 'jsonl' | 'arrow' | undefined {
  const lower = path.toLowerCase();
  return lower.endsWith('.jsonl') ? 'jsonl' : lower.endsWith('.arrow') ? 'arrow' : undefined;
}

/**
 * Writes records to `FILE.jsonl` (one JSON object per line) or `FILE.arrow` (Arrow IPC file).
 *
 * @remarks
 * JSON lines are written in batches of about a million characters, so a long run's file is
 * never one string in memory (V8 caps a string at about 512 MiB).
 *
 * @param path - ends in `.jsonl` or `.arrow`
 * @param records - the run's records (an array, a `RecordStore`, any iterable)
 * @throws {@link LoadTestError} `INVALID_OPTION` for another extension
 * @example
 * ```ts
 * await writeRecords(`${dir}/records.jsonl`, records);
 * (await readRecords(`${dir}/records.jsonl`)).length; // 20
 * ```
 */
export async function writeRecords(path: string, records: Iterable<LoadRecord>): Promise<void> {
  const format = recordsFormatOf(path);
  if (format === 'jsonl') {
    const file = await open(path, 'w');
    try {
      let batch = '';
      for (const r of records) {
        batch += `${JSON.stringify(r)}\n`;
        if (batch.length >= JSONL_BATCH) {
          // writeFile, not write: it writes the whole batch, looping over short writes
          await file.writeFile(batch);
          batch = '';
        }
      }
      if (batch.length > 0) await file.writeFile(batch);
    } finally {
      await file.close();
    }
    return;
  }
  if (format === 'arrow') {
    await writeFile(path, tableToIPC(recordsTable(records), 'file'));
    return;
  }
  throw new LoadTestError(
    'INVALID_OPTION',
    `--records is '${path}'; expected a file name ending in .jsonl or .arrow.`,
    'records',
  );
}

/**
 * Reads records written by {@link writeRecords} (`.jsonl` or `.arrow`).
 *
 * @param path - the file
 * @returns the records, in file order
 * @example
 * ```ts
 * await writeRecords(`${dir}/records.arrow`, records);
 * const figures = summarizeRecords(await readRecords(`${dir}/records.arrow`));
 * figures.requests.completed; // 19
 * ```
 */
export async function readRecords(path: string): Promise<LoadRecord[]> {
  const bytes = await readFile(path);
  if (recordsFormatOf(path) === 'jsonl') {
    return bytes
      .toString('utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as LoadRecord);
  }
  const rows = tableFromIPC(bytes).toArray() as { toJSON(): Record<string, unknown> }[];
  return rows.map((row) => {
    const r = row.toJSON();
    r.itlMs = listCell(r.itlMs);
    r.scores = mapCell(r.scores);
    // a file written before `item` was kept has no such column; a row without one, null
    if (r.item === null || r.item === undefined) delete r.item;
    return r as unknown as LoadRecord;
  });
}

/** An `itlMs` cell: an Arrow list of Float64, or the JSON text that older files held. */
function listCell(cell: unknown): number[] {
  if (typeof cell === 'string') return JSON.parse(cell) as number[];
  return cell === null || cell === undefined ? [] : Array.from(cell as Iterable<number>);
}

/** A `scores` cell: an Arrow map of metric to value, or the JSON text that older files held. */
function mapCell(cell: unknown): Record<string, number> | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') return JSON.parse(cell) as Record<string, number>;
  return (cell as { toJSON(): Record<string, number> }).toJSON();
}
