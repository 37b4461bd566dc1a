import { SplitError } from '../errors.js';
import { type ArrowVectorLike, firstNullRow, isArrowVector } from './arrow-vector.js';
import { compareLabels } from './compare-labels.js';

/** A class or group label: a number or a string (booleans and bigints are read as numbers). */
export type Label = number | string | boolean | bigint;

/** Label input accepted by splitters: a plain array, any typed array, or an Arrow vector. */
export type LabelInput = ArrayLike<Label> | ArrowVectorLike;

/**
 * Which code each distinct label gets: `'sorted'` is `np.unique` order;
 * `'first-appearance'` numbers labels by the row where each first occurs, as
 * scikit-learn's StratifiedKFold re-encodes `y`.
 */
export type ClassOrder = 'sorted' | 'first-appearance';

/** A label column encoded to Int32 codes. */
export interface EncodedLabels {
  /** One code per row, in [0, classes.length). */
  readonly codes: Int32Array;
  /** The distinct labels; code `i` means `classes[i]`. */
  readonly classes: (number | string)[];
  /** Rows per code. */
  readonly counts: Int32Array;
}

/** Options of {@link encodeLabels}. */
export interface EncodeOptions {
  /** Code order; default `'sorted'`. */
  readonly order?: ClassOrder;
  /** Reject non-integer numeric labels as scikit-learn's `type_of_target` would ('continuous'). */
  readonly discrete?: boolean;
}

type IntegerArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array;

const DENSE_RANGE_LIMIT = 1 << 22;

function isIntegerTypedArray(values: unknown): values is IntegerArray {
  return (
    values instanceof Int32Array ||
    values instanceof Uint8Array ||
    values instanceof Int8Array ||
    values instanceof Uint16Array ||
    values instanceof Int16Array ||
    values instanceof Uint32Array ||
    values instanceof Uint8ClampedArray
  );
}

function materialize(values: LabelInput, argument: string): ArrayLike<unknown> {
  if (!isArrowVector(values)) return values;
  const nullRow = firstNullRow(values);
  if (nullRow >= 0) {
    throw new SplitError(
      'MISSING_VALUE',
      `${argument} has a null label at row ${nullRow}; every label must be a number or a string.`,
      argument,
    );
  }
  return values.toArray();
}

function missing(argument: string, row: number, what: string): SplitError {
  return new SplitError(
    'MISSING_VALUE',
    `${argument} has ${what} at row ${row}; every label must be a number or a string.`,
    argument,
  );
}

/** Min and max of an all-integer numeric column, or undefined when it holds anything else. */
function integerRange(array: ArrayLike<unknown>, argument: string): [number, number] | undefined {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < array.length; i++) {
    const v = array[i];
    if (typeof v !== 'number') return undefined;
    if (Number.isNaN(v)) throw missing(argument, i, 'NaN');
    if (!Number.isSafeInteger(v)) return undefined;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

/** Min and max of an integer typed array ([0, -1] when empty). */
function typedRange(array: IntegerArray): [number, number] {
  if (array.length === 0) return [0, -1];
  let min = array[0]!;
  let max = min;
  for (let i = 1; i < array.length; i++) {
    const v = array[i]!;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  return [min, max];
}

function encodeDense(
  array: ArrayLike<number>,
  min: number,
  max: number,
  order: ClassOrder,
): EncodedLabels {
  const n = array.length;
  const range = n === 0 ? 0 : max - min + 1;
  const table = new Int32Array(range).fill(-1);
  const codes = new Int32Array(n);
  const nClasses = codeByFirstAppearance(array, min, table, codes);
  const counts = countCodes(codes, nClasses);
  const byCode = new Array<number>(nClasses);
  for (let v = 0; v < range; v++) if (table[v]! >= 0) byCode[table[v]!] = v + min;
  if (order === 'first-appearance') return { codes, classes: byCode, counts };
  const remap = new Int32Array(nClasses);
  const classes: number[] = [];
  for (let v = 0; v < range; v++) {
    if (table[v]! >= 0) {
      remap[table[v]!] = classes.length;
      classes.push(v + min);
    }
  }
  remapCodes(codes, remap);
  const sortedCounts = new Int32Array(nClasses);
  for (let c = 0; c < nClasses; c++) sortedCounts[remap[c]!] = counts[c]!;
  return { codes, classes, counts: sortedCounts };
}

/** Codes rows by first appearance through a dense value table; returns the class count. Hot loop, kept alone. */
function codeByFirstAppearance(
  array: ArrayLike<number>,
  min: number,
  table: Int32Array,
  codes: Int32Array,
): number {
  let next = 0;
  for (let i = 0; i < codes.length; i++) {
    const slot = array[i]! - min;
    let code = table[slot]!;
    if (code < 0) {
      code = next;
      table[slot] = next;
      next++;
    }
    codes[i] = code;
  }
  return next;
}

function remapCodes(codes: Int32Array, remap: Int32Array): void {
  for (let i = 0; i < codes.length; i++) codes[i] = remap[codes[i]!]!;
}

function countCodes(codes: Int32Array, nClasses: number): Int32Array {
  const counts = new Int32Array(nClasses);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    counts[c] = counts[c]! + 1;
  }
  return counts;
}

function normalize(value: unknown, row: number, argument: string): number | string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) throw missing(argument, row, 'NaN');
    return value;
  }
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null || value === undefined) throw missing(argument, row, String(value));
  throw new SplitError(
    'MIXED_LABEL_TYPES',
    `${argument} has a ${typeof value} at row ${row}; every label must be a number or a string.`,
    argument,
  );
}

