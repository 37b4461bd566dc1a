import type { ErrorClass, RequestRecord } from './records/request-record.js';

/**
 * Stable codes carried by {@link ClientError}; match on these, never on messages.
 *
 * @remarks
 * Configuration codes (`UNKNOWN_PROVIDER`, `MISSING_API_KEY`, `INVALID_BASE_URL`,
 * `INVALID_CONFIG`) are thrown synchronously by {@link createClient}; `MISSING_API_KEY` is
 * also the code of a `headersFromEnv` variable that is unset or empty (a secret the
 * configuration names is missing from the environment; `path` says which). Request codes map
 * one-to-one onto the record's {@link ErrorClass}: `HTTP_STATUS` ↔ `'http_status'`,
 * `IN_STREAM_ERROR` ↔ `'in_stream_error'`, `TIMEOUT` ↔ `'timeout'`, `ABORTED` ↔ `'abort'`,
 * `MALFORMED_RESPONSE` ↔ `'malformed_response'`, `CONNECTION` ↔ `'connection'`,
 * `TRUNCATED_STREAM` ↔ `'truncated_stream'`, `RESPONSE_TOO_LARGE` ↔ `'response_too_large'`.
 */
export type ClientErrorCode =
  | 'UNKNOWN_PROVIDER'
  | 'MISSING_API_KEY'
  | 'INVALID_BASE_URL'
  | 'INVALID_CONFIG'
  | 'HTTP_STATUS'
  | 'IN_STREAM_ERROR'
  | 'TIMEOUT'
  | 'ABORTED'
  | 'MALFORMED_RESPONSE'
  | 'CONNECTION'
  | 'TRUNCATED_STREAM'
  | 'RESPONSE_TOO_LARGE';

const CODE_BY_CLASS: Record<ErrorClass, ClientErrorCode> = {
  http_status: 'HTTP_STATUS',
  in_stream_error: 'IN_STREAM_ERROR',
  timeout: 'TIMEOUT',
  abort: 'ABORTED',
  malformed_response: 'MALFORMED_RESPONSE',
  connection: 'CONNECTION',
  truncated_stream: 'TRUNCATED_STREAM',
  response_too_large: 'RESPONSE_TOO_LARGE',
};

/**
 * Maps a request error class to its stable {@link ClientErrorCode}.
 *
 * @param errorClass - the class recorded on a failed request
 * @returns the matching error code
 * @example
 * ```ts
 * codeForErrorClass('timeout'); // 'TIMEOUT'
 * ```
 */
export function codeForErrorClass(errorClass: ErrorClass): ClientErrorCode {
  return CODE_BY_CLASS[errorClass];
}

/**
 * The one error class of `@assay/clients`: a bad configuration or a failed request.
 *
 * @remarks
 * The message is a full sentence naming the config path or request and what would be
 * valid; it never contains an API key (keys are redacted from quoted bodies too).
 * Request failures carry the finished {@link RequestRecord} (timings, retries taken,
 * error class) and the last HTTP status, if a response arrived.
 *
 * @example
 * ```ts
 * import { ClientError, createClient } from '@assay/clients';
 * const client = createClient({ provider: 'openai-chat', baseUrl, model: 'assay-spam-nb' });
 * try {
 *   // the model server answers 400 when the request asks for it
 *   await client.complete({ prompt: 'hi', headers: { 'x-assay-fault': 'status=400' } });
 * } catch (error) {
 *   error instanceof ClientError; // true
 *   error.code; // 'HTTP_STATUS'
 *   error.status; // 400
 * } finally {
 *   await client.close();
 * }
 * ```
 */
export class ClientError extends Error {
  override readonly name = 'ClientError';
  /** Stable machine-readable reason. */
  readonly code: ClientErrorCode;
  /** Last HTTP status received, when a response arrived. */
  readonly status: number | undefined;
  /** Config path at fault, for configuration errors (e.g. `'baseUrl'`). */
  readonly path: string | undefined;
  /** The request's record, for request failures. */
  readonly record: RequestRecord | undefined;

  /**
   * @param code - stable reason code
   * @param message - full sentence naming what is wrong and what would be valid
   * @param details - HTTP status, config path, request record and cause, where known
   */
  constructor(
    code: ClientErrorCode,
    message: string,
    details: { status?: number; path?: string; record?: RequestRecord; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.status = details.status;
    this.path = details.path;
    this.record = details.record;
  }
}
