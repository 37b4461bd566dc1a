import type { Label } from '@assay/core-metrics';
import { type Data, type DataType, makeVector, Type } from 'apache-arrow';
import { RunnerError } from '../errors.js';
import type { IntegerArray } from '../pool/task-types.js';
import type { LabelPresence } from '../score/label-scan.js';
import { toLoadedColumn } from '../score/to-loaded-column.js';
import { isStringType } from './arrow-string-type.js';
import { LabelColumnBuilder } from './column-builders.js';
import { finishLabels } from './finish-labels.js';
import { internLabel } from './label-intern.js';
import type { LoadedColumn } from './loaded-column.js';
import { sharedFloat64, sharedInt32 } from './shared-arrays.js';

type Chunks = readonly Data<DataType>[];

/** Whether bit `i` of an Arrow validity bitmap says the slot holds a value. */
function isValid(bitmap: Uint8Array, offset: number, i: number): boolean {
  const bit = offset + i;
  return (bitmap[bit >> 3]! & (1 << (bit & 7))) !== 0;
}

/** Integer types whose values fit an Int32 exactly (Uint32 and 64-bit ones do not). */
function isNarrowInt(type: DataType): boolean {
  const t = type as unknown as { bitWidth?: number; isSigned?: boolean };
  return (
    type.typeId === Type.Int &&
    t.bitWidth !== undefined &&
    (t.bitWidth < 32 || (t.bitWidth === 32 && t.isSigned === true))
  );
}

/** Int64 and Uint64: their values are bigints, exact only to 2^53 - 1 as numbers. */
function is64BitInt(type: DataType): boolean {
  return type.typeId === Type.Int && (type as unknown as { bitWidth?: number }).bitWidth === 64;
}

/**
 * The column's values as they lie in the file's bytes: a shared Int32 view when the column
 * is one Int32 chunk without nulls (not a dictionary's indices), else undefined.
 *
 * @param chunks - the column's chunks
 * @returns the view, or undefined
 * @example
 * ```ts
 * const shared = new Int32Array(new SharedArrayBuffer(12));
 * shared.set([1, 0, 1]);
 * const table = tableFromArrays({ y_true: shared, y_pred: Int32Array.of(1, 1, 0) });
 * sharedInt32View(table.getChild('y_true').data); // Int32Array [1, 0, 1]
 * sharedInt32View(table.getChild('y_pred').data); // undefined (not in shared memory)
 * ```
 */
export function sharedInt32View(chunks: Chunks): Int32Array | undefined {
  const only = chunks.length === 1 ? chunks[0]! : undefined;
  const raw = only?.values as unknown;
  if (
    only !== undefined &&
    only.type.typeId === Type.Int &&
    only.nullCount === 0 &&
    raw instanceof Int32Array &&
    raw.buffer instanceof SharedArrayBuffer
  ) {
    return raw.subarray(0, only.length);
  }
  return undefined;
}

/**
 * The values of integer chunks as one Int32Array in shared memory: the chunk's own
 * buffer (a view of the file's bytes) when the column is one Int32 chunk without
 * nulls, else one copy made by `TypedArray.set` (no per-value JavaScript call).
 * Null slots take the first non-null value, so that they add no label; their rows
 * are returned to be marked missing after encoding.
 */
function int32Values(chunks: Chunks, n: number): { values: Int32Array; nulls: number[] } {
  const view = sharedInt32View(chunks);
  if (view !== undefined) return { values: view, nulls: [] };
  const values = sharedInt32(n);
  const nulls: number[] = [];
  let pos = 0;
  for (const data of chunks) {
    values.set((data.values as IntegerArray).subarray(0, data.length), pos);
    if (data.nullCount > 0 && data.nullBitmap !== undefined) {
      for (let i = 0; i < data.length; i++)
        if (!isValid(data.nullBitmap, data.offset, i)) nulls.push(pos + i);
    }
    pos += data.length;
  }
  if (nulls.length > 0) {
    const blank = new Uint8Array(n);
    for (const row of nulls) blank[row] = 1;
    const first = blank.indexOf(0);
    const fill = first < 0 ? 0 : values[first]!;
    for (const row of nulls) values[row] = fill;
  }
  return { values, nulls };
}

/**
 * The labels of integer values already in one shared Int32Array (`nulls`: rows to mark
 * missing, whose slots hold a value that adds no label), by a dense value table.
 */
function int32Labels(
  name: string,
  values: Int32Array,
  nulls: readonly number[],
  presence: LabelPresence | undefined,
): LoadedColumn | undefined {
  if (nulls.length === values.length) return undefined;
  // a table scanned on the pool holds for the values as they are, which only a view keeps
  const column = toLoadedColumn(name, values, false, nulls.length === 0 ? presence : undefined);
  if (column.kind !== 'label') return undefined;
  if (nulls.length === 0) return column;
  // the codes are a fresh array here (values was a copy), so marking them is safe
  const codes = column.codes;
  for (const row of nulls) codes[row] = -1;
  return { kind: 'label', name, codes, dictionary: column.dictionary };
}

