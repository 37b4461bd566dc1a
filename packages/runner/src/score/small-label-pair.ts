import type { Label } from '@assay/labels';
import type { LabelColumn, NumberColumn } from '../io/loaded-column.js';
import { codesOverValues } from './in-place-codes.js';
import { COMPLETE_LABELS } from './to-loaded-column.js';

/** Label values the one-pass encoding takes: 0..SMALL-1 (a code table of 4 KiB each). */
const SMALL = 1024;

/** Labels by code: the value of each table slot that received one. */
function labelsOf(table: Int32Array, size: number): Float64Array {
  const labels = new Float64Array(size);
  for (let v = 0; v < table.length; v++) if (table[v]! >= 0) labels[table[v]!] = v;
  return labels;
}

/**
 * Puts back the values of rows `[0, end)` that codes written in place covered: value j
 * sits on codes 2j and 2j+1, so going down from the last covered row reads each code
 * before a restored value covers it.
 */
function restore(values: Float64Array, codes: Int32Array, labels: Float64Array, end: number) {
  for (let j = Math.ceil(end / 2) - 1; j >= 0; j--) values[j] = labels[codes[j]!]!;
}

/** The label column of codes written over a column's values. */
function labelColumn(name: string, codes: Int32Array, table: Int32Array, size: number) {
  const dictionary: Label[] = Array.from(labelsOf(table, size));
  const column: LabelColumn = { kind: 'label', name, codes, dictionary };
  COMPLETE_LABELS.add(column);
  return column;
}

/**
 * Encodes the true and predicted label columns in place in one pass when every value of
 * both is an integer in 0..1023 (and no zero is -0): the usual class labels of a file,
 * loaded as numbers. Gives the label columns that checking them for missing values,
 * inferring the task and encoding them would give (codes and dictionary in first-seen
 * order, as the hashing builder makes them), with one pass over the rows instead of two.
 * At the first other value (missing, negative, fractional, large) it puts the values back
 * exactly and returns undefined, and preparation takes the general path.
 *
 * @remarks
 * Codes go over the first half of each column's own bytes (see `codesOverValues`), so
 * the columns must be the job's own and read by no other role.
 *
 * @param a - the true labels as numbers
 * @param b - the predicted labels as numbers, as long as `a`, in other memory
 * @returns both as complete label columns, or undefined with the values unchanged
 * @example
 * ```ts
 * const yTrue = { kind: 'number', name: 'y', values: toSharedFloat64(Float64Array.of(1, 0, 1)) };
 * const yPred = { kind: 'number', name: 'p', values: toSharedFloat64(Float64Array.of(1, 1, 0)) };
 * const [t, p] = encodeSmallLabelPair(yTrue, yPred);
 * t; // { kind: 'label', name: 'y', codes: Int32Array [0, 1, 0], dictionary: [1, 0] }
 * p.codes; // Int32Array [0, 0, 1]
 * ```
 */
export function encodeSmallLabelPair(
  a: NumberColumn,
  b: NumberColumn,
): [LabelColumn, LabelColumn] | undefined {
  const x = a.values;
  const y = b.values;
  const n = x.length;
  if (n === 0 || y.length !== n) return undefined;
  if (!(x.buffer instanceof SharedArrayBuffer && y.buffer instanceof SharedArrayBuffer)) {
    return undefined;
  }
  const codesX = codesOverValues(x);
  const codesY = codesOverValues(y);
  const tableX = new Int32Array(SMALL).fill(-1);
  const tableY = new Int32Array(SMALL).fill(-1);
  let nextX = 0;
  let nextY = 0;
  let i = 0;
  for (; i < n; i++) {
    const u = x[i]!;
    const v = y[i]!;
    // false for NaN, negatives, fractions and values of 2^32 or more
    if (u >>> 0 !== u || v >>> 0 !== v || u >= SMALL || v >= SMALL) break;
    // -0 passes the test above; the hashing builder would keep it as the label
    if ((u === 0 && 1 / u < 0) || (v === 0 && 1 / v < 0)) break;
    const su = u | 0;
    const sv = v | 0;
    let cu = tableX[su]!;
    if (cu < 0) {
      cu = nextX++;
      tableX[su] = cu;
    }
    let cv = tableY[sv]!;
    if (cv < 0) {
      cv = nextY++;
      tableY[sv] = cv;
    }
    codesX[i] = cu;
    codesY[i] = cv;
  }
  if (i < n) {
    restore(x, codesX, labelsOf(tableX, nextX), i);
    restore(y, codesY, labelsOf(tableY, nextY), i);
    return undefined;
  }
  return [labelColumn(a.name, codesX, tableX, nextX), labelColumn(b.name, codesY, tableY, nextY)];
}
