/**
 * Stable codes carried by {@link ConfigError}; match on these, not on messages.
 */
export type ConfigErrorCode =
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
  | 'MIXED_LABEL_TYPES'
  | 'TOO_FEW_ROWS'
  // execution
  | 'WORKER_FAILED'
  | 'ABORTED';

/**
 * The one error class of `@assay/runner`: a bad configuration, a bad data file
 * or column, or a failed run.
 *
 * @remarks
 * The message is a full sentence naming the config path, file, column or row
 * and what would be valid. `path` is the config path at fault where there is
 * one (e.g. `models[1].rateLimit.rpm`). `issues` lists every problem when a
 * whole configuration was rejected at once.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** Stable machine-readable reason. */
  readonly code: ConfigErrorCode;
  /** Config path, option or column at fault, when there is one. */
  readonly path: string | undefined;
  /** Every problem found, when several were (e.g. an invalid config file). */
  readonly issues: readonly string[];

  /**
   * @param code - stable reason code
   * @param message - full sentence naming what is wrong and what would be valid
   * @param details - the path at fault and, for whole-config errors, every issue
   */
  constructor(
    code: ConfigErrorCode,
    message: string,
    details: { path?: string; issues?: readonly string[]; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.path = details.path;
    this.issues = details.issues ?? [message];
  }
}
