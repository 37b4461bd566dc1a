/**
 * Stable codes carried by {@link LabelError}; match on these, not on messages.
 *
 * @remarks
 * - `MISSING_VALUE`: a label is NaN, null or undefined (the message names the row).
 * - `MIXED_LABEL_TYPES`: labels mix numbers and strings (scikit-learn's
 *   "Mix of label input types"), or a value is not a label at all.
 * - `INVALID_INPUT`: a column (a set) is not an array, a typed array or an Arrow vector (an
 *   iterable) of labels: a string, a number, null (the code `@assay/core-metrics` and
 *   `@assay/splitters` give such an argument too).
 * - `INVALID_OPTION`: the options argument is not a plain object, has a key the function
 *   does not take, or an `order` other than `'sorted'` and `'first-appearance'`.
 *
 * @example
 * ```ts
 * import type { LabelErrorCode } from '@assay/labels';
 * const code: LabelErrorCode = 'MIXED_LABEL_TYPES';
 * ```
 */
export type LabelErrorCode =
  | 'MISSING_VALUE'
  | 'MIXED_LABEL_TYPES'
  | 'INVALID_INPUT'
  | 'INVALID_OPTION';

/**
 * The error of `@assay/labels`: a label column that cannot be encoded. The
 * packages built on it rethrow it as their own error class with the same
 * code, message and path.
 *
 * @example
 * ```ts
 * import { encodeLabelColumns, LabelError } from '@assay/labels';
 * try {
 *   encodeLabelColumns([['yTrue', [0, 'a']]]);
 * } catch (error) {
 *   error instanceof LabelError; // true
 *   error.code; // 'MIXED_LABEL_TYPES'
 * }
 * ```
 */
export class LabelError extends Error {
  override readonly name = 'LabelError';
  /** Stable machine-readable reason. */
  readonly code: LabelErrorCode;
  /** The argument (column) at fault, e.g. `'yPred'`. */
  readonly path: string;

  /**
   * @param code - stable reason code
   * @param message - full sentence naming the argument, the row and what is valid
   * @param path - the argument at fault
   */
  constructor(code: LabelErrorCode, message: string, path: string) {
    super(message);
    this.code = code;
    this.path = path;
  }
}
