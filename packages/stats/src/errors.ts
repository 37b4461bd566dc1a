/**
 * Stable codes carried by {@link StatsError}; match on these, not on messages.
 *
 * @remarks
 * - `INVALID_LEVEL`: a confidence level is not a number strictly between 0 and 1.
 * - `INVALID_COUNT`: a count (`n`, `samples`, `k`) or a seed is not an integer in its range.
 * - `INVALID_PROBABILITY`: a probability, quantile or percentile is NaN or outside its range.
 * - `INVALID_P_VALUE`: a p-value is outside [0, 1] (NaN is allowed and means "no test").
 * - `LENGTH_MISMATCH`: two paired vectors differ in length.
 * - `TOO_FEW_VALUES`: a vector has fewer values than the computation needs.
 * - `MISSING_VALUE`: a value is absent where one is needed (a null, undefined or NaN cluster id,
 *   a NaN score, no `options.rng` or `options.jackknife`, a null or undefined vector argument
 *   such as `values` or `pValues`, no `metric`).
 * - `OUT_OF_BOUNDS`: an observation of a confidence sequence is NaN or outside its bounded range.
 * - `INVALID_VALUE`: an argument or an entry of an input vector is of a kind the function does
 *   not take (a vector argument that is not an array, a `metric` that is not a function, a
 *   correctness that is not a boolean, a score or sample value that is not a number, named by
 *   its first bad index, a `metric` result that is not a number).
 * - `NON_FINITE_VALUE`: a score is ±Infinity where only finite numbers have a meaning, or
 *   finite scores whose differences overflow to ±Infinity.
 * - `INVALID_OPTION`: an option is of the wrong kind (an `options.rng` that is not a function
 *   or draws a value that is not a number in [0, 1), an unknown `options.method`, an
 *   `options.observed` that is not a number), or options were passed to a function that
 *   takes none (path `options`).
 */
export type StatsErrorCode =
  | 'INVALID_LEVEL'
  | 'INVALID_COUNT'
  | 'INVALID_PROBABILITY'
  | 'INVALID_P_VALUE'
  | 'LENGTH_MISMATCH'
  | 'TOO_FEW_VALUES'
  | 'MISSING_VALUE'
  | 'OUT_OF_BOUNDS'
  | 'INVALID_VALUE'
  | 'NON_FINITE_VALUE'
  | 'INVALID_OPTION';

/**
 * The one error class of `@assay/stats`: an argument out of its range, absent or of the wrong kind.
 *
 * @remarks
 * The message is a full sentence naming the function, the argument, the
 * offending value and what would be valid. `code` is stable across versions;
 * `path` names the argument at fault (`'options.ci'`, `'pValues[3]'`, ...).
 *
 * @example
 * ```ts
 * import { percentileInterval, StatsError } from '@assay/stats';
 * try {
 *   percentileInterval([1, 2, 3], 95);
 * } catch (error) {
 *   if (!(error instanceof StatsError)) throw error;
 *   error.code; // 'INVALID_LEVEL'
 *   error.path; // 'level'
 * }
 * ```
 */
export class StatsError extends Error {
  override readonly name = 'StatsError';
  /** Stable machine-readable reason. */
  readonly code: StatsErrorCode;
  /** The argument at fault, e.g. `'options.ci'` or `'pValues[3]'`. */
  readonly path: string;

  /**
   * @param code - stable reason code
   * @param path - the argument at fault
   * @param message - full sentence naming the argument, its value and what is valid
   */
  constructor(code: StatsErrorCode, path: string, message: string) {
    super(message);
    this.code = code;
    this.path = path;
  }
}
