import { RunnerError } from '../errors.js';
import type { LoadedColumn } from '../io/loaded-column.js';
import { profileNumbers } from './number-profile.js';
import { describeColumn } from './raw-columns.js';

function asNumbers(role: string, column: LoadedColumn): Float64Array {
  if (column.kind === 'number') return column.values;
  const row = column.codes.findIndex((c) => typeof column.dictionary[c] === 'string');
  throw new RunnerError(
    'NON_NUMERIC_VALUE',
    `${describeColumn(role, column)} has the non-numeric value ${JSON.stringify(column.dictionary[column.codes[row]!])} at row ${row}; every value must be a number.`,
    { path: column.name },
  );
}

/**
 * A numeric column's values, each checked to be finite (and at least `min`).
 *
 * @param role - the column's role, for the message (`weight`, `yScore`, ...)
 * @param column - the column
 * @param min - the smallest allowed value (0 for weights)
 * @returns the values
 * @throws {@link RunnerError} `NON_NUMERIC_VALUE` naming the column and row
 */
export function checkFinite(
  role: string,
  column: LoadedColumn,
  min = Number.NEGATIVE_INFINITY,
): Float64Array {
  const values = asNumbers(role, column);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v) || v < min) {
      throw new RunnerError(
        'NON_NUMERIC_VALUE',
        `${describeColumn(role, column)} has ${String(v)} at row ${i}; every value must be a finite number${min === 0 ? ' >= 0' : ''}.`,
        { path: column.name },
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
