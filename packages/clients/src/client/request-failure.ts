import { ClientError, codeForErrorClass } from '../errors.js';
import { redact } from '../http/attempt-failure.js';
import type { ErrorClass, RecordBuilder } from '../records/request-record.js';
import type { ClientContext } from './client-context.js';
import type { ClientCounters } from './client-counters.js';

/**
 * Counts a call as finally failed, closes its record and builds the error it rejects with.
 *
 * @remarks
 * Every message that leaves a failed call passes through here, so this is where the client's
 * secrets (API key, configured header values, secret shapes) are redacted: attempt messages
 * can quote server bodies and headers that echo them.
 *
 * @param ctx - the client's context (for the secrets to redact)
 * @param counters - the client's running totals
 * @param errorClass - why the call failed
 * @param message - what happened, in full sentences
 * @param record - the call's record builder
 * @param status - the last HTTP status, if any
 * @returns the `ClientError` to throw, carrying the finished record
 */
export function failRequest(
  ctx: ClientContext,
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
  return new ClientError(codeForErrorClass(errorClass), redact(message, ctx.secrets), details);
}
