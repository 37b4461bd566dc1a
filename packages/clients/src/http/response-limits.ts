import { AttemptFailure } from './attempt-failure.js';

/** The bounds on one response body, from the client config; failure messages name them. */
export interface ResponseLimits {
  /** Most bytes of one response body, streamed or not (`config.maxResponseBytes`). */
  readonly maxResponseBytes: number;
  /** Longest wait for the next byte of a response body, ms (`config.timeouts.idleMs`). */
  readonly idleMs: number;
  /** Connect timeout, ms (`config.timeouts.connectMs`), named when it fires. */
  readonly connectMs?: number | undefined;
  /** Longest wait for the response headers, ms (`config.timeouts.headersMs`). */
  readonly headersMs?: number | undefined;
  /** Longest one attempt may take, ms (`config.timeouts.totalMs`). */
  readonly totalMs?: number | undefined;
}

const MIB = 1024 * 1024;

function bytes(n: number): string {
  return n >= MIB ? `${n} bytes (${Math.round((n / MIB) * 10) / 10} MiB)` : `${n} bytes`;
}

/**
 * The failure of an attempt whose response body is larger than `config.maxResponseBytes`.
 *
 * @remarks
 * Not retried (see `isTransient`): the same request would pay for the same oversized answer
 * again. The message names the limit and how to raise it.
 *
 * @param what - names the request, e.g. `'POST http://host/v1/chat/completions'`
 * @param limits - the client's response limits
 * @param announced - the body size the server announced in `content-length`, if that is why
 * @param status - the HTTP status of the response
 * @returns the failure to throw
 * @example
 * ```ts
 * const limits = { maxResponseBytes: 1024, idleMs: 60_000 };
 * const failure = tooLargeFailure('POST http://h/v1/chat/completions', limits, 4096, 200);
 * failure.errorClass; // 'response_too_large'
 * failure.message; // 'The response POST http://h/v1/chat/completions announced 4096 bytes, more than 1024 bytes, …'
 * ```
 */
export function tooLargeFailure(
  what: string,
  limits: ResponseLimits,
  announced: number | undefined,
  status: number | undefined,
): AttemptFailure {
  const limit = bytes(limits.maxResponseBytes);
  const seen =
    announced === undefined
      ? `was cut off after ${limit}`
      : `announced ${bytes(announced)}, more than ${limit}`;
  return new AttemptFailure(
    'response_too_large',
    `The response ${what} ${seen}, the limit config.maxResponseBytes sets; the attempt was stopped and is not retried, since a retry would download the same answer again. If answers this large are expected, raise config.maxResponseBytes.`,
    status === undefined ? {} : { status },
  );
}
