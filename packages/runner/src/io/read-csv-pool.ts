import { isUtf8 } from 'node:buffer';
import { open, stat } from 'node:fs/promises';
import type { LabelSpansTask, SharedPassTask } from '../pool/task-types.js';
import { checkColumnsExist, emptyFile } from './column-errors.js';
import { CsvFallback, fieldText, recordFields, scanRecord } from './csv-bytes.js';
import { countSpan } from './csv-range-count.js';
import { mergeRangeLabels, rangesToRelabel } from './csv-range-merge.js';
import { planRanges } from './csv-range-plan.js';
import { parseCsvRange } from './csv-range-tasks.js';
import type {
  CsvCountTask,
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
 * A worker pool that runs the file readers' tasks (the parallel CSV reader's, the Arrow reader's label scans): a {@link Runner} (its
 * `workers` and `runReadTask`).
 */
export interface FileReadPool {
  /** worker threads (0: the file is read on the calling thread) */
  readonly workers: number;
  /** runs one task of a reader on a worker (CSV byte ranges, label scans and counts of Arrow columns) */
  runReadTask(task: CsvTask | LabelSpansTask | SharedPassTask): Promise<unknown>;
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
/** The header must fit in the file's first bytes (else the file is read sequentially). */
const HEAD_BYTES = 1 << 16;
/** Ranges per thread: small enough that the threads finish together on a busy machine. */
const RANGES_PER_THREAD = 4;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs every range (or span) of `task` on the workers and on this thread, which claims
 * ranges too and yields between them (so the pool can hand the tasks to workers as they
 * boot). Waits only for the workers that claimed ranges: one that had not started when the
 * ranges ran out (a pool busy with other tasks) finds none left later.
 */
async function runEverywhere<T>(
  task: CsvTask,
  total: number,
  pool: FileReadPool,
  here: (r: number) => T,
  take: (result: CsvParseResult) => readonly T[],
): Promise<T[]> {
  const helpers = new Map(
    Array.from({ length: pool.workers }, (_, i) => [
      i,
      (pool.runReadTask(task) as Promise<CsvParseResult>).then((result) => ({ i, result })),
    ]),
  );
  // a worker that fails after this thread stopped waiting must not go unhandled
  for (const helper of helpers.values()) helper.catch(() => undefined);
  const found: T[] = new Array(total);
  let missing = total;
  const collect = (result: CsvParseResult) => {
    const values = take(result);
    result.ranges.forEach((r, k) => {
      found[r] = values[k]!;
    });
    missing -= result.ranges.length;
  };
  try {
    for (;;) {
      await nextTurn();
      const r = Atomics.add(task.next, 0, 1);
      if (r >= total) break;
      found[r] = here(r);
      missing--;
    }
    while (missing > 0) {
      if (helpers.size === 0) throw new CsvFallback();
      const { i, result } = await Promise.race(helpers.values());
      helpers.delete(i);
      collect(result);
    }
  } catch (error) {
    Atomics.store(task.next, 0, total);
    throw error;
  }
  return found;
}

const parseEverywhere = (task: CsvParseTask, pool: FileReadPool) =>
  runEverywhere(
    task,
    task.ranges.starts.length,
    pool,
    (r) => parseCsvRange(task, r),
    (result) => result.found,
  );

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
  const dictionaries = labels.map((result) => result!.dictionary);
  return mergeRangeLabels(column.name, column.codes!, { offsets, rows }, dictionaries);
}

