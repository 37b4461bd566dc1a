import type { LoadedColumn } from '../io/loaded-column.js';
import { RowValueError } from './missing-values.js';
import { profileNumbers } from './number-profile.js';
import { describeColumn } from './raw-columns.js';

/**
 * The 1-based data row of the input that row `i` of a (maybe compacted) column came from.
 *
 * @param i - the row in the prepared columns
 * @param keptRows - the input rows `dropMissing` kept, undefined when none was dropped
 * @returns the input's data row, counted from 1
 * @example
 * dataRow(1, Uint32Array.of(0, 2)); // 3
 */
export function dataRow(i: number, keptRows: Uint32Array | undefined): number {
  return (keptRows === undefined ? i : keptRows[i]!) + 1;
}

/**
 * A refused value as a message says it. An infinite one may have been written `inf`,
 * `Infinity` or as a number too large for a double (`1e999`), which the reader turned into
 * Infinity: the message says so, rather than quote an Infinity the file may not hold.
 */
function valueText(v: number): string {
  if (Number.isFinite(v) || Number.isNaN(v)) return String(v);
  const sign = v < 0 ? '-' : '';
  return `an infinite value (${sign}inf or ${sign}Infinity, or a number too large for a 64-bit float, such as ${sign}1e999, which overflows to ${sign}Infinity)`;
}

function asNumbers(
  role: string,
  column: LoadedColumn,
  keptRows: Uint32Array | undefined,
): Float64Array {
  if (column.kind === 'number') return column.values;
  const row = column.codes.findIndex((c) => typeof column.dictionary[c] === 'string');
  throw new RowValueError(
    'NON_NUMERIC_VALUE',
    `${describeColumn(role, column)} has the non-numeric value ${JSON.stringify(column.dictionary[column.codes[row]!])}`,
    dataRow(row, keptRows) - 1,
    column.name,
    'every value must be a number.',
  );
}

/**
 * A numeric column's values, each checked to be finite (and at least `min`).
 *
 * @param role - the column's role, for the message (`weight`, `yScore`, ...)
 * @param column - the column
 * @param min - the smallest allowed value (0 for weights)
 * @param keptRows - the input rows kept by `dropMissing` (`RawColumns.keptRows`), for the message
 * @returns the values
 * @throws {@link RunnerError} `NON_NUMERIC_VALUE` naming the column and row
 */
export function checkFinite(
  role: string,
  column: LoadedColumn,
  min = Number.NEGATIVE_INFINITY,
  keptRows?: Uint32Array,
): Float64Array {
  const values = asNumbers(role, column, keptRows);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v) || v < min) {
      // a RowValueError, so that the message names the line in the file as a NaN's does
      throw new RowValueError(
        'NON_NUMERIC_VALUE',
        `${describeColumn(role, column)} has ${valueText(v)}`,
        dataRow(i, keptRows) - 1,
        column.name,
        `every value must be a finite number${min === 0 ? ' >= 0' : ''}.`,
      );
    }
  }
  return values;
}

/**
 * Whether every value of a column is an integer (or missing): a label column always is.
 *
 * @param column - the column
 * @returns true when the column could hold class labels
 */
export function isIntegral(column: LoadedColumn): boolean {
  if (column.kind === 'label') return true;
  return profileNumbers(column.values).integral;
}
