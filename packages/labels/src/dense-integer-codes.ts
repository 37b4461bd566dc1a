import type { ClassOrder, EncodedLabelColumns } from './class-order.js';

/**
 * Widest value range encoded through a table instead of a Map (a 16 MiB table at most).
 *
 * @example
 * ```ts
 * DENSE_RANGE_LIMIT; // 4194304
 * 1000 - 0 < DENSE_RANGE_LIMIT; // true: the codes of values 0..1000 go through a table
 * ```
 */
export const DENSE_RANGE_LIMIT = 1 << 22;

type IntegerTypedArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array;

function isIntegerTypedArray(values: unknown): values is IntegerTypedArray {
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

/** Widens `range` over a column; false at the first value that is not a safe integer. */
function checkedRange(column: ArrayLike<unknown>, range: [number, number]): boolean {
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) return false;
    if (v < range[0]) range[0] = v;
    if (v > range[1]) range[1] = v;
  }
  return true;
}

/**
 * Min and max of columns that hold only safe integers, or undefined as soon as
 * a value is anything else (a string, NaN, a fraction, ±Infinity, a boolean):
 * such columns take the checked path, which also names a bad row.
 *
 * @param columns - the materialized columns
 * @returns `[min, max]` (`[+Infinity, -Infinity]` when every column is empty), or undefined
 * @example
 * ```ts
 * integerRange([Int8Array.of(3, -1), [7]]); // [-1, 7]
 * integerRange([[1, 2.5]]); // undefined
 * ```
 */
export function integerRange(columns: readonly ArrayLike<unknown>[]): [number, number] | undefined {
  const range: [number, number] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const column of columns) {
    if (isIntegerTypedArray(column)) {
      // integer typed arrays need no per-value check (the common, large case)
      let [min, max] = range;
      for (let i = 0; i < column.length; i++) {
        const v = column[i]!;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      range[0] = min;
      range[1] = max;
    } else if (!checkedRange(column, range)) {
      return undefined;
    }
  }
  return range;
}

/**
 * Encodes integer columns through a value table (no hashing): one pass marks
 * each value's first appearance, then the table is renumbered in the wanted
 * order and a second pass writes the codes.
 *
 * @param columns - integer columns, every value in `[min, max]`
 * @param min - the smallest value
 * @param max - the largest value (`max - min < DENSE_RANGE_LIMIT`)
 * @param order - code order
 * @returns classes and one code array per column
 * @example
 * ```ts
 * encodeDenseIntegers([[5, 3, 5]], 3, 5, 'sorted'); // { classes: [3, 5], codes: [[1, 0, 1]] }
 * ```
 */
export function encodeDenseIntegers(
  columns: readonly ArrayLike<number>[],
  min: number,
  max: number,
  order: ClassOrder,
): EncodedLabelColumns {
  const range = max < min ? 0 : max - min + 1;
  const table = new Int32Array(range).fill(-1);
  // one read of each column: codes by first appearance as the table fills, then (sorted
  // order) one remap of the codes; re-reading the input instead was measurably slower
  let next = 0;
  const codes = columns.map((column) => {
    const out = new Int32Array(column.length);
    next = codeByFirstAppearance(column, min, table, out, next);
    return out;
  });
  const classes = new Array<number>(next);
  for (let v = 0; v < range; v++) if (table[v]! >= 0) classes[table[v]!] = v + min;
  if (order === 'first-appearance') return { classes, codes };
  const remap = new Int32Array(next);
  let rank = 0;
  for (let v = 0; v < range; v++) {
    if (table[v]! < 0) continue;
    remap[table[v]!] = rank;
    classes[rank++] = v + min;
  }
  for (const out of codes) for (let i = 0; i < out.length; i++) out[i] = remap[out[i]!]!;
  return { classes, codes };
}

/** Codes one column by first appearance through the value table; returns the next free code. Hot loop, kept alone. */
function codeByFirstAppearance(
  column: ArrayLike<number>,
  min: number,
  table: Int32Array,
  out: Int32Array,
  first: number,
): number {
  let next = first;
  for (let i = 0; i < out.length; i++) {
    const slot = column[i]! - min;
    let code = table[slot]!;
    if (code < 0) {
      code = next++;
      table[slot] = code;
    }
    out[i] = code;
  }
  return next;
}
