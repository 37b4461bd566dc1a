import { ClientError, codeForErrorClass } from '../errors.js';
import { redact } from '../http/attempt-failure.js';
import type { ErrorClass, RecordBuilder } from '../records/request-record.js';
import type { ClientCounters } from './client-counters.js';

/**
 * Counts a call as finally failed, closes its record and builds the error it rejects with.
 *
 * @remarks
 * The external text a message quotes (server bodies and messages, locations, network errors,
 * the configured URL) was redacted where the message was written, with every secret of the
 * call (API key, configured and per-request credential header values, secret shapes); the client's own
 * wording around it is not, so that a header value such as `truncate` cannot mangle it. Every
 * message that leaves a failed call passes through here, and so does every `RETRY` warning
 * (see `retryDelayOrThrow`): both redact the call's credentials (API key, credential headers)
 * and secret shapes from the whole message, a last defence that cannot touch ordinary words.
 *
 * @param credentials - the call's credentials (`PreparedCall.credentials`)
 * @param counters - the client's running totals
 * @param errorClass - why the call failed
 * @param message - what happened, in full sentences
 * @param record - the call's record builder
 * @param status - the last HTTP status, if any
 * @returns the `ClientError` to throw, carrying the finished record
 * @example
 * ```ts
 * const counters = newClientCounters();
 * const record = new RecordBuilder('openai-chat', 'm', false);
 * const error = failRequest([], counters, 'abort', 'The request POST http://h/v1/chat/completions was aborted.', record, undefined);
 * error.code; // 'ABORTED'
 * error.record.errorClass; // 'abort'
 * counters.failed; // 1
 * ```
 */
export function failRequest(
  credentials: readonly string[],
  counters: ClientCounters,
  errorClass: ErrorClass,
  message: string,
  record: RecordBuilder,
  status: number | undefined,
): ClientError {
  counters.failures[errorClass]++;
  counters.failed++;
  const finished = record.finish({ errorClass });
  const details: { status?: number; record: typeof finished } = { record: finished };
  if (status !== undefined) details.status = status;
  return new ClientError(codeForErrorClass(errorClass), redact(message, credentials), details);
}
