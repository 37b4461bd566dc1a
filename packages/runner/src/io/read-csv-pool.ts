import { isUtf8 } from 'node:buffer';
import { stat } from 'node:fs/promises';
import { checkColumnsExist, emptyFile } from './column-errors.js';
import { CsvFallback, fieldText, recordFields, scanRecord } from './csv-bytes.js';
import { mergeRangeLabels, numbersAsLabels, rangesToRelabel } from './csv-range-merge.js';
import { planRanges } from './csv-range-plan.js';
import { parseCsvRange } from './csv-range-tasks.js';
import type {
  CsvParseResult,
  CsvParseTask,
  CsvRangeColumn,
  CsvRangeColumnResult,
  CsvRanges,
  CsvTask,
} from './csv-range-types.js';
import type { ColumnKind, LoadedColumn, LoadedTable } from './loaded-column.js';
import { readFileShared } from './read-file-shared.js';
import { sharedFloat64, sharedInt32 } from './shared-arrays.js';

/**
 * A worker pool that runs the parallel CSV reader's tasks: a {@link Runner} (its
 * `workers` and `runReadTask`).
 */
export interface FileReadPool {
  /** worker threads (0: the file is read on the calling thread) */
  readonly workers: number;
  /** runs one task of the reader on a worker */
  runReadTask(task: CsvTask): Promise<unknown>;
}

/** Internal knobs of {@link readCsvOnPool} (tests split small files at chosen places). */
export interface CsvPoolOptions {
  /** smaller files are read sequentially (default 4 MiB) */
  readonly minFileBytes?: number | undefined;
  /** the smallest byte range (default 1 MiB) */
  readonly minRangeBytes?: number | undefined;
  /** offsets to split at instead of even ones (each moves to the next record end) */
  readonly splitAt?: readonly number[] | undefined;
}

const MIB = 1 << 20;
/** Ranges per thread: small enough that the threads finish together on a busy machine. */
const RANGES_PER_THREAD = 4;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Parses every range of `task` on the workers and on this thread, which claims ranges
 * too and yields between them (so the pool can hand the tasks to workers as they boot).
 * Waits only for the workers that claimed ranges: one that had not started when the
 * ranges ran out (a pool busy with other tasks) finds none left later.
 */
async function parseEverywhere(
  task: CsvParseTask,
  pool: FileReadPool,
): Promise<CsvRangeColumnResult[][]> {
  const helpers = new Map(
    Array.from({ length: pool.workers }, (_, i) => [
      i,
      (pool.runReadTask(task) as Promise<CsvParseResult>).then((result) => ({ i, result })),
    ]),
  );
  // a worker that fails after this thread stopped waiting must not go unhandled
  for (const helper of helpers.values()) helper.catch(() => undefined);
  const total = task.ranges.starts.length;
  const found: CsvRangeColumnResult[][] = new Array(total);
  let missing = total;
  try {
    for (;;) {
      await nextTurn();
      const r = Atomics.add(task.next, 0, 1);
      if (r >= total) break;
      found[r] = parseCsvRange(task, r);
      missing--;
    }
    while (missing > 0) {
      if (helpers.size === 0) throw new CsvFallback();
      const { i, result } = await Promise.race(helpers.values());
      helpers.delete(i);
      result.ranges.forEach((r, k) => {
        found[r] = result.found[k]! as CsvRangeColumnResult[];
      });
      missing -= result.ranges.length;
    }
  } catch (error) {
    Atomics.store(task.next, 0, total);
    throw error;
  }
  return found;
}

/** The ranges `subset` of `ranges`, for a second parse of some of them. */
function someRanges(ranges: CsvRanges, subset: readonly number[]): CsvRanges {
  return {
    starts: subset.map((r) => ranges.starts[r]!),
    ends: subset.map((r) => ranges.ends[r]!),
    rows: subset.map((r) => ranges.rows[r]!),
    offsets: subset.map((r) => ranges.offsets[r]!),
  };
}

/** Finishes one column from the ranges' findings (parsing ranges again as labels where needed). */
async function finishColumn(
  task: CsvParseTask,
  k: number,
  found: readonly CsvRangeColumnResult[],
  pool: FileReadPool,
): Promise<LoadedColumn> {
  const column = task.columns[k]!;
  if (found.every((result) => result === null)) {
    return { kind: 'number', name: column.name, values: column.numbers! };
  }
  const again = rangesToRelabel(found);
  const labels = [...found];
  if (again.length > 0) {
    const relabel: CsvRangeColumn = { ...column, kind: 'label', numbers: undefined };
    const ranges = someRanges(task.ranges, again);
    const next = new Int32Array(new SharedArrayBuffer(4));
    const redone = await parseEverywhere({ ...task, ranges, next, columns: [relabel] }, pool);
    again.forEach((r, j) => {
      labels[r] = redone[j]![0]!;
    });
  }
  const { offsets, rows } = task.ranges;
  const codes = column.codes!;
  const dictionaries = labels.map((result, r) => {
    if (result !== null) return result.dictionary;
    const from = offsets[r]!;
    const to = from + rows[r]!;
    return numbersAsLabels(column.numbers!.subarray(from, to), codes.subarray(from, to));
  });
  return mergeRangeLabels(column.name, codes, { offsets, rows }, dictionaries);
}