/**
 * An Arrow integer column (8-, 16- or 32-bit, or unsigned 8/16-bit) read as labels by a
 * dense value table; a column of the values `0..K-1` in one Int32 chunk becomes its own
 * codes, a view of the file's bytes.
 *
 * @param name - the column
 * @param chunks - the column's chunks
 * @param n - rows
 * @param presence - the values' presence table, when already scanned (on the pool)
 * @returns the label column, or undefined when the type or the value range does not fit
 */
export function integerLabelColumn(
  name: string,
  chunks: Chunks,
  n: number,
  presence?: LabelPresence | undefined,
): LoadedColumn | undefined {
  if (chunks.length === 0 || !chunks.every((data) => isNarrowInt(data.type))) return undefined;
  const { values, nulls } = int32Values(chunks, n);
  return int32Labels(name, values, nulls, presence);
}

const TWO_32 = 2 ** 32;
/** The high words (as Int32) of the safe integers: |value| <= 2^53 - 1 needs -2^21 <= high < 2^21. */
const SAFE_HIGH = 2 ** 21;

function unsafeIntegerLabel(name: string, value: bigint): RunnerError {
  return new RunnerError(
    'UNSAFE_INTEGER_LABEL',
    `Column "${name}" has the label ${String(value)}, an integer beyond 2^53 - 1 (${Number.MAX_SAFE_INTEGER}): as a number it cannot be told apart from its neighbours, so labels would collide; store such labels as strings (a string column in Arrow).`,
    { path: name },
  );
}

/**
 * The values of Int64 / Uint64 chunks as numbers (NaN where null), read through a 32-bit
 * view of their little-endian bytes (as Arrow IPC stores them): no bigint per value but
 * for the values beyond 2^53 - 1 in magnitude, which no number holds exactly.
 *
 * @throws {@link RunnerError} `UNSAFE_INTEGER_LABEL` at the first such value when `refuse`
 *   (else it is rounded to the nearest number)
 */
function int64Numbers(
  name: string,
  chunks: Chunks,
  n: number,
  refuse: boolean,
): { values: Float64Array; nulls: number[]; fitsInt32: boolean } {
  const values = sharedFloat64(n);
  const nulls: number[] = [];
  let fitsInt32 = true;
  let pos = 0;
  for (const data of chunks) {
    const raw = data.values as unknown as BigInt64Array | BigUint64Array;
    const words = new Int32Array(raw.buffer, raw.byteOffset, data.length * 2);
    const signed = raw instanceof BigInt64Array;
    const bitmap = data.nullCount > 0 ? data.nullBitmap : undefined;
    for (let i = 0; i < data.length; i++) {
      if (bitmap !== undefined && !isValid(bitmap, data.offset, i)) {
        values[pos + i] = Number.NaN;
        nulls.push(pos + i);
        continue;
      }
      const low = words[2 * i]!;
      const high = words[2 * i + 1]!;
      if (high === low >> 31 && (signed || high === 0)) {
        values[pos + i] = low;
        continue;
      }
      fitsInt32 = false;
      const top = signed ? high : high >>> 0;
      const value = top * TWO_32 + (low >>> 0);
      if (top >= -SAFE_HIGH && top < SAFE_HIGH && Number.isSafeInteger(value)) {
        values[pos + i] = value;
        continue;
      }
      if (refuse) throw unsafeIntegerLabel(name, raw[i]!);
      values[pos + i] = Number(raw[i]!);
    }
    pos += data.length;
  }
  return { values, nulls, fitsInt32 };
}

/**
 * An Arrow Int64 or Uint64 column read as `label` or `auto`: values that all fit an Int32
 * become labels as an Int32 column's do (dense value table, sorted dictionary); wider
 * values become labels in first-seen order (`label`) or a Float64 column (`auto`, exact to
 * 2^53 - 1 as from a JSON file: scoring refuses such a column as labels beyond that).
 *
 * @param name - the column
 * @param chunks - the column's chunks
 * @param n - rows
 * @param kind - how the column was requested
 * @returns the column, or undefined when the type is not a 64-bit integer or every value is null
 * @throws {@link RunnerError} `UNSAFE_INTEGER_LABEL` naming the column for a `label`
 *   column's value beyond 2^53 - 1 in magnitude, so that distinct labels never collide
 */
