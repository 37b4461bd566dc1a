import { MetricInputError } from '../errors.js';
import { type ArrowVectorLike, firstNullRow, isArrowVector } from './arrow-vector.js';

/** A class label: a number or a string, as in scikit-learn. */
export type Label = number | string;

/** Label input accepted by metrics: a plain array, any typed array, or an Arrow vector. */
export type LabelInput = ArrayLike<Label> | ArrowVectorLike;

/** Label columns encoded to Int32 codes over one shared, sorted class list. */
export interface EncodedLabels {
  /** Sorted unique labels (scikit-learn's `unique_labels` order); code `i` means `classes[i]`. */
  readonly classes: Label[];
  /** One Int32Array of codes per input column, in input order. */
  readonly codes: Int32Array[];
}

type IntegerArray =
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array;

const DENSE_RANGE_LIMIT = 1 << 22;

function isIntegerTypedArray(values: unknown): values is IntegerArray {
  return (
    values instanceof Int32Array ||
    values instanceof Uint8Array ||
    values instanceof Int8Array ||
    values instanceof Uint16Array ||
    values instanceof Int16Array ||
    values instanceof Uint32Array ||
    values instanceof Float64Array ||
    values instanceof Float32Array
  );
}

/**
 * Min and max of numeric columns in one pass each, or null when a value is not an
 * integer (NaN, ±Infinity or a fraction in a float array: those take the checked path).
 */
function integerRange(columns: readonly IntegerArray[]): [number, number] | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const column of columns) {
    const float = column instanceof Float64Array || column instanceof Float32Array;
    for (let i = 0; i < column.length; i++) {
      const v = column[i]!;
      if (float && v !== Math.trunc(v)) return null;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return [min, max];
}

function materialize(values: LabelInput, argument: string): ArrayLike<unknown> {
  if (!isArrowVector(values)) return values;
  const nullRow = firstNullRow(values);
  if (nullRow >= 0) {
    throw new MetricInputError(
      'MISSING_VALUE',
      `${argument} has a null label at row ${nullRow}; every label must be a number or a string.`,
      argument,
    );
  }
  return values.toArray();
}

function checkLabel(value: unknown, row: number, argument: string): 'number' | 'string' {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) {
      throw new MetricInputError(
        'MISSING_VALUE',
        `${argument} has NaN at row ${row}; every label must be a number or a string.`,
        argument,
      );
    }
    return 'number';
  }
  if (typeof value === 'bigint') return 'number';
  throw new MetricInputError(
    value === null || value === undefined ? 'MISSING_VALUE' : 'MIXED_LABEL_TYPES',
    `${argument} has ${value === undefined ? 'undefined' : JSON.stringify(value)} at row ${row}; every label must be a number or a string.`,
    argument,
  );
}

function encodeDenseIntegers(columns: IntegerArray[], min: number, max: number): EncodedLabels {
  const range = max - min + 1;
  const present = new Int32Array(range);
  for (const column of columns) {
    for (let i = 0; i < column.length; i++) present[column[i]! - min] = 1;
  }
  const classes: number[] = [];
  for (let v = 0; v < range; v++) {
    if (present[v] === 1) {
      present[v] = classes.length;
      classes.push(v + min);
    }
  }
  const codes = columns.map((column) => {
    const out = new Int32Array(column.length);
    for (let i = 0; i < column.length; i++) out[i] = present[column[i]! - min]!;
    return out;
  });
  return { classes, codes };
}

function compareLabels(a: Label, b: Label): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Encodes one or more label columns to Int32 codes over their sorted union of
 * labels, as scikit-learn's `unique_labels` + `LabelEncoder` would.
 *
 * @param columns - named label columns, e.g. `[['yTrue', yTrue], ['yPred', yPred]]`
 * @returns the sorted class list and one code array per column
 * @throws {@link MetricInputError} `EMPTY_INPUT`, `LENGTH_MISMATCH`, `MISSING_VALUE`
 *   (null, undefined or NaN label, naming the row), `MIXED_LABEL_TYPES` (numbers
 *   mixed with strings)
 * @remarks
 * Integer typed arrays, and float typed arrays holding only integers, with a value
 * range below 2^22 take a counting fast path (no hashing); other inputs go through a
 * Map. -0 and 0 are the same label.
 * @example
 * ```ts
 * import { encodeLabels } from '@assay/core-metrics';
 * const { classes, codes } = encodeLabels([['yTrue', ['b', 'a']], ['yPred', ['a', 'c']]]);
 * // classes: ['a', 'b', 'c']; codes: [Int32Array [1, 0], Int32Array [0, 2]]
 * ```
 * @see sklearn.utils.multiclass.unique_labels
 * @see sklearn.preprocessing.LabelEncoder
 */
export function encodeLabels(columns: ReadonlyArray<readonly [string, LabelInput]>): EncodedLabels {
  const first = columns[0];
  if (first === undefined) return { classes: [], codes: [] };
  const arrays = columns.map(([name, values]) => materialize(values, name));
  for (let c = 0; c < arrays.length; c++) {
    const name = columns[c]![0];
    if (arrays[c]!.length === 0) {
      throw new MetricInputError(
        'EMPTY_INPUT',
        `${name} is empty; at least one label is required.`,
        name,
      );
    }
    if (arrays[c]!.length !== arrays[0]!.length) {
      throw new MetricInputError(
        'LENGTH_MISMATCH',
        `${name} has ${arrays[c]!.length} values but ${first[0]} has ${arrays[0]!.length}; they must have the same length.`,
        name,
      );
    }
  }
  if (arrays.every(isIntegerTypedArray)) {
    const ints = arrays as IntegerArray[];
    const range = integerRange(ints);
    if (range !== null && range[1] - range[0] < DENSE_RANGE_LIMIT) {
      return encodeDenseIntegers(ints, range[0], range[1]);
    }
  }
  return encodeGeneric(columns, arrays);
}

function encodeGeneric(
  columns: ReadonlyArray<readonly [string, LabelInput]>,
  arrays: ArrayLike<unknown>[],
): EncodedLabels {
  const seen = new Map<unknown, number>();
  let kind: 'number' | 'string' | undefined;
  let kindWhere = '';
  for (let c = 0; c < arrays.length; c++) {
    const name = columns[c]![0];
    const array = arrays[c]!;
    for (let i = 0; i < array.length; i++) {
      const value = array[i];
      if (seen.has(value)) continue;
      const k = checkLabel(value, i, name);
      if (kind === undefined) {
        kind = k;
        kindWhere = `${name}[${i}]`;
      } else if (k !== kind) {
        throw new MetricInputError(
          'MIXED_LABEL_TYPES',
          `${name} has the ${k} label ${JSON.stringify(value)} at row ${i} but ${kindWhere} is a ${kind}; labels must be all numbers or all strings.`,
          name,
        );
      }
      seen.set(value, 0);
    }
  }
  const classes = [...seen.keys()].map((v) => (typeof v === 'bigint' ? Number(v) : (v as Label)));
  classes.sort(compareLabels);
  const index = new Map<unknown, number>();
  classes.forEach((label, i) => {
    index.set(label, i);
  });
  for (const key of seen.keys())
    if (typeof key === 'bigint') index.set(key, index.get(Number(key))!);
  const codes = arrays.map((array) => {
    const out = new Int32Array(array.length);
    for (let i = 0; i < array.length; i++) out[i] = index.get(array[i])!;
    return out;
  });
  return { classes, codes };
}
