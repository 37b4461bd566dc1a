import { isUtf8 } from 'node:buffer';
import { checkColumnsExist, emptyFile } from './column-errors.js';
import { fieldText, recordFields, scanRecord } from './csv-bytes.js';
import {
  mergeRangeLabels,
  numbersAsLabels,
  type RangeRows,
  rangesToRelabel,
} from './csv-range-merge.js';
import type { CsvRangeColumn, CsvRangeColumnResult, CsvTask } from './csv-range-types.js';
import type { ColumnKind, LoadedColumn, LoadedTable } from './loaded-column.js';
import { readFileShared } from './read-file-shared.js';
import { sharedFloat64, sharedInt32 } from './shared-arrays.js';

const QUOTE = 0x22;
const LF = 0x0a;

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
  /** the smallest byte range per task (default 1 MiB) */
  readonly minRangeBytes?: number | undefined;
  /** candidate split offsets instead of even ones (each moves to the next record boundary) */
  readonly splitAt?: readonly number[] | undefined;
}

const MIB = 1 << 20;

/** Byte ranges of the data rows, each starting at a record boundary (first at `from`). */
async function splitRanges(
  bytes: Buffer,
  from: number,
  candidates: readonly number[],
  pool: FileReadPool,
): Promise<[number, number][]> {
  const cuts = [...new Set(candidates.map((c) => Math.min(Math.max(c, from), bytes.length)))]
    .filter((c) => c > from && c < bytes.length)
    .sort((a, b) => a - b);
  const starts = [from];
  if (bytes.indexOf(QUOTE, from) < 0) {
    // no quote in the data: every line feed ends a record
    for (const c of cuts) {
      const lf = bytes.indexOf(LF, c - 1);
      starts.push(lf < 0 ? bytes.length : lf + 1);
    }
  } else {
    // a line feed ends a record where the quotes before it are even: count them per piece
    const edges = [from, ...cuts, bytes.length];
    const quotes = await Promise.all(
      cuts.map((_, k) =>
        pool.runReadTask({ kind: 'csv-quotes', bytes, start: edges[k]!, end: edges[k + 1]! }),
      ),
    );
    let parity = 0;
    cuts.forEach((c, k) => {
      parity = (parity + (quotes[k] as number)) & 1;
      let odd = parity;
      let at = c;
      while (at < bytes.length && !(bytes[at] === LF && odd === 0)) {
        if (bytes[at] === QUOTE) odd ^= 1;
        at++;
      }
      starts.push(Math.min(at + 1, bytes.length));
    });
  }
  const unique = [...new Set(starts)].filter((s) => s < bytes.length).sort((a, b) => a - b);
  return unique.map((s, k) => [s, unique[k + 1] ?? bytes.length]);
}

/** The shared columns of `n` rows: numbers for number and auto columns, codes for label and auto. */
interface PoolColumn {
  readonly name: string;
  readonly index: number;
  readonly kind: 'number' | 'label' | 'auto';
  readonly numbers: Float64Array | undefined;
  readonly codes: Int32Array | undefined;
}

function rangeColumn(
  column: PoolColumn,
  offset: number,
  rows: number,
  kind = column.kind,
): CsvRangeColumn {
  return {
    index: column.index,
    name: column.name,
    kind,
    numbers: kind === 'label' ? undefined : column.numbers?.subarray(offset, offset + rows),
    codes: kind === 'number' ? undefined : column.codes?.subarray(offset, offset + rows),
  };
}

/** Parses every range into the shared columns; returns each range's per-column findings. */
async function parseRanges(
  bytes: Buffer,
  ranges: readonly [number, number][],
  at: RangeRows,
  columns: readonly PoolColumn[],
  delimiter: number,
  width: number,
  pool: FileReadPool,
): Promise<CsvRangeColumnResult[][]> {
  const found = await Promise.all(
    ranges.map(([start, end], r) =>
      pool.runReadTask({
        kind: 'csv-parse',
        bytes,
        start,
        end,
        delimiter,
        width,
        rows: at.rows[r]!,
        columns: columns.map((column) => rangeColumn(column, at.offsets[r]!, at.rows[r]!)),
      }),
    ),
  );
  return found as CsvRangeColumnResult[][];
}

