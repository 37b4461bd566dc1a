/**
 * Stable codes carried by {@link RunnerError}; match on these, not on messages.
 */
export type RunnerErrorCode =
  // configuration files and options
  | 'INVALID_CONFIG'
  | 'INVALID_OPTION'
  | 'UNKNOWN_METRIC'
  | 'INVALID_CV_SPEC'
  // data files and columns
  | 'FILE_NOT_FOUND'
  | 'UNREADABLE_FILE'
  | 'EMPTY_FILE'
  // in-memory columns
  | 'EMPTY_INPUT'
  | 'LENGTH_MISMATCH'
  | 'UNKNOWN_FORMAT'
  | 'MISSING_COLUMN'
  | 'DUPLICATE_COLUMN'
  | 'RAGGED_ROW'
  | 'NON_NUMERIC_VALUE'
  | 'NON_TEXT_VALUE'
  | 'MISSING_VALUE'
  | 'UNSAFE_INTEGER_LABEL'
  | 'INVALID_PROBABILITY'
  | 'MIXED_LABEL_TYPES'
  // a label column that is no column (from @assay/labels; the runner's own columns always are)
  | 'INVALID_INPUT'
  | 'TOO_FEW_ROWS'
  | 'TABLE_CONSUMED'
  // valid text a metric refuses for its size (rougeLsum on lines too long for its table)
  | 'TEXT_TOO_LONG'
  // execution
  | 'WORKER_FAILED'
  | 'INTERRUPTED';

/**
 * The one error class of `@assay/runner`: a bad option, a bad data file or column, a
 * worker that failed, or a runner that was closed (`INTERRUPTED`).
 *
 * @remarks
 * The message is a full sentence naming the option, file, column or row and what would
 * be valid. `path` names the option or column at fault where there is one (e.g.
 * `labels[2]`, `metrics`, `b`).
 * @example
 * ```ts
 * import { RunnerError, scorePredictions } from '@assay/runner';
 * const error = await scorePredictions(
 *   { yTrue: [0, 1], yPred: [0, 1] },
 *   { metrics: ['acuracy'], workers: 0 },
 * ).catch((e) => e);
 * error instanceof RunnerError; // true
 * error.code; // 'UNKNOWN_METRIC'
 * error.path; // 'metrics'
 * ```
 */
export class RunnerError extends Error {
  override readonly name = 'RunnerError';
  /** Stable machine-readable reason. */
  readonly code: RunnerErrorCode;
  /** Option or column at fault, when there is one. */
  readonly path: string | undefined;

  /**
   * @param code - stable reason code
   * @param message - full sentence naming what is wrong and what would be valid
   * @param details - the option or column at fault, the underlying error
   */
  constructor(
    code: RunnerErrorCode,
    message: string,
    details: { path?: string; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.path = details.path;
  }
}
