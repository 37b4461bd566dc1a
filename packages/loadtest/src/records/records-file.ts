import { readFile, writeFile } from 'node:fs/promises';
import {
  Bool,
  Float64,
  Int32,
  Table,
  tableFromIPC,
  tableToIPC,
  Utf8,
  vectorFromArray,
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

/**
 * The records as an Arrow table: one row per request, the fields of {@link LoadRecord} as
 * columns (`itlMs` as JSON text of the gaps and `scores` as JSON text of the object, so a row
 * stays flat).
 *
 * @param records - the run's records
 * @returns the table
 * @example
 * ```ts
 * recordsTable(records).numRows;
 * ```
 */
export function recordsTable(records: readonly LoadRecord[]): Table {
  const column = <K extends keyof LoadRecord>(key: K) => records.map((r) => r[key]);
  const numbers = Object.fromEntries(
    NUMBER_COLUMNS.map((k) => [k, vectorFromArray(column(k) as (number | null)[], new Float64())]),
  );
  return new Table({
    step: vectorFromArray(column('step'), new Int32()),
    index: vectorFromArray(column('index'), new Int32()),
    warmup: vectorFromArray(column('warmup'), new Bool()),
    ...numbers,
    tokenSource: vectorFromArray(column('tokenSource'), new Utf8()),
    status: vectorFromArray(column('status'), new Int32()),
    errorClass: vectorFromArray(column('errorClass'), new Utf8()),
    itlMs: vectorFromArray(
      records.map((r) => JSON.stringify(r.itlMs)),
      new Utf8(),
    ),
    correct: vectorFromArray(column('correct'), new Bool()),
    scores: vectorFromArray(
      records.map((r) => (r.scores === null ? null : JSON.stringify(r.scores))),
      new Utf8(),
    ),
  });
}

/**
 * Writes records to `FILE.jsonl` (one JSON object per line) or `FILE.arrow` (Arrow IPC file).
 *
 * @param path - ends in `.jsonl` or `.arrow`
 * @param records - the run's records
 * @throws {@link LoadTestError} `INVALID_OPTION` for another extension
 * @example
 * ```ts
 * await writeRecords('records.jsonl', records);
 * ```
 */
export async function writeRecords(path: string, records: readonly LoadRecord[]): Promise<void> {
  if (path.endsWith('.jsonl')) {
    await writeFile(path, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
    return;
  }
  if (path.endsWith('.arrow')) {
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
 * const figures = summarizeRecords(await readRecords('records.arrow'));
 * ```
 */
export async function readRecords(path: string): Promise<LoadRecord[]> {
  const bytes = await readFile(path);
  if (path.endsWith('.jsonl')) {
    return bytes
      .toString('utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as LoadRecord);
  }
  const rows = tableFromIPC(bytes).toArray() as Record<string, unknown>[];
  return rows.map((row) => {
    const r = { ...row } as Record<string, unknown>;
    r.itlMs = JSON.parse(row.itlMs as string);
    r.scores = row.scores === null ? null : JSON.parse(row.scores as string);
    return r as unknown as LoadRecord;
  });
}
