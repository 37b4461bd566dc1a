import { closeSync, openSync, writeSync } from 'node:fs';
import { LoadTestError } from '../errors.js';
import type { LoadRecord } from '../metrics/load-record.js';
import { RecordStore } from './record-store.js';
import { recordsFormatOf, writeRecords } from './records-file.js';

/** Where a run's records go as its requests end. */
export interface RecordsSink {
  /** Takes one finished record. */
  write(record: LoadRecord): void;
  /** Writes what is left and closes the file. */
  close(): Promise<void>;
}

/** Buffered JSON lines are written at least this often, ms. */
export const RECORDS_FLUSH_MS = 200;

/** Buffered JSON lines are written once they reach this many characters. */
const FLUSH_CHARS = 64 * 1024;

/**
 * Opens `--records FILE` for a run: `.jsonl` is appended to as requests end, so a load test
 * killed mid-run keeps every record up to the last flush; `.arrow` is collected (in a `RecordStore`) and
 * written by {@link RecordsSink.close} (an Arrow IPC file is written whole).
 *
 * @remarks
 * Lines are buffered and written with one synchronous write each {@link RECORDS_FLUSH_MS}
 * (an unref'd interval) or 64 KiB, not one write per request, so streaming costs the
 * generator about one system call per flush. A SIGKILL loses at most the last interval; the
 * file is truncated when opened. The lines are `JSON.stringify` of each record, in the order
 * the requests ended, as {@link writeRecords} writes them.
 *
 * @param path - a file name ending in `.jsonl` or `.arrow`
 * @param records - for `.arrow`: the store the run keeps its records in (`runtime.records` of
 *   `runLoadTest`), written at close instead of a second copy; `write` then keeps nothing
 * @returns the sink
 * @throws {@link LoadTestError} `INVALID_OPTION` at once when a `.jsonl` file cannot be opened
 *   (its folder is missing or not writable, it is a folder); for `.arrow`, from
 *   {@link writeRecords} at close for another extension (a file system error at close is
 *   thrown as it is)
 * @example
 * ```ts
 * const options = resolveLoadTest({ baseUrl, model: 'assay-spam-nb', concurrency: 2, durationMs: 300 });
 * const workload = await loadDatasetWorkload('builtin:spam-assassin');
 * const sink = openRecordsSink(`${dir}/records.jsonl`);
 * const outcome = await runLoadTest(options, { workload, onRecord: (r) => sink.write(r) });
 * await sink.close();
 * (await readRecords(`${dir}/records.jsonl`)).length === outcome.records.length; // true
 * ```
 */
export function openRecordsSink(path: string, records?: RecordStore): RecordsSink {
  if (recordsFormatOf(path) !== 'jsonl') {
    const all = records ?? new RecordStore();
    let written: Promise<void> | undefined;
    return {
      // a store the run fills already holds the record
      write: records === undefined ? (r) => void all.push(r) : () => undefined,
      close: () => {
        written ??= writeRecords(path, all);
        return written;
      },
    };
  }
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (error) {
    throw new LoadTestError(
      'INVALID_OPTION',
      `--records '${path}' cannot be opened for writing (${(error as Error).message}); pass a writable path.`,
      '--records',
    );
  }
  let buffer = '';
  let open = true;
  const flush = (): void => {
    if (buffer.length === 0 || !open) return;
    writeSync(fd, buffer);
    buffer = '';
  };
  const timer = setInterval(flush, RECORDS_FLUSH_MS);
  timer.unref();
  return {
    write(r) {
      buffer += `${JSON.stringify(r)}\n`;
      if (buffer.length >= FLUSH_CHARS) flush();
    },
    async close() {
      if (!open) return;
      clearInterval(timer);
      flush();
      open = false;
      closeSync(fd);
    },
  };
}
