/** Stable codes of {@link TextMetricsError}. */
export type TextMetricsErrorCode = 'INVALID_ARGUMENT' | 'INVALID_OPTION';

/**
 * The one error class of `@assay/text-metrics`: bad arguments or options, with a stable `code`
 * and a full-sentence message naming the argument and what would be valid.
 *
 * @example
 * try {
 *   sentenceBleu('the cat sat', []);
 * } catch (error) {
 *   error instanceof TextMetricsError; // true
 *   error instanceof TextMetricsError && error.code; // 'INVALID_ARGUMENT'
 * }
 */
export class TextMetricsError extends Error {
  /** stable machine-readable code */
  readonly code: TextMetricsErrorCode;
  /**
   * @param code - stable code
   * @param message - a full sentence naming the argument and what would be valid
   */
  constructor(code: TextMetricsErrorCode, message: string) {
    super(message);
    this.name = 'TextMetricsError';
    this.code = code;
  }
}
