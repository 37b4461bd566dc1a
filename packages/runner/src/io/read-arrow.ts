import type { Label } from '@assay/core-metrics';
import {
  type Data,
  type DataType,
  makeVector,
  type Table,
  Type,
  tableFromIPC,
  Vector,
} from 'apache-arrow';
import { RunnerError } from '../errors.js';
import type { LabelCensus } from '../score/label-census.js';
import type { LabelPresence } from '../score/label-scan.js';
import {
  dictionaryLabelColumn,
  int64Column,
  integerLabelColumn,
  numberColumn,
  sharedInt32View,
} from './arrow-columns.js';
import { POOL_SCAN_MIN_ROWS, scanArrowLabels } from './arrow-label-scan.js';
import { isStringType } from './arrow-string-type.js';
import { LabelColumnBuilder } from './column-builders.js';
import { checkColumnsExist, emptyFile, readFailure } from './column-errors.js';
import { finishLabels } from './finish-labels.js';
import { type LabelPair, withLoadedCensus } from './loaded-census.js';
import type { ColumnKind, LoadedColumn, LoadedTable } from './loaded-column.js';
import type { FileReadPool } from './read-csv-pool.js';
import { readFileShared } from './read-file-shared.js';
import { type ReadColumn, splitTextColumns, TextColumnBuilder } from './text-column-builder.js';

const NUMERIC_TYPES = new Set<Type>([Type.Int, Type.Float, Type.Decimal]);

/**
 * Reads an Arrow IPC file or stream (both framings are detected). The file's bytes go
 * into one `SharedArrayBuffer` and apache-arrow's buffers are views of them, so a Float64
 * column, an Int32 label column of the values `0..K-1` and an Int32-indexed dictionary
 * column reach the workers without a copy; other integer and dictionary columns are
 * converted with typed-array operations, never one JavaScript call per value.
 *
 * @param file - path of the `.arrow` / `.feather` / `.arrows` file
 * @param columns - the columns to read and how
 * @param pool - a runner with workers: large Int32 label columns are then scanned by the
 *   workers and this thread together ({@link scanArrowLabels})
 * @param pair - the true and predicted label columns of a scoring job to come: where both
 *   are such columns, the pool counts them together instead (`censusArrowLabels`), and the
 *   census is kept beside the table for the job
 * @returns the loaded columns
 * @throws {@link RunnerError} `FILE_NOT_FOUND`, `UNREADABLE_FILE`, `EMPTY_FILE`,
 *   `MISSING_COLUMN`, `NON_NUMERIC_VALUE` (a `number` column of a non-numeric type),
 *   `UNSAFE_INTEGER_LABEL` (an Int64 / Uint64 `label` or `auto` column with a value beyond
 *   2^53 - 1 in magnitude)
 */
export async function readArrow(
  file: string,
  columns: ReadonlyMap<string, ColumnKind>,
  pool?: FileReadPool,
  pair?: LabelPair,
): Promise<LoadedTable> {
  let table: ReturnType<typeof tableFromIPC>;
  try {
    const bytes = await readFileShared(file);
    if (bytes.length === 0) throw emptyFile(file);
    table = tableFromIPC(bytes);
    // apache-arrow reads bytes that are no IPC file as a table without columns
    if (table.schema.fields.length === 0) throw notArrow('no schema found');
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (error instanceof RunnerError || code === 'ENOENT') throw readFailure(file, error);
    // apache-arrow's own words ('Expected to read 745548921 metadata bytes') do not say that
    // the file is of another format
    throw readFailure(file, notArrow(`apache-arrow: ${(error as Error).message}`));
  }
  const available = table.schema.fields.map((f) => f.name);
  checkColumnsExist(file, [...columns.keys()], available);
  const n = table.numRows;
  if (n === 0) throw emptyFile(file);
  const { presence, census } = await poolPresence(table, columns, pool, pair);
  const out: ReadColumn[] = [];
  for (const [name, kind] of columns) {
    const vector = table.getChild(name)!;
    if (kind === 'text') {
      out.push(readTexts(name, vector.data));
      continue;
    }
    const numeric = NUMERIC_TYPES.has(vector.type.typeId as Type);
    if (kind === 'number' && !numeric) {
      throw new RunnerError(
        'NON_NUMERIC_VALUE',
        `Column "${name}" of ${file} has Arrow type ${String(vector.type)}; a numeric (int, float or decimal) column is required.`,
        { path: name },
      );
    }
    out.push(readColumn(name, kind, numeric, vector.data, n, presence.get(name)));
  }
  const loaded = { n, ...splitTextColumns(out), available };
  return census === null || pair === undefined ? loaded : withLoadedCensus(loaded, pair, census);
}

