/** Stable codes carried by {@link SpamAssassinError}; match on these, not on messages. */
export type SpamAssassinErrorCode = 'UNKNOWN_GROUP' | 'CORPUS_UNREADABLE';

/**
 * The one error class of `@assay/spam-assassin`: an unknown group name or corpus files
 * that cannot be read.
 *
 * @example
 * ```ts
 * import { loadSpamCorpus, SpamAssassinError } from '@assay/spam-assassin';
 * try {
 *   loadSpamCorpus(['spam']);
 * } catch (error) {
 *   error instanceof SpamAssassinError; // true
 *   error.path; // 'groups[0]'
 * }
 * ```
 */
export class SpamAssassinError extends Error {
  override readonly name = 'SpamAssassinError';
  /** Stable machine-readable reason. */
  readonly code: SpamAssassinErrorCode;
  /** The argument at fault, e.g. `'groups[1]'`. */
  readonly path: string;

  /**
   * @param code - stable reason code
   * @param message - full sentence naming the argument, the value and what is valid
   * @param path - the argument at fault
   */
  constructor(code: SpamAssassinErrorCode, message: string, path: string) {
    super(message);
    this.code = code;
    this.path = path;
  }
}
