import type { Label } from '@assay/core-metrics';
import { type Data, type DataType, makeVector, Type, tableFromIPC, Vector } from 'apache-arrow';
import { RunnerError } from '../errors.js';
import { dictionaryLabelColumn, integerLabelColumn, numberColumn } from './arrow-columns.js';
import { finishLabels, LabelColumnBuilder } from './column-builders.js';
import { checkColumnsExist, emptyFile, readFailure } from './column-errors.js';
import type { ColumnKind, LoadedColumn, LoadedTable } from './loaded-column.js';
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
    const bytes = await readFileShared(file);
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
    out.push(readColumn(name, kind, numeric, vector.data, n));
  }
  return { n, ...splitTextColumns(out), available };
}

function readColumn(
  name: string,
  kind: ColumnKind,
  numeric: boolean,
  chunks: readonly Data<DataType>[],
  n: number,
): LoadedColumn {
  if (kind !== 'number') {
    const labels = integerLabelColumn(name, chunks, n) ?? dictionaryLabelColumn(name, chunks, n);
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
      builder.push(v instanceof Vector ? [...v] : v, false, () => `data row ${at + 1}`);
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
