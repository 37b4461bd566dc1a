import { readFile } from 'node:fs/promises';
import type { Label } from '@assay/core-metrics';
import { type Data, type DataType, makeVector, Type, tableFromIPC, Vector } from 'apache-arrow';
import { RunnerError } from '../errors.js';
import { finishLabels, LabelColumnBuilder } from './column-builders.js';
import { checkColumnsExist, emptyFile, readFailure } from './column-errors.js';
import type { ColumnKind, LoadedColumn, LoadedTable } from './loaded-column.js';
import { sharedFloat64 } from './shared-arrays.js';
import { type ReadColumn, splitTextColumns, TextColumnBuilder } from './text-column-builder.js';

const NUMERIC_TYPES = new Set<Type>([Type.Int, Type.Float, Type.Decimal]);

/**
 * Reads an Arrow IPC file or stream (both framings are detected) and copies
 * the requested columns, chunk by chunk, into shared memory.
 *
 * @param file - path of the `.arrow` / `.feather` / `.arrows` file
 * @param columns - the columns to read and how
 * @returns the loaded columns
 * @throws {@link RunnerError} `FILE_NOT_FOUND`, `UNREADABLE_FILE`, `EMPTY_FILE`,
 *   `MISSING_COLUMN`, `NON_NUMERIC_VALUE` (a `number` column of a non-numeric type)
 */
export async function readArrow(
  file: string,
  columns: ReadonlyMap<string, ColumnKind>,
): Promise<LoadedTable> {
  let table: ReturnType<typeof tableFromIPC>;
  try {
    const bytes = await readFile(file);
    if (bytes.length === 0) throw emptyFile(file);
    table = tableFromIPC(bytes);
  } catch (error) {
    throw readFailure(file, error);
  }
  const available = table.schema.fields.map((f) => f.name);
  checkColumnsExist(file, [...columns.keys()], available);
  const n = table.numRows;
  if (n === 0) throw emptyFile(file);
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
    out.push(
      numeric && kind !== 'label'
        ? readNumbers(name, vector.data, n)
        : readLabels(name, vector.data, n),
    );
  }
  return { n, ...splitTextColumns(out), available };
}

function readNumbers(name: string, chunks: readonly Data<DataType>[], n: number): LoadedColumn {
  const values = sharedFloat64(n);
  let pos = 0;
  for (const data of chunks) {
    const raw = data.values as ArrayLike<number | bigint>;
    const length = data.length;
    if (
      data.type.typeId === Type.Decimal ||
      raw instanceof BigInt64Array ||
      raw instanceof BigUint64Array
    ) {
      const vector = makeVector(data);
      for (let i = 0; i < length; i++) {
        const v = vector.get(i) as unknown;
        values[pos + i] = v === null ? Number.NaN : Number(v);
      }
    } else {
      // builder and IPC buffers are padded: loop to data.length, not raw.length
      for (let i = 0; i < length; i++) values[pos + i] = raw[i] as number;
      if (data.nullCount > 0) {
        const vector = makeVector(data);
        for (let i = 0; i < length; i++) if (!vector.isValid(i)) values[pos + i] = Number.NaN;
      }
    }
    pos += length;
  }
  return { kind: 'number', name, values };
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
  return finishLabels(builder.finish(name));
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
      builder.push(v instanceof Vector ? [...v] : v, false, () => `row ${at}`);
    }
  }
  return builder.finish();
}

function toLabel(v: unknown): Label | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return Number(v);
  return String(v);
}