/**
 * Reads a CSV/TSV file on a worker pool and this thread: this thread reads the header;
 * the threads count the records of byte spans of the data, each reading its own spans from
 * the file (a span holds the records that start at or after its cut), which fixes each
 * range's rows; a file with a quote instead goes into shared memory and one pass on this
 * thread splits it at record boundaries (a line feed outside quotes). Then this thread and
 * the workers claim range after range and parse each into its rows of the shared columns;
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
 * const pool = { workers: 1, runReadTask: async (task) => runTask(task) }; // runs its tasks on this thread
 * const options = { minFileBytes: 0, minRangeBytes: 1 }; // split even a small file
 * const table = await readCsvOnPool('preds.csv', new Map([['label', 'auto']]), ',', pool, options);
 * table.columns.get('label'); // { kind: 'label', name: 'label', codes: Int32Array [0, 1, 0, 1], dictionary: ['spam', 'ham'] }
 * await readCsvOnPool('preds.csv', new Map([['label', 'auto']]), ',', pool); // undefined: under 4 MiB, read sequentially
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

/** The header's names and the offset after its line break, from the file's first bytes. */
async function readHead(
  file: string,
  size: number,
  delimiter: number,
): Promise<{ header: string[]; from: number } | undefined> {
  const handle = await open(file, 'r');
  try {
    const length = Math.min(size, HEAD_BYTES);
    const bytes = Buffer.alloc(length);
    const { bytesRead } = await handle.read(bytes, 0, length, 0);
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const fields = recordFields(16);
    const from = scanRecord(bytes, bom, bytesRead, delimiter, bytesRead === size, fields);
    // the data rows are checked by the range tasks, in parallel
    if (from < 0 || !isUtf8(bytes.subarray(0, from))) return undefined;
    return {
      header: Array.from({ length: fields.count }, (_, k) => fieldText(bytes, fields, k)),
      from,
    };
  } finally {
    await handle.close();
  }
}

/**
 * Splits the data into ranges without reading the file here: the threads count the
 * records of byte spans, each reading its own (a quote anywhere sends the file to
 * {@link planRanges}, which follows quotes from the start). Undefined where a span met a
 * quote.
 */
async function countRanges(
  file: string,
  cuts: readonly number[],
  width: number,
  pool: FileReadPool,
): Promise<CsvRanges | undefined> {
  const task: CsvCountTask = {
    kind: 'csv-parse',
    file,
    cuts,
    width,
    next: new Int32Array(new SharedArrayBuffer(4)),
  };
  const spans = cuts.length - 1;
  const counts = await runEverywhere(
    task,
    spans,
    pool,
    (r) => countSpan(task, r),
    (result) => result.counts ?? [],
  );
  if (counts.some((span, k) => span.quoted || (k > 0 && span.first !== counts[k - 1]!.end))) {
    return undefined;
  }
  const offsets: number[] = [];
  let total = 0;
  for (const span of counts) {
    offsets.push(total);
    total += span.rows;
  }
  return {
    starts: counts.map((span) => span.first),
    ends: counts.map((span) => span.end),
    rows: counts.map((span) => span.rows),
    offsets,
  };
}

async function readOnPool(
  file: string,
  requested: ReadonlyMap<string, ColumnKind>,
  delimiter: number,
  pool: FileReadPool,
  options: CsvPoolOptions,
): Promise<LoadedTable | undefined> {
  const fileSize = (await stat(file)).size;
  if (fileSize < (options.minFileBytes ?? 4 * MIB)) return undefined;
  const head = await readHead(file, fileSize, delimiter);
  if (head === undefined) return undefined;
  const { header, from } = head;
  checkColumnsExist(file, [...requested.keys()], header);
  const size = fileSize - from;
  const count = Math.min(
    (pool.workers + 1) * RANGES_PER_THREAD,
    Math.floor(size / (options.minRangeBytes ?? MIB)),
  );
  const cuts = [
    ...new Set(
      options.splitAt ??
        Array.from({ length: count }, (_, k) => from + Math.round((k * size) / count)),
    ),
  ].sort((a, b) => a - b);
  let shared: Uint8Array | undefined;
  let ranges = await countRanges(
    file,
    [from, ...cuts.filter((cut) => cut > from && cut < fileSize), fileSize],
    header.length,
    pool,
  );
  if (ranges === undefined) {
    shared = await readFileShared(file);
    ranges = planRanges(shared, from, cuts, header.length);
  }
  const n = ranges.rows.reduce((a, b) => a + b, 0);
  if (n === 0) throw emptyFile(file);
  const task: CsvParseTask = {
    kind: 'csv-parse',
    bytes: shared,
    file,
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