/** Finishes one column from the ranges' findings (reading ranges again as labels where needed). */
async function finishColumn(
  column: PoolColumn,
  found: CsvRangeColumnResult[],
  relabel: (column: PoolColumn, range: number) => Promise<CsvRangeColumnResult>,
  at: RangeRows,
): Promise<LoadedColumn> {
  if (found.every((result) => result === null)) {
    return { kind: 'number', name: column.name, values: column.numbers! };
  }
  const again = rangesToRelabel(found);
  const labels = [...found];
  const relabelled = await Promise.all(again.map((r) => relabel(column, r)));
  again.forEach((r, k) => {
    labels[r] = relabelled[k]!;
  });
  const codes = column.codes!;
  const dictionaries = labels.map((result, r) => {
    if (result !== null) return result.dictionary;
    const from = at.offsets[r]!;
    const to = from + at.rows[r]!;
    return numbersAsLabels(column.numbers!.subarray(from, to), codes.subarray(from, to));
  });
  return mergeRangeLabels(column.name, codes, at, dictionaries);
}

/**
 * Reads a CSV/TSV file on a worker pool: the file's bytes go into shared memory, split
 * at record boundaries (a line feed outside quotes) into byte ranges; the workers count
 * each range's rows, then parse each range into its rows of the shared columns; the
 * ranges' label dictionaries are merged in range order. The result equals the
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
  const shared = await readFileShared(file);
  if (shared.length < (options.minFileBytes ?? 4 * MIB)) return undefined;
  const bytes = Buffer.from(shared.buffer, shared.byteOffset, shared.length);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const fields = recordFields(16);
  const from = scanRecord(bytes, bom, bytes.length, delimiter, true, fields);
  if (from < 0 || !isUtf8(shared.subarray(0, from))) return undefined;
  const header = Array.from({ length: fields.count }, (_, k) => fieldText(bytes, fields, k));
  checkColumnsExist(file, [...requested.keys()], header);
  const dataBytes = bytes.length - from;
  const count = Math.max(
    1,
    Math.min(pool.workers * 2, Math.floor(dataBytes / (options.minRangeBytes ?? MIB))),
  );
  const candidates =
    options.splitAt ??
    Array.from({ length: count - 1 }, (_, k) => from + Math.round(((k + 1) * dataBytes) / count));
  const ranges = await splitRanges(bytes, from, candidates, pool);
  const width = header.length;
  const rows = (await Promise.all(
    ranges.map(([start, end]) => pool.runReadTask({ kind: 'csv-count', bytes, start, end, width })),
  )) as number[];
  const offsets = rows.map((_, r) => rows.slice(0, r).reduce((a, b) => a + b, 0));
  const n = rows.reduce((a, b) => a + b, 0);
  if (n === 0) throw emptyFile(file);
  const at: RangeRows = { offsets, rows };
  const columns: PoolColumn[] = [...requested].map(([name, kind]) => ({
    name,
    index: header.indexOf(name),
    kind: kind as PoolColumn['kind'],
    numbers: kind === 'label' ? undefined : sharedFloat64(n),
    codes: kind === 'number' ? undefined : sharedInt32(n),
  }));
  const found = await parseRanges(bytes, ranges, at, columns, delimiter, width, pool);
  const relabel = async (column: PoolColumn, r: number) => {
    const [start, end] = ranges[r]!;
    const again = (await pool.runReadTask({
      kind: 'csv-parse',
      bytes,
      start,
      end,
      delimiter,
      width,
      rows: rows[r]!,
      columns: [rangeColumn(column, offsets[r]!, rows[r]!, 'label')],
    })) as CsvRangeColumnResult[];
    return again[0]!;
  };
  const loaded = await Promise.all(
    columns.map((column, k) =>
      finishColumn(
        column,
        found.map((f) => f[k]!),
        relabel,
        at,
      ),
    ),
  );
  return { n, columns: new Map(loaded.map((column) => [column.name, column])), available: header };
}
