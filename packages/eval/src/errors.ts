/**
 * Stable codes carried by {@link EvaluationError}; match on these, not on messages.
 */
export type EvaluationErrorCode =
  // configuration files and options
  | 'INVALID_CONFIG'
  | 'INVALID_OPTION'
  | 'UNKNOWN_METRIC'
  | 'INVALID_CV_SPEC'
  // data files and columns
  | 'FILE_NOT_FOUND'
  | 'UNREADABLE_FILE'
  | 'EMPTY_FILE'
  | 'UNKNOWN_FORMAT'
  | 'MISSING_COLUMN'
  | 'RAGGED_ROW'
  | 'NON_NUMERIC_VALUE'
  | 'MISSING_VALUE'
  | 'INVALID_VALUE'
  | 'TOO_FEW_ROWS'
  | 'INVALID_CHOICES'
  // the size of a run's plan (folds, predictions)
  | 'PLAN_TOO_LARGE'
  // the output directory
  | 'IDENTITY_CHANGED'
  | 'DATA_SOURCE_CHANGED'
  | 'OUTPUT_LOCKED'
  | 'DAMAGED_FILE'
  // comparing two runs (`assay compare`): different tasks, label sets or data sets
  | 'RUNS_DIFFER'
  // a compared or baseline run still running, or stopped after its results.json was written
  | 'RUN_UNFINISHED'
  // execution
  | 'RUN_FAILED'
  | 'INTERRUPTED';

/** One problem of a rejected configuration: what, where and why. */
export interface EvaluationIssue {
  /** stable reason, e.g. `invalid_type`, `unrecognized_keys`, or an {@link EvaluationErrorCode} */
  readonly code: string;
  /** config path at fault, e.g. `models[1].rateLimit.rpm` (empty for the whole document) */
  readonly path: string;
  /** what is wrong and what would be valid */
  readonly message: string;
}

/**
 * The one error class of `@assay/eval`: a bad run configuration, a bad data
 * file or column, a run that failed or was interrupted.
 *
 * @remarks
 * The message is a full sentence naming the config path, file, column or row
 * and what would be valid. `path` is the config path at fault where there is
 * one (e.g. `models[1].rateLimit.rpm`). `issues` lists every problem, as
 * `{ code, path, message }`, when a whole configuration was rejected at once;
 * otherwise it holds this one error.
 *
 * @example
 * try {
 *   parseRunConfig({ name: 1 });
 * } catch (error) {
 *   error instanceof EvaluationError; // true
 *   error.issues.map((i) => i.path); // ['name', …]
 * }
 */
export class EvaluationError extends Error {
  override readonly name = 'EvaluationError';
  /** Stable machine-readable reason. */
  readonly code: EvaluationErrorCode;
  /** Config path, option or column at fault; empty when there is none. */
  readonly path: string;
  /** Every problem found (several for an invalid config file). */
  readonly issues: readonly EvaluationIssue[];

  /**
   * @param code - stable reason code
   * @param message - full sentence naming what is wrong and what would be valid
   * @param details - the path at fault and, for whole-config errors, every issue
   */
  constructor(
    code: EvaluationErrorCode,
    message: string,
    details: { path?: string; issues?: readonly EvaluationIssue[]; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.path = details.path ?? '';
    this.issues = details.issues ?? [{ code, path: this.path, message }];
  }
}
