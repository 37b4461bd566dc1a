import { isMissingLabel, readLabel } from '@assay/labels';
import { RunnerError } from '../errors.js';
import { LabelColumnBuilder } from '../io/column-builders.js';
import type { LabelColumn, LoadedColumn, NumberColumn } from '../io/loaded-column.js';
import { sharedFloat64, sharedInt32 } from '../io/shared-arrays.js';
import type { IntegerArray } from '../pool/task-types.js';
import { denseNumberLabelPair, denseNumberLabels } from './dense-number-labels.js';
import { codesOverValues } from './in-place-codes.js';
import { asRunnerError, checkLabelKinds } from './label-kinds.js';
import { type LabelPresence, presenceFromBits, smallLabelBits } from './label-scan.js';
import { type NumberProfile, profileNumberPair, profileNumbers } from './number-profile.js';
import type { LabelValues, NumberValues } from './prediction-input.js';

function materialize(values: LabelValues | NumberValues): ArrayLike<unknown> {
  if (
    typeof values === 'object' &&
    values !== null &&
    !ArrayBuffer.isView(values) &&
    !Array.isArray(values) &&
    typeof (values as { toArray?: unknown }).toArray === 'function'
  ) {
    return (values as { toArray(): ArrayLike<unknown> }).toArray();
  }
  return values as ArrayLike<unknown>;
}

const DENSE_RANGE_LIMIT = 1 << 22;
const SMALL_LIMIT = 1 << 16;

/**
 * Label columns known to have no missing value and to use every dictionary
 * entry, so that preparation can skip two scans of the codes.
 */
export const COMPLETE_LABELS = new WeakSet<LoadedColumn>();

export function isIntegerArray(values: unknown): values is IntegerArray {
  return (
    values instanceof Int32Array ||
    values instanceof Uint8Array ||
    values instanceof Int8Array ||
    values instanceof Uint16Array ||
    values instanceof Int16Array ||
    values instanceof Uint32Array
  );
}

/**
 * Encodes an integer typed array as labels by a dense value table (two passes,
 * no hashing). The dictionary comes out sorted; when the values are already
 * `0..K-1` and the array is a shared Int32Array, it is used as the codes as is.
 *
 * @param name - the column's role
 * @param values - integer labels
 * @param presence - the values' presence table when the pool has scanned them already
 * @returns a label column, or undefined when the value range is too wide
 */
function denseIntegerLabels(
  name: string,
  values: IntegerArray,
  presence: LabelPresence | undefined,
): LoadedColumn | undefined {
  if (values.length === 0) return { kind: 'label', name, codes: sharedInt32(0), dictionary: [] };
  // the table is rewritten into codes below, so a pool-made one is copied (it may serve two columns)
  const scanned =
    presence === undefined
      ? presenceOf(values)
      : { min: presence.min, table: presence.table.slice() };
  if (scanned === undefined) return undefined;
  return encodeDense(name, values, scanned.min, scanned.table);
}

/** The one-thread scan: which values occur (two passes only for wide or negative values). */
function presenceOf(values: IntegerArray): LabelPresence | undefined {
  const bits = smallLabelBits(values, 0, values.length);
  if (bits > 0) return presenceFromBits(bits);
  // one pass when every value is a small non-negative integer (the common case)
  const seen = new Uint8Array(SMALL_LIMIT);
  let small = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v >= 0 && v < SMALL_LIMIT) seen[v] = 1;
    else {
      small = false;
      break;
    }
  }
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  if (small) {
    min = seen.indexOf(1);
    max = seen.lastIndexOf(1);
    return { min, table: Int32Array.from(seen.subarray(min, max + 1)) };
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (max - min >= DENSE_RANGE_LIMIT) return undefined;
  const table = new Int32Array(max - min + 1);
  for (let i = 0; i < values.length; i++) table[values[i]! - min] = 1;
  return { min, table };
}