/**
 * Reads a CSV/TSV file on a worker pool and this thread: the file's bytes go into shared
 * memory; one pass on this thread splits them at record boundaries (a line feed outside
 * quotes) into byte ranges and counts each range's rows; then this thread and the
 * workers claim range after range and parse each into its rows of the shared columns;
 * the ranges' label dictionaries are merged in range order. The result equals the
 * sequential byte scanner's for any number of workers and ranges (codes, dictionaries,
 * Float64 bits).
 *
 * @remarks
 * Returns undefined, for the caller to read the file sequentially, where the pool does
 * not pay or cannot answer alike: no workers, a file under `minFileBytes`, `text`
 * columns, invalid UTF-8, and any range that fails (outside the scanner's grammar, a
 * ragged row, a refused cell, a count that does not match): the sequential reader then
 * reads the file or names the line and column as before.
 *
 * @param file - the CSV file
 * @param columns - the columns to read and how
 * @param delimiter - `,` or `\t`
 * @param pool - the worker pool
 * @param options - internal knobs (minimum file and range sizes, split offsets)
 * @returns the columns, or undefined to read the file sequentially
 * @example
 * const table = await readCsvOnPool('preds.csv', new Map([['label', 'auto']]), ',', runner);
 */
export async function readCsvOnPool(
  file: string,
  columns: ReadonlyMap<string, ColumnKind>,
  delimiter: string,
  pool: FileReadPool,
  options: CsvPoolOptions = {},
): Promise<LoadedTable | undefined> {
  if (pool.workers < 1 || [...columns.values()].includes('text')) return undefined;
  try {
    return await readOnPool(file, columns, delimiter.charCodeAt(0), pool, options);
  } catch {
    return undefined;
  }
}

async function readOnPool(
  file: string,
  requested: ReadonlyMap<string, ColumnKind>,
  delimiter: number,
  pool: FileReadPool,
  options: CsvPoolOptions,
): Promise<LoadedTable | undefined> {
  if ((await stat(file)).size < (options.minFileBytes ?? 4 * MIB)) return undefined;
  const shared = await readFileShared(file);
  if (!isUtf8(shared)) return undefined;
  const bytes = Buffer.from(shared.buffer, shared.byteOffset, shared.length);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const fields = recordFields(16);
  const from = scanRecord(bytes, bom, bytes.length, delimiter, true, fields);
  if (from < 0) return undefined;
  const header = Array.from({ length: fields.count }, (_, k) => fieldText(bytes, fields, k));
  checkColumnsExist(file, [...requested.keys()], header);
  const size = bytes.length - from;
  const count = Math.min(
    (pool.workers + 1) * RANGES_PER_THREAD,
    Math.floor(size / (options.minRangeBytes ?? MIB)),
  );
  const cuts =
    options.splitAt ??
    Array.from({ length: count }, (_, k) => from + Math.round((k * size) / count));
  const ranges = planRanges(
    shared,
    from,
    [...cuts].sort((a, b) => a - b),
    header.length,
  );
  const n = ranges.rows.reduce((a, b) => a + b, 0);
  if (n === 0) throw emptyFile(file);
  const task: CsvParseTask = {
    kind: 'csv-parse',
    bytes: shared,
    delimiter,
    width: header.length,
    ranges,
    next: new Int32Array(new SharedArrayBuffer(4)),
    columns: [...requested].map(([name, kind]) => ({
      index: header.indexOf(name),
      name,
      kind: kind as CsvRangeColumn['kind'],
      numbers: kind === 'label' ? undefined : sharedFloat64(n),
      codes: kind === 'number' ? undefined : sharedInt32(n),
    })),
  };
  const found = await parseEverywhere(task, pool);
  const loaded = await Promise.all(
    task.columns.map((_, k) =>
      finishColumn(
        task,
        k,
        found.map((f) => f[k]!),
        pool,
      ),
    ),
  );
  return { n, columns: new Map(loaded.map((column) => [column.name, column])), available: header };
}
