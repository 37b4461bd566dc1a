import { isArrowVector } from './arrow-vector.js';
import type { ClassOrder } from './class-order.js';
import { describeValue } from './describe-value.js';
import { LabelError } from './label-error.js';
import { optionKeysProblem } from './option-keys.js';

const ORDERS: readonly ClassOrder[] = ['sorted', 'first-appearance'];

/**
 * Reads the `order` option of an encoder: left out means `'sorted'`; anything else must be
 * one of the two orders, so a misspelt order (`'ascending'`, `'Sorted'`) is refused rather
 * than read as first appearance.
 *
 * @param value - `options.order` as given
 * @returns the order
 * @throws {@link LabelError} `INVALID_OPTION` (path `options.order`), listing the valid values
 * @example
 * ```ts
 * classOrder(undefined); // 'sorted'
 * try {
 *   classOrder('ascending');
 * } catch (error) {
 *   error.message; // 'options.order must be \'sorted\' (np.unique order, the default) or \'first-appearance\', got the string "ascending".'
 * }
 * ```
 */
export function classOrder(value: unknown): ClassOrder {
  if (value === undefined) return 'sorted';
  if ((ORDERS as readonly unknown[]).includes(value)) return value as ClassOrder;
  throw new LabelError(
    'INVALID_OPTION',
    `options.order must be 'sorted' (np.unique order, the default) or 'first-appearance', got ${describeValue(value)}.`,
    'options.order',
  );
}

/**
 * Checks the options argument of `encodeLabelColumns`: left out, or a plain object whose only
 * key is `order`, with a valid order.
 *
 * @param options - the options argument as given
 * @returns the order
 * @throws {@link LabelError} `INVALID_OPTION` (path `options` for a non-object such as an
 *   array, `options.<key>` for an unknown key, `options.order` for an unknown order)
 * @example
 * ```ts
 * encodeOptionsOrder({ order: 'first-appearance' }); // 'first-appearance'
 * try {
 *   encodeOptionsOrder({ ordr: 'sorted' });
 * } catch (error) {
 *   error.path; // 'options.ordr'
 * }
 * ```
 */
export function encodeOptionsOrder(options: unknown): ClassOrder {
  const problem = optionKeysProblem(options, 'encodeLabelColumns', { order: true });
  if (problem !== undefined) throw new LabelError('INVALID_OPTION', problem.message, problem.path);
  return classOrder((options as { order?: unknown } | undefined)?.order);
}

/**
 * Throws unless `values` is a label column: a plain array, a typed array or an Arrow vector.
 * A string is not one: it would be read character by character (`'ab'` as `['a', 'b']`).
 *
 * @param values - the column as given
 * @param argument - its name for messages, e.g. `'yTrue'`
 * @throws {@link LabelError} `INVALID_INPUT` (the value is not a column of labels),
 *   naming the argument and what it got
 * @example
 * ```ts
 * checkLabelColumn(['a', 'b'], 'y'); // undefined
 * try {
 *   checkLabelColumn('ab', 'y');
 * } catch (error) {
 *   error.message; // 'y must be an array, a typed array, an Arrow vector or another array-like of labels, got the string "ab"; a string is not read as a column of its characters.'
 * }
 * ```
 */
export function checkLabelColumn(values: unknown, argument: string): void {
  if (Array.isArray(values)) return;
  if (ArrayBuffer.isView(values) && !(values instanceof DataView)) return;
  if (isArrowVector(values)) return;
  // the type is ArrayLike: an object with a whole-number length is one (not a string)
  if (isArrayLike(values)) return;
  throw notAColumn(
    values,
    argument,
    'an array, a typed array, an Arrow vector or another array-like of labels',
  );
}

function isArrayLike(values: unknown): boolean {
  if (values === null || typeof values !== 'object') return false;
  const length = (values as { length?: unknown }).length;
  return typeof length === 'number' && Number.isSafeInteger(length) && length >= 0;
}

/**
 * Throws unless `labels` is an iterable set of labels that is not a string (a string would be
 * read as its characters).
 *
 * @param labels - the set as given
 * @param argument - its name for messages, e.g. `'yTrue'`
 * @throws {@link LabelError} `INVALID_INPUT` (the value is not a set of labels), naming
 *   the argument and what it got
 * @example
 * ```ts
 * checkLabelSet(new Set(['a']), 'yTrue'); // undefined
 * try {
 *   checkLabelSet(5, 'yTrue');
 * } catch (error) {
 *   error.message; // 'yTrue must be an iterable of labels (an array or a Set), got 5.'
 * }
 * ```
 */
export function checkLabelSet(labels: unknown, argument: string): void {
  const iterable =
    labels !== null &&
    typeof labels === 'object' &&
    typeof (labels as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
  if (!iterable) {
    throw notAColumn(labels, argument, 'an iterable of labels (an array or a Set)');
  }
}

function notAColumn(value: unknown, argument: string, what: string): LabelError {
  const characters =
    typeof value === 'string' ? '; a string is not read as a column of its characters' : '';
  return new LabelError(
    'INVALID_INPUT',
    `${argument} must be ${what}, got ${describeValue(value)}${characters}.`,
    argument,
  );
}