function encodeDense(
  name: string,
  values: IntegerArray,
  min: number,
  table: Int32Array,
): LoadedColumn {
  const dictionary: number[] = [];
  for (let v = 0; v < table.length; v++) {
    if (table[v] === 1) {
      table[v] = dictionary.length;
      dictionary.push(v + min);
    }
  }
  const identity = min === 0 && dictionary.length === table.length;
  let column: LoadedColumn;
  if (identity && values instanceof Int32Array && values.buffer instanceof SharedArrayBuffer) {
    column = { kind: 'label', name, codes: values, dictionary };
  } else {
    const codes = sharedInt32(values.length);
    for (let i = 0; i < values.length; i++) codes[i] = table[values[i]! - min]!;
    column = { kind: 'label', name, codes, dictionary };
  }
  COMPLETE_LABELS.add(column);
  return column;
}

/**
 * Turns an in-memory column into a {@link LoadedColumn}: numeric typed arrays
 * and all-number arrays become a shared Float64 column (null → NaN); anything
 * else is dictionary-encoded as labels (null/NaN → missing).
 *
 * @param name - the column's role, for errors
 * @param values - the column
 * @param numeric - whether every value must be numeric
 * @param presence - for an integer typed array, its presence table when already scanned
 * @returns the column in shared memory
 * @throws {@link RunnerError} `NON_NUMERIC_VALUE` naming the row; `MIXED_LABEL_TYPES`
 *   for labels that mix numbers and strings, naming a row of each
 */
export function toLoadedColumn(
  name: string,
  values: LabelValues | NumberValues,
  numeric: boolean,
  presence?: LabelPresence | undefined,
): LoadedColumn {
  const array = materialize(values);
  if (!numeric && isIntegerArray(array)) {
    const labels = denseIntegerLabels(name, array, presence);
    if (labels !== undefined) return labels;
  }
  const n = array.length;
  const isNumericView =
    ArrayBuffer.isView(array) &&
    !(array instanceof BigInt64Array || array instanceof BigUint64Array);
  let allNumbers = isNumericView;
  if (!isNumericView) {
    allNumbers = true;
    for (let i = 0; i < n; i++) {
      const v = array[i];
      if (typeof v !== 'number' && v !== null && v !== undefined && typeof v !== 'bigint') {
        if (numeric) {
          throw new RunnerError(
            'NON_NUMERIC_VALUE',
            `${name} has the non-numeric value ${JSON.stringify(v)} at data row ${i + 1}; every value must be a number.`,
            { path: name },
          );
        }
        allNumbers = false;
        break;
      }
    }
  }
  if (allNumbers) {
    const out = sharedFloat64(n);
    for (let i = 0; i < n; i++) {
      const v = array[i] as number | bigint | null | undefined;
      out[i] = v === null || v === undefined ? Number.NaN : Number(v);
    }
    return { kind: 'number', name, values: out };
  }
  return inMemoryLabels(name, array);
}

/**
 * Dictionary-encodes an in-memory label column as `@assay/labels` reads labels
 * (booleans as 0/1, bigints as numbers, numeric strings stay strings), missing
 * values as -1; numbers mixed with strings are an error, as in core-metrics.
 */
function inMemoryLabels(name: string, array: ArrayLike<unknown>): LoadedColumn {
  const builder = new LabelColumnBuilder(array.length);
  try {
    for (let i = 0; i < array.length; i++) {
      const v = array[i];
      builder.push(isMissingLabel(v) ? null : readLabel(v, i, name));
    }
  } catch (error) {
    throw asRunnerError(error, name);
  }
  const column = builder.finish(name) as LabelColumn;
  checkLabelKinds(column, name);
  return column;
}

/** The codes of a number column encoded in place: the first half of its own bytes. */
function inPlaceTarget(column: NumberColumn, inPlace: boolean): Int32Array | undefined {
  return inPlace && column.values.buffer instanceof SharedArrayBuffer
    ? codesOverValues(column.values)
    : undefined;
}

/**
 * Refuses a number column used as labels that holds an integer beyond 2^53 - 1 in magnitude:
 * the reader (JSON, Arrow or Parquet 64-bit integers) already rounded it to a double, so
 * distinct labels may have become equal; scored, they would count as agreeing.
 */
