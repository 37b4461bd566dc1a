import { describeValue, isArrowVector } from '@assay/labels';
import { MetricInputError } from '../errors.js';

/**
 * Throws unless `values` is a column: a plain array, a typed array or an Arrow vector. A
 * string is not one (it would be read character by character), nor is a number, a plain
 * object or a missing argument.
 *
 * @remarks Constant time: called once per column at a public entry, never per row.
 * @param values - the argument as given
 * @param argument - its name for messages, e.g. `'yPred'`
 * @param what - what the column holds, e.g. `'labels'` or `'numbers'`
 * @throws {@link MetricInputError} `MISSING_INPUT` (null or undefined) or `INVALID_INPUT`
 *   (anything else that is not a column), naming the argument and the value's type
 * @example
 * ```ts
 * checkColumn(['a', 'b'], 'yPred', 'labels'); // undefined
 * try {
 *   checkColumn(null, 'yPred', 'labels');
 * } catch (error) {
 *   error.message; // 'yPred must be an array, a typed array or an Arrow vector of labels, got null.'
 * }
 * ```
 */
export function checkColumn(values: unknown, argument: string, what: string): void {
  if (Array.isArray(values)) return;
  if (ArrayBuffer.isView(values) && !(values instanceof DataView)) return;
  if (isArrowVector(values)) return;
  const absent = values === null || values === undefined;
  throw new MetricInputError(
    absent ? 'MISSING_INPUT' : 'INVALID_INPUT',
    `${argument} must be an array, a typed array or an Arrow vector of ${what}, got ${describeValue(values)}.`,
    argument,
  );
}
