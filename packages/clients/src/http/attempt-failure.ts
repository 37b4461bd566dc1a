import type { ErrorClass } from '../records/request-record.js';

/**
 * Internal: why one HTTP attempt failed. The client turns the last one into a `ClientError`.
 * `headers` are kept only to read retry hints; they are never copied into records or errors.
 */
export class AttemptFailure extends Error {
  /**
   * @param errorClass - the record's error class
   * @param message - full sentence (already redacted)
   * @param details - status, response headers (for retry hints), whether overload, cause
   */
  constructor(
    readonly errorClass: ErrorClass,
    message: string,
    readonly details: {
      status?: number;
      headers?: Record<string, string | string[] | undefined>;
      overloaded?: boolean;
      cause?: unknown;
    } = {},
  ) {
    super(message);
  }
}

/**
 * Quotes the first `max` characters of a body for an error message.
 *
 * @param text - the body
 * @param max - most characters kept (default 200)
 * @returns the text with white space folded, cut to `max` characters with `…`
 */
export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/**
 * Replaces every occurrence of each secret in `text`.
 *
 * @param text - text that may contain a secret
 * @param secrets - the values to hide (empty strings are ignored)
 * @returns the text with each secret replaced by `[redacted]`
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0 && out.includes(secret)) out = out.split(secret).join('[redacted]');
  }
  return out;
}
