/**
 * Stable codes carried by {@link ModelServerError}; match on these, not on messages.
 */
export type ModelServerErrorCode =
  | 'INVALID_OPTION'
  | 'UNKNOWN_GROUP'
  | 'CORPUS_UNREADABLE'
  | 'INVALID_FAULT_SPEC'
  | 'INVALID_MODEL_CACHE';

/**
 * The one error class of `@assay/model-server`: bad options, fault specs, corpus or cache files.
 *
 * @remarks
 * The message is a full sentence naming the argument or value at fault and what would be valid.
 * HTTP request errors are not thrown: they are answered with OpenAI-style 400 bodies.
 *
 * @example
 * ```ts
 * import { parseFaultSpec, ModelServerError } from '@assay/model-server';
 * try {
 *   parseFaultSpec('status=abc');
 * } catch (error) {
 *   if (error instanceof ModelServerError) console.log(error.code); // 'INVALID_FAULT_SPEC'
 * }
 * ```
 */
export class ModelServerError extends Error {
  override readonly name = 'ModelServerError';
  /** Stable machine-readable reason. */
  readonly code: ModelServerErrorCode;
  /** The argument at fault, e.g. `'options.groups'` or `'x-assay-fault'`. */
  readonly path: string | undefined;

  /**
   * @param code - stable reason code
   * @param message - full sentence naming argument, value and what is valid
   * @param path - the argument at fault
   */
  constructor(code: ModelServerErrorCode, message: string, path?: string) {
    super(message);
    this.code = code;
    this.path = path;
  }
}