function encodeGeneric(
  array: ArrayLike<unknown>,
  argument: string,
  order: ClassOrder,
): EncodedLabels {
  const n = array.length;
  const index = new Map<unknown, number>();
  const classes: (number | string)[] = [];
  const codes = new Int32Array(n);
  let kind: 'number' | 'string' | undefined;
  let kindRow = 0;
  let lastRaw: unknown;
  let lastCode = -1;
  for (let i = 0; i < n; i++) {
    const raw = array[i];
    if (raw === lastRaw && lastCode >= 0) {
      codes[i] = lastCode;
      continue;
    }
    let code = index.get(raw);
    if (code === undefined) {
      const label = normalize(raw, i, argument);
      code = index.get(label);
      if (code === undefined) {
        const k = typeof label === 'string' ? 'string' : 'number';
        if (kind === undefined) {
          kind = k;
          kindRow = i;
        } else if (k !== kind) {
          throw new SplitError(
            'MIXED_LABEL_TYPES',
            `${argument} has the ${k} label ${JSON.stringify(label)} at row ${i} but row ${kindRow} holds a ${kind}; labels must be all numbers or all strings.`,
            argument,
          );
        }
        code = classes.length;
        classes.push(label);
        index.set(label, code);
      }
      index.set(raw, code);
    }
    codes[i] = code;
    lastRaw = raw;
    lastCode = code;
  }
  const counts = countCodes(codes, classes.length);
  if (order === 'first-appearance') return { codes, classes, counts };
  const byValue = classes.map((_, i) => i).sort((a, b) => compareLabels(classes[a]!, classes[b]!));
  const remap = new Int32Array(classes.length);
  byValue.forEach((old, rank) => {
    remap[old] = rank;
  });
  for (let i = 0; i < n; i++) codes[i] = remap[codes[i]!]!;
  return {
    codes,
    classes: byValue.map((old) => classes[old]!),
    counts: Int32Array.from(byValue, (old) => counts[old]!),
  };
}

/**
 * Encodes a label column (`y` or `groups`) to Int32 codes.
 *
 * @remarks
 * Integer columns whose range is below 2^22 take a counting path (no hashing,
 * no per-row objects); others go through a `Map`. Booleans read as 0/1 and
 * bigints as numbers, as numpy would upcast them.
 *
 * @param values - the column: plain array, typed array or Arrow vector
 * @param argument - its name for error messages, e.g. `'input.y'`
 * @param options - code order and whether `y` must be discrete
 * @returns codes, distinct labels and per-code counts
 * @throws {@link SplitError} `MISSING_VALUE` (null, undefined or NaN, naming the row),
 *   `MIXED_LABEL_TYPES`, `INVALID_TARGET` (non-integer numbers with `discrete`)
 * @example
 * ```ts
 * encodeLabels(['b', 'a', 'b'], 'input.y').codes; // Int32Array [1, 0, 1]
 * encodeLabels(['b', 'a', 'b'], 'input.y', { order: 'first-appearance' }).codes; // [0, 1, 0]
 * ```
 * @see numpy.unique with `return_inverse=True`
 */
export function encodeLabels(
  values: LabelInput,
  argument: string,
  options: EncodeOptions = {},
): EncodedLabels {
  const order = options.order ?? 'sorted';
  const array = materialize(values, argument);
  let encoded: EncodedLabels | undefined;
  if (isIntegerTypedArray(array)) {
    const [min, max] = typedRange(array);
    if (max - min < DENSE_RANGE_LIMIT) encoded = encodeDense(array, min, max, order);
  } else if (!(array instanceof BigInt64Array || array instanceof BigUint64Array)) {
    const range = integerRange(array, argument);
    if (range !== undefined && range[1] - range[0] < DENSE_RANGE_LIMIT) {
      encoded = encodeDense(array as ArrayLike<number>, range[0], range[1], order);
    }
  }
  encoded ??= encodeGeneric(array, argument, order);
  if (options.discrete === true) {
    for (const label of encoded.classes) {
      if (typeof label === 'number' && !Number.isInteger(label)) {
        throw new SplitError(
          'INVALID_TARGET',
          `${argument} holds the non-integer number ${label}, so it is a continuous target; stratified splitters need class labels (integers or strings), as scikit-learn's binary or multiclass targets.`,
          argument,
        );
      }
    }
  }
  return encoded;
}
