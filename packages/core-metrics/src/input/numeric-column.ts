import { type ArrowVectorLike, firstNullRow, isArrowVector } from '@assay/labels';
import { MetricInputError } from '../errors.js';
import { checkColumn } from './check-column.js';

/** Numeric input accepted by metrics: a plain array, any typed array, or an Arrow vector. */
export type NumericInput = ArrayLike<number> | ArrowVectorLike;

/**
 * Converts a numeric input to a `Float64Array` (zero-copy when it already is
 * one) and checks every value is finite.
 *
 * @param values - the input column
 * @param argument - the argument's name, for error messages (e.g. `'yScore'`)
 * @returns the values as a Float64Array
 * @throws {@link MetricInputError} `EMPTY_INPUT`, `MISSING_VALUE` (null/undefined,
 *   naming the row) or `NON_FINITE_VALUE` (NaN or ±Infinity, naming the row)
 * @example
 * ```ts
 * toFloat64Column([1, 2.5], 'yScore'); // Float64Array [1, 2.5]
 * try { toFloat64Column([1, NaN], 'yScore'); } catch (error) {
 *   error.message; // 'yScore has NaN at row 1; every value must be a finite number.'
 * }
 * ```
 */
export function toFloat64Column(values: NumericInput, argument: string): Float64Array {
  let out: Float64Array;
  checkColumn(values, argument, 'numbers');
  if (values instanceof Float64Array) {
    out = values;
  } else if (isArrowVector(values)) {
    const nullRow = firstNullRow(values);
    if (nullRow >= 0) {
      throw new MetricInputError(
        'MISSING_VALUE',
        `${argument} has a null at row ${nullRow}; every value must be a finite number.`,
        argument,
      );
    }
    const array = values.toArray();
    out = array instanceof Float64Array ? array : Float64Array.from(array as ArrayLike<number>);
  } else {
    const n = values.length;
    out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = (values as ArrayLike<unknown>)[i];
      if (typeof v !== 'number') {
        if (v === null || v === undefined) {
          throw new MetricInputError(
            'MISSING_VALUE',
            `${argument} has ${String(v)} at row ${i}; every value must be a finite number.`,
            argument,
          );
        }
        throw new MetricInputError(
          'NON_FINITE_VALUE',
          `${argument} has a non-numeric value ${JSON.stringify(v)} at row ${i}; every value must be a finite number.`,
          argument,
        );
      }
      out[i] = v;
    }
  }
  if (out.length === 0) {
    throw new MetricInputError(
      'EMPTY_INPUT',
      `${argument} is empty; at least one value is required.`,
      argument,
    );
  }
  for (let i = 0; i < out.length; i++) {
    const v = out[i]!;
    // v - v is NaN exactly for NaN and ±Infinity: one comparison per element.
    if (v - v !== 0) {
      throw new MetricInputError(
        'NON_FINITE_VALUE',
        `${argument} has ${v} at row ${i}; every value must be a finite number.`,
        argument,
      );
    }
  }
  return out;
}

/**
 * Throws unless all columns have the same length.
 *
 * @param columns - pairs of argument name and column length
 * @throws {@link MetricInputError} `LENGTH_MISMATCH` naming both arguments and lengths
 * @example
 * ```ts
 * checkSameLength(['yTrue', 3], ['yPred', 3]); // undefined
 * try { checkSameLength(['yTrue', 3], ['yPred', 2]); } catch (error) {
 *   error.message; // 'yPred has 2 values but yTrue has 3; they must have the same length.'
 * }
 * ```
 */
export function checkSameLength(...columns: ReadonlyArray<readonly [string, number]>): void {
  const [first] = columns;
  if (first === undefined) return;
  for (const [name, length] of columns) {
    if (length !== first[1]) {
      throw new MetricInputError(
        'LENGTH_MISMATCH',
        `${name} has ${length} values but ${first[0]} has ${first[1]}; they must have the same length.`,
        name,
      );
    }
  }
}