function refuseUnsafeIntegers(column: NumberColumn, profile: NumberProfile): void {
  // every finite double beyond 2^53 - 1 is an integer; infinities are not ids
  const { min, max } = profile;
  const outside =
    Number.isFinite(max) && max > Number.MAX_SAFE_INTEGER
      ? max
      : Number.isFinite(min) && min < -Number.MAX_SAFE_INTEGER
        ? min
        : undefined;
  if (outside === undefined) return;
  throw new RunnerError(
    'UNSAFE_INTEGER_LABEL',
    `Column "${column.name}" has a label beyond 2^53 - 1 (${Number.MAX_SAFE_INTEGER}), read as ${String(outside)}: a number that large is rounded (the file may hold a neighbour of it), so distinct labels would collide; store such labels as strings (quoted in JSON, a string column in Arrow or Parquet).`,
    { path: column.name },
  );
}

/** The label column of a number column: the dense one when made, else by hashing each value. */
function finishNumberLabels(
  column: NumberColumn,
  dense: LabelColumn | undefined,
  complete: boolean,
) {
  if (dense !== undefined) {
    // every dictionary entry comes from a row, so only a missing row keeps it incomplete
    if (complete) COMPLETE_LABELS.add(dense);
    return dense;
  }
  const builder = new LabelColumnBuilder(column.values.length);
  const values = column.values;
  for (let i = 0; i < values.length; i++) builder.push(values[i]!);
  return builder.finish(column.name);
}

/**
 * Re-encodes a numeric column as labels (classification over numeric labels): through a
 * lookup table over the column's range when it holds integers in a small range, else by
 * hashing each value; the same codes and dictionary either way.
 *
 * @param column - a number column
 * @param inPlace - whether the codes may overwrite the values (the column is not read again)
 * @returns a label column with the same missing rows
 * @example
 * ```ts
 * numbersToLabels({ kind: 'number', name: 'y', values: Float64Array.of(5, 3, 5) });
 * // { kind: 'label', name: 'y', codes: [0, 1, 0], dictionary: [5, 3] }
 * ```
 */
export function numbersToLabels(column: LoadedColumn, inPlace = false): LoadedColumn {
  if (column.kind === 'label') return column;
  const profile = profileNumbers(column.values);
  refuseUnsafeIntegers(column, profile);
  const complete = profile.firstMissing < 0;
  const dense = denseNumberLabels(column.name, column.values, inPlaceTarget(column, inPlace));
  return finishNumberLabels(column, dense, complete);
}

/**
 * {@link numbersToLabels} of the true and predicted labels, in one pass over both when both
 * are number columns.
 *
 * @param a - a column
 * @param b - another column that shares no memory with `a` when `inPlace` allows either
 * @param inPlace - whether each column's codes may overwrite its values
 * @returns the label columns of `a` and `b`
 * @example
 * ```ts
 * const yTrue = { kind: 'number', name: 'y', values: Float64Array.of(5, 3, 5) };
 * const yPred = { kind: 'number', name: 'p', values: Float64Array.of(3, 3, 5) };
 * numberLabelPair(yTrue, yPred, [false, false]);
 * // [{ kind: 'label', name: 'y', codes: Int32Array [0, 1, 0], dictionary: [5, 3] }, { kind: 'label', name: 'p', codes: Int32Array [0, 0, 1], dictionary: [3, 5] }]
 * ```
 */
export function numberLabelPair(
  a: LoadedColumn,
  b: LoadedColumn,
  inPlace: readonly [boolean, boolean],
): [LoadedColumn, LoadedColumn] {
  if (a.kind === 'label' || b.kind === 'label') {
    return [numbersToLabels(a, inPlace[0]), numbersToLabels(b, inPlace[1])];
  }
  const [profileA, profileB] = profileNumberPair(a.values, b.values);
  refuseUnsafeIntegers(a, profileA);
  refuseUnsafeIntegers(b, profileB);
  const [denseA, denseB] = denseNumberLabelPair(
    { name: a.name, values: a.values, target: inPlaceTarget(a, inPlace[0]) },
    { name: b.name, values: b.values, target: inPlaceTarget(b, inPlace[1]) },
  );
  return [
    finishNumberLabels(a, denseA, profileA.firstMissing < 0),
    finishNumberLabels(b, denseB, profileB.firstMissing < 0),
  ];
}
