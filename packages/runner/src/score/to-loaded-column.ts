import { ConfigError } from '../errors.js';
import { finishLabels, LabelColumnBuilder } from '../io/column-builders.js';
import type { LoadedColumn } from '../io/loaded-column.js';
import { sharedFloat64 } from '../io/shared-arrays.js';
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

/**
 * Turns an in-memory column into a {@link LoadedColumn}: numeric typed arrays
 * and all-number arrays become a shared Float64 column (null → NaN); anything
 * else is dictionary-encoded as labels (null/NaN → missing).
 *
 * @param name - the column's role, for errors
 * @param values - the column
 * @param numeric - whether every value must be numeric
 * @returns the column in shared memory
 * @throws {@link ConfigError} `NON_NUMERIC_VALUE` naming the row
 */
export function toLoadedColumn(
  name: string,
  values: LabelValues | NumberValues,
  numeric: boolean,
): LoadedColumn {
  const array = materialize(values);
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
          throw new ConfigError(
            'NON_NUMERIC_VALUE',
            `${name} has the non-numeric value ${JSON.stringify(v)} at row ${i}; every value must be a number.`,
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
  const builder = new LabelColumnBuilder(n);
  for (let i = 0; i < n; i++) {
    const v = array[i];
    builder.push(
      typeof v === 'number' || typeof v === 'string' || v === null || v === undefined
        ? v
        : String(v),
    );
  }
  return finishLabels(builder.finish(name));
}

/**
 * Re-encodes a numeric column as labels (classification over numeric labels).
 *
 * @param column - a number column
 * @returns a label column with the same missing rows
 */
export function numbersToLabels(column: LoadedColumn): LoadedColumn {
  if (column.kind === 'label') return column;
  const builder = new LabelColumnBuilder(column.values.length);
  const values = column.values;
  for (let i = 0; i < values.length; i++) builder.push(values[i]!);
  return builder.finish(column.name);
}
