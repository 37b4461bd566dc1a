import { describeValue, isArrowVector } from '@assay/labels';
import { SplitError } from '../errors.js';

/**
 * The row count of a label column, checking it is one.
 *
 * @param values - the column as given
 * @param argument - its name for messages, e.g. `'input.y'`
 * @returns its length
 * @throws {@link SplitError} `MISSING_INPUT` for null or undefined, `INVALID_INPUT` for
 *   anything else that is not an array, a typed array or an Arrow vector
 * @example
 * ```ts
 * columnLength(['a', 'b'], 'options.stratify'); // 2
 * ```
 */
export function columnLength(values: unknown, argument: string): number {
  if (
    values === null ||
    typeof values !== 'object' ||
    !(Array.isArray(values) || ArrayBuffer.isView(values) || isArrowVector(values))
  ) {
    throw new SplitError(
      values === null || values === undefined ? 'MISSING_INPUT' : 'INVALID_INPUT',
      `${argument} must be an array, a typed array or an Arrow vector of labels, got ${describeValue(values)}.`,
      argument,
    );
  }
  return (values as ArrayLike<unknown>).length;
}
