import { firstNullRow, isArrowVector } from './arrow-vector.js';
import type { ClassOrder, EncodedLabelColumns } from './class-order.js';
import { compareLabels } from './compare-labels.js';
import { DENSE_RANGE_LIMIT, encodeDenseIntegers, integerRange } from './dense-integer-codes.js';
import { checkLabelColumn, encodeOptionsOrder } from './encode-input-checks.js';
import type { Label, LabelInput } from './label.js';
import { LabelError } from './label-error.js';
import { LabelKindCheck } from './label-kind-check.js';
import { readLabel } from './read-label.js';

/**
 * Options of {@link encodeLabelColumns}.
 *
 * @example
 * ```ts
 * import type { EncodeLabelColumnsOptions } from '@assay/labels';
 * const options: EncodeLabelColumnsOptions = { order: 'first-appearance' };
 * ```
 */
export interface EncodeLabelColumnsOptions {
  /** Code order; default `'sorted'`. */
  readonly order?: ClassOrder | undefined;
}

function materialize(values: LabelInput, argument: string): ArrayLike<unknown> {
  if (!isArrowVector(values)) return values;
  const nullRow = firstNullRow(values);
  if (nullRow >= 0) {
    throw new LabelError(
      'MISSING_VALUE',
      `${argument} has a null label at row ${nullRow}; every label must be a number or a string.`,
      argument,
    );
  }
  return values.toArray();
}

/**
 * Codes every row by first appearance through a Map, reading and checking each
 * distinct raw value once.
 */
function encodeByMap(
  names: readonly string[],
  arrays: readonly ArrayLike<unknown>[],
): EncodedLabelColumns {
  // raw values (1n, true, '1') and their labels (1, 1, '1') share one map:
  // a label and a raw value that equal each other mean the same class
  const index = new Map<unknown, number>();
  const classes: Label[] = [];
  const kinds = new LabelKindCheck();
  const codes = arrays.map((array, c) => {
    const out = new Int32Array(array.length);
    let lastRaw: unknown;
    let lastCode = -1;
    for (let i = 0; i < array.length; i++) {
      const raw = array[i];
      if (raw === lastRaw && lastCode >= 0) {
        out[i] = lastCode;
        continue;
      }
      let code = index.get(raw);
      if (code === undefined) {
        const label = readLabel(raw, i, names[c]!);
        code = index.get(label);
        if (code === undefined) {
          kinds.check(label, names[c]!, i);
          code = classes.length;
          classes.push(label);
          index.set(label, code);
        }
        index.set(raw, code);
      }
      out[i] = code;
      lastRaw = raw;
      lastCode = code;
    }
    return out;
  });
  return { classes, codes };
}

function sortCodes(encoded: EncodedLabelColumns): EncodedLabelColumns {
  const { classes, codes } = encoded;
  const byValue = classes.map((_, i) => i).sort((a, b) => compareLabels(classes[a]!, classes[b]!));
  const rank = new Int32Array(classes.length);
  byValue.forEach((old, r) => {
    rank[old] = r;
  });
  for (const column of codes) for (let i = 0; i < column.length; i++) column[i] = rank[column[i]!]!;
  return { classes: byValue.map((old) => classes[old]!), codes };
}

/**
 * Encodes one or more label columns to Int32 codes over their union of labels,
 * as scikit-learn's `unique_labels` + `LabelEncoder` (or `np.unique` with
 * `return_inverse`) would.
 *
 * @remarks
 * Order is `np.unique`'s: numbers numerically, strings by Unicode code point
 * (numpy compares UCS4 code points, so '\uFF5E' sorts before '\u{1F600}', unlike
 * JavaScript's `<`). Booleans read as 0 and 1 and bigints as numbers; -0 and 0
 * are one label, reported as 0. Columns whose values are all safe integers
 * within a range below 2^22 take a table path (no hashing).
 *
 * @param columns - named label columns, e.g. `[['yTrue', yTrue], ['yPred', yPred]]`
 * @param options - code order (`'sorted'`, the default, or `'first-appearance'`)
 * @returns the class list and one code array per column
 * @throws {@link LabelError} `MISSING_VALUE` (null, undefined or NaN, naming the
 *   column and row), `MIXED_LABEL_TYPES` (numbers mixed with strings, naming where
 *   each kind was met; a value that is not a label; or a column that is not an array,
 *   a typed array or an Arrow vector, such as a string), `INVALID_OPTION` (options not a
 *   plain object, a key other than `order`, or an order other than the two)
 * @example
 * ```ts
 * import { encodeLabelColumns } from '@assay/labels';
 * const { classes, codes } = encodeLabelColumns([['yTrue', ['b', 'a']], ['yPred', ['a', 'c']]]);
 * classes; // ['a', 'b', 'c']
 * codes[1]; // [0, 2]
 * ```
 * @see sklearn.utils.multiclass.unique_labels
 * @see sklearn.preprocessing.LabelEncoder
 */
export function encodeLabelColumns(
  columns: ReadonlyArray<readonly [string, LabelInput]>,
  options: EncodeLabelColumnsOptions = {},
): EncodedLabelColumns {
  const order = encodeOptionsOrder(options);
  for (const [name, values] of columns) checkLabelColumn(values, name);
  const names = columns.map(([name]) => name);
  const arrays = columns.map(([name, values]) => materialize(values, name));
  const range = integerRange(arrays);
  if (range !== undefined && range[1] - range[0] < DENSE_RANGE_LIMIT) {
    return encodeDenseIntegers(arrays as ArrayLike<number>[], range[0], range[1], order);
  }
  const encoded = encodeByMap(names, arrays);
  return order === 'sorted' ? sortCodes(encoded) : encoded;
}