export function int64Column(
  name: string,
  chunks: Chunks,
  n: number,
  kind: 'label' | 'auto',
): LoadedColumn | undefined {
  if (chunks.length === 0 || !chunks.every((data) => is64BitInt(data.type))) return undefined;
  const { values, nulls, fitsInt32 } = int64Numbers(name, chunks, n, kind === 'label');
  if (nulls.length === n) return undefined;
  if (fitsInt32) {
    const ints = sharedInt32(n);
    if (nulls.length > 0) {
      // null slots take a value of the column, so that they add no label
      let fill = 0;
      for (let i = 0; i < n; i++) {
        if (!Number.isNaN(values[i]!)) {
          fill = values[i]!;
          break;
        }
      }
      for (const row of nulls) values[row] = fill;
    }
    ints.set(values);
    const labels = int32Labels(name, ints, nulls, undefined);
    if (labels !== undefined) return labels;
    if (nulls.length > 0) for (const row of nulls) values[row] = Number.NaN;
  }
  if (kind === 'auto') return { kind: 'number', name, values };
  const builder = new LabelColumnBuilder(n);
  for (let i = 0; i < n; i++) builder.push(values[i]!);
  return finishLabels(builder.finish(name));
}

function labelOf(v: unknown): Label | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return Number(v);
  return String(v);
}

/**
 * A dictionary-encoded Arrow column read as labels: the dictionary's values become the
 * labels (one code per distinct value) and the indices the codes, a view of the file's
 * bytes when the indices are one Int32 chunk without nulls or repeated dictionary values.
 *
 * @param name - the column
 * @param chunks - the column's chunks (one shared dictionary; else undefined)
 * @param n - rows
 * @returns the label column, or undefined when the chunks do not share one dictionary
 */
export function dictionaryLabelColumn(
  name: string,
  chunks: Chunks,
  n: number,
): LoadedColumn | undefined {
  const first = chunks[0];
  if (first === undefined || first.type.typeId !== Type.Dictionary) return undefined;
  const dict = first.dictionary;
  if (dict === undefined || !chunks.every((data) => data.dictionary === dict)) return undefined;
  const dictionary: Label[] = [];
  const index = new Map<Label, number>();
  const remap = new Int32Array(dict.length);
  let identity = true;
  for (let k = 0; k < dict.length; k++) {
    const label = labelOf(dict.get(k));
    if (label === null || (typeof label === 'number' && Number.isNaN(label))) {
      remap[k] = -1;
      identity = false;
      continue;
    }
    const code = internLabel(index, dictionary, label);
    remap[k] = code;
    if (code !== k) identity = false;
  }
  const raw = first.values as unknown;
  let codes: Int32Array;
  if (
    identity &&
    chunks.length === 1 &&
    first.nullCount === 0 &&
    raw instanceof Int32Array &&
    raw.buffer instanceof SharedArrayBuffer
  ) {
    codes = raw.subarray(0, first.length);
  } else {
    codes = sharedInt32(n);
    let pos = 0;
    for (const data of chunks) {
      const indices = data.values as IntegerArray;
      const bitmap = data.nullCount > 0 ? data.nullBitmap : undefined;
      for (let i = 0; i < data.length; i++) codes[pos + i] = remap[indices[i]!]!;
      if (bitmap !== undefined) {
        for (let i = 0; i < data.length; i++)
          if (!isValid(bitmap, data.offset, i)) codes[pos + i] = -1;
      }
      pos += data.length;
    }
  }
  return finishLabels(
    { kind: 'label', name, codes, dictionary },
    { stringTyped: isStringType(first.type) },
  );
}

/**
 * A numeric Arrow column as Float64 in shared memory: a view of the file's bytes for
 * one Float64 chunk without nulls, else converted by `TypedArray.set`; nulls become NaN.
 * 64-bit integers and decimals go through apache-arrow's vector (exact only to 2^53).
 *
 * @param name - the column
 * @param chunks - the column's chunks
 * @param n - rows
 * @returns the number column
 */
export function numberColumn(name: string, chunks: Chunks, n: number): LoadedColumn {
  const only = chunks.length === 1 ? chunks[0]! : undefined;
  const raw = only?.values as unknown;
  if (
    only !== undefined &&
    only.nullCount === 0 &&
    raw instanceof Float64Array &&
    raw.buffer instanceof SharedArrayBuffer
  ) {
    return { kind: 'number', name, values: raw.subarray(0, only.length) };
  }
  const values = sharedFloat64(n);
  let pos = 0;
  for (const data of chunks) {
    const chunkValues = data.values as unknown;
    const length = data.length;
    if (
      data.type.typeId === Type.Decimal ||
      chunkValues instanceof BigInt64Array ||
      chunkValues instanceof BigUint64Array
    ) {
      const vector = makeVector(data);
      for (let i = 0; i < length; i++) {
        const v = vector.get(i) as unknown;
        values[pos + i] = v === null ? Number.NaN : Number(v);
      }
    } else {
      // IPC buffers are padded: take data.length values, not the buffer's length
      values.set((chunkValues as Float64Array).subarray(0, length), pos);
      const bitmap = data.nullCount > 0 ? data.nullBitmap : undefined;
      if (bitmap !== undefined) {
        for (let i = 0; i < length; i++)
          if (!isValid(bitmap, data.offset, i)) values[pos + i] = Number.NaN;
      }
    }
    pos += length;
  }
  return { kind: 'number', name, values };
}
