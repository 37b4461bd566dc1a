/**
 * Stable codes carried by {@link SplitError}; match on these, not on messages.
 *
 * @remarks
 * - `INVALID_OPTION`: a constructor option is out of range or of the wrong type.
 * - `INVALID_N`: `n` is not a non-negative safe integer, or the input is neither a row count
 *   nor an input object (e.g. the string `'10'`).
 * - `LENGTH_MISMATCH`: `y`, `groups`, `n` or `testFold` disagree on the number of rows.
 * - `MISSING_INPUT`: the input is null or undefined, or the splitter needs `y` or `groups` and
 *   none was given (or it is null).
 * - `INVALID_INPUT`: an input or label column is not an array, a typed array or an Arrow
 *   vector (a number, a string, a plain object).
 * - `MISSING_VALUE`: a label is NaN, null or undefined (the message names the row).
 * - `MIXED_LABEL_TYPES`: labels mix numbers and strings, or are not labels at all.
 * - `INVALID_TARGET`: `y` is not binary or multiclass (e.g. non-integer floats).
 * - `TOO_FEW_SAMPLES`: more splits (or a larger `p`) than rows allow.
 * - `TOO_FEW_GROUPS`: fewer distinct groups than the scheme needs.
 * - `CLASS_TOO_SMALL`: a class has too few members for the stratified scheme.
 * - `INVALID_SIZE`: `testSize`/`trainSize` out of range, or summing to more than the rows.
 * - `EMPTY_SPLIT`: the sizes round to an empty train or test side.
 */
export type SplitErrorCode =
  | 'INVALID_OPTION'
  | 'INVALID_N'
  | 'LENGTH_MISMATCH'
  | 'MISSING_INPUT'
  | 'INVALID_INPUT'
  | 'MISSING_VALUE'
  | 'MIXED_LABEL_TYPES'
  | 'INVALID_TARGET'
  | 'TOO_FEW_SAMPLES'
  | 'TOO_FEW_GROUPS'
  | 'CLASS_TOO_SMALL'
  | 'INVALID_SIZE'
  | 'EMPTY_SPLIT';

/**
 * The one error class of `@assay/splitters`: bad options or bad input to a splitter.
 *
 * @remarks
 * The message is a full sentence naming the argument, the offending value or
 * row, and what would be valid. `code` is stable across versions; `path`
 * names the parameter at fault (`'options.nSplits'`, `'input.y'`, ...).
 *
 * @example
 * ```ts
 * import { KFold, SplitError } from '@assay/splitters';
 * try {
 *   new KFold({ nSplits: 1 });
 * } catch (error) {
 *   error instanceof SplitError; // true
 *   error.code; // 'INVALID_OPTION'
 *   error.message; // 'options.nSplits must be an integer >= 2, got 1.'
 * }
 * ```
 */
export class SplitError extends Error {
  override readonly name = 'SplitError';
  /** Stable machine-readable reason. */
  readonly code: SplitErrorCode;
  /** The argument at fault, e.g. `'options.nSplits'` or `'input.groups'`. */
  readonly path: string | undefined;

  /**
   * @param code - stable reason code
   * @param message - full sentence naming argument, value and what is valid
   * @param path - the argument at fault
   */
  constructor(code: SplitErrorCode, message: string, path?: string) {
    super(message);
    this.code = code;
    this.path = path;
  }
}