/** Why bytes are no Arrow IPC data, and what to pass for a text file. */
function notArrow(detail: string): Error {
  return new Error(
    `it is not an Arrow IPC file or stream (${detail}); .arrow, .arrows, .feather and .ipc files must hold Arrow IPC data, and a CSV, TSV or JSONL file needs --input-format csv, tsv or jsonl (format: 'csv', ...)`,
  );
}

/**
 * The presence tables of the label columns that are one shared Int32 chunk without nulls of
 * {@link POOL_SCAN_MIN_ROWS} rows or more, made on the pool (empty without a pool), and the
 * census of `pair` where both of its columns are such columns and their values are 0..31.
 */
async function poolPresence(
  table: Table,
  columns: ReadonlyMap<string, ColumnKind>,
  pool: FileReadPool | undefined,
  pair: LabelPair | undefined,
): Promise<{ presence: Map<string, LabelPresence | undefined>; census: LabelCensus | null }> {
  const presence = new Map<string, LabelPresence | undefined>();
  if (pool === undefined || pool.workers < 1 || table.numRows < POOL_SCAN_MIN_ROWS)
    return { presence, census: null };
  const views = new Map<string, Int32Array>();
  for (const [name, kind] of columns) {
    if (kind === 'number' || kind === 'text') continue;
    const values = sharedInt32View(table.getChild(name)!.data);
    if (values !== undefined) views.set(name, values);
  }
  const census = pair === undefined ? null : await censusPair(views, pair, pool);
  if (census !== null && pair !== undefined) {
    presence.set(pair.yTrue, census.presence.yTrue);
    presence.set(pair.yPred, census.presence.yPred);
    views.delete(pair.yTrue);
    views.delete(pair.yPred);
  }
  if (views.size > 0) {
    for (const [name, found] of await scanArrowLabels(views, pool)) presence.set(name, found);
  }
  return { presence, census };
}

/** The census of a label pair whose two columns are both among `views`, else null. */
async function censusPair(
  views: ReadonlyMap<string, Int32Array>,
  pair: LabelPair,
  pool: FileReadPool,
): Promise<LabelCensus | null> {
  const yTrue = views.get(pair.yTrue);
  const yPred = views.get(pair.yPred);
  if (yTrue === undefined || yPred === undefined || pair.yTrue === pair.yPred) return null;
  // loaded here: the census brings the fold kernels and the random streams with it, which a
  // caller that only reads files (`@assay/runner/load`) would otherwise import for nothing
  const { censusArrowLabels } = await import('./arrow-label-census.js');
  return censusArrowLabels(yTrue, yPred, pool);
}

function readColumn(
  name: string,
  kind: ColumnKind,
  numeric: boolean,
  chunks: readonly Data<DataType>[],
  n: number,
  presence: LabelPresence | undefined,
): LoadedColumn {
  if (kind !== 'number') {
    const labels =
      integerLabelColumn(name, chunks, n, presence) ??
      int64Column(name, chunks, n, kind === 'label' ? 'label' : 'auto') ??
      dictionaryLabelColumn(name, chunks, n);
    if (labels !== undefined) return labels;
  }
  return numeric && kind !== 'label' ? numberColumn(name, chunks, n) : readLabels(name, chunks, n);
}

function readLabels(name: string, chunks: readonly Data<DataType>[], n: number): LoadedColumn {
  const builder = new LabelColumnBuilder(n);
  for (const data of chunks) {
    const vector = makeVector(data);
    for (let i = 0; i < data.length; i++) {
      const v = vector.get(i) as unknown;
      builder.push(toLabel(v));
    }
  }
  return finishLabels(builder.finish(name), { stringTyped: isStringType(chunks[0]?.type) });
}

/** A string (utf8) or list-of-strings column; a list arrives as a Vector and becomes an array. */
function readTexts(name: string, chunks: readonly Data<DataType>[]): ReadColumn {
  const builder = new TextColumnBuilder(name);
  let row = 0;
  for (const data of chunks) {
    const vector = makeVector(data);
    for (let i = 0; i < data.length; i++, row++) {
      const v = vector.get(i) as unknown;
      const at = row;
      builder.push(v instanceof Vector ? [...v] : v, false, () => `data row ${at + 1}`);
    }
  }
  return builder.finish();
}

function toLabel(v: unknown): Label | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return Number(v);
  // Bool read as 1/0, as JSON Lines' true/false and scikit-learn (True == 1)
  if (typeof v === 'boolean') return v ? 1 : 0;
  return String(v);
}
