/** Stable codes of {@link TextMetricsError}. */
export type TextMetricsErrorCode = 'INVALID_ARGUMENT' | 'INVALID_OPTION' | 'TEXT_TOO_LONG';

/**
 * The one error class of `@assay/text-metrics`: bad arguments or options, with a stable `code`
 * and a full-sentence message naming the argument and what would be valid.
 *
 * @remarks
 * `TEXT_TOO_LONG`: valid text a metric refuses for its size (rougeLsum on lines whose LCS table
 * would pass 2^27 cells). `path` names the argument or option at fault, as the message does:
 * `'references'`, `'referencesPerHypothesis'`, `'hypotheses[1]'`, `'options.beta'`, `'options.smooth_method'`
 * (an unknown option).
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
  /** The argument or option at fault, e.g. `'references'`, `'options.beta'` or `'references[2]'`. */
  readonly path: string;
  /**
   * @param code - stable code
   * @param message - a full sentence naming the argument and what would be valid
   * @param path - the argument or option at fault
   */
  constructor(code: TextMetricsErrorCode, message: string, path: string) {
    super(message);
    this.name = 'TextMetricsError';
    this.code = code;
    this.path = path;
  }
}
