/**
 * Stable codes carried by {@link MetricInputError}; match on these, not on messages.
 */
export type MetricInputErrorCode =
  | 'LENGTH_MISMATCH'
  | 'MISSING_INPUT'
  | 'INVALID_INPUT'
  | 'EMPTY_INPUT'
  | 'MISSING_VALUE'
  | 'NON_FINITE_VALUE'
  | 'MIXED_LABEL_TYPES'
  | 'INVALID_PROBABILITY'
  | 'PROBABILITIES_NOT_NORMALIZED'
  | 'INVALID_SHAPE'
  | 'MULTICLASS_WITH_BINARY_AVERAGE'
  | 'UNKNOWN_POS_LABEL'
  | 'UNKNOWN_LABEL'
  | 'INVALID_LABEL'
  | 'TOO_MANY_CLASSES'
  | 'INVALID_OPTION'
  | 'INVALID_STATE'
  | 'UNDEFINED_METRIC'
  | 'INVALID_WEIGHT'
  | 'SINGLE_CLASS'
  | 'NEGATIVE_VALUE';

/**
 * The one error class of `@assay/core-metrics`: bad input to a metric.
 *
 * @remarks
 * The message is a full sentence naming the argument, the offending value or
 * row, and what would be valid. `code` is stable across versions; `path`
 * names the parameter at fault (`'yTrue'`, `'options.average'`, ...).
 *
 * @example
 * ```ts
 * import { accuracyScore, MetricInputError } from '@assay/core-metrics';
 * try {
 *   accuracyScore([0, 1], [0]);
 * } catch (error) {
 *   error instanceof MetricInputError; // true
 *   error.code; // 'LENGTH_MISMATCH'
 *   error.path; // 'yPred'
 * }
 * ```
 */
export class MetricInputError extends Error {
  override readonly name = 'MetricInputError';
  /** Stable machine-readable reason. */
  readonly code: MetricInputErrorCode;
  /**
   * The argument at fault, e.g. `'yPred'`, `'options.average'` or `'rows'`: every error the
   * package raises names one (hence `string`, never undefined).
   */
  readonly path: string;

  /**
   * @param code - stable reason code
   * @param message - full sentence naming argument, value and what is valid
   * @param path - the argument at fault (required: the README promises one on every error)
   */
  constructor(code: MetricInputErrorCode, message: string, path: string) {
    super(message);
    this.code = code;
    this.path = path;
  }
}
