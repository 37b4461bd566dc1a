import type { AbortScope } from './abort-scope.js';
import { AttemptFailure, redact } from './attempt-failure.js';
import { type ResponseLimits, tooLargeFailure } from './response-limits.js';

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

/** What a connect timeout's message says: the request never reached the service. */
const CONNECT_TIMEOUT_TEXT = 'was not established within the connect timeout';

/**
 * Tells a connect timeout (no connection was made: the service was not reached) from the
 * other `timeout` failures (headers, body idle, total: the service was reached but slow), by
 * the message {@link classifyError} wrote, which is all a journaled outcome keeps.
 *
 * @param message - a failure's message
 * @returns true for a connect timeout
 * @example
 * isConnectTimeoutMessage('The connection to POST /v1/chat/completions was not established within the connect timeout.'); // true
 */
export function isConnectTimeoutMessage(message: string): boolean {
  return message.includes(CONNECT_TIMEOUT_TEXT);
}

/**
 * Turns whatever an undici call threw into an {@link AttemptFailure} with the right class:
 * the scope's signals decide abort vs timeout, undici's timeout codes (connect, headers, body
 * idle) mean timeout, its `maxResponseSize` cut-off means a response too large, and everything
 * else from the socket (reset, refused, closed early) is a connection error.
 *
 * @param error - what the undici call threw
 * @param scope - the attempt's abort scope (caller abort vs timeout)
 * @param what - names the request in messages
 * @param limits - the client's response limits, named in messages
 * @param secrets - the call's secrets, redacted from the network error's own message (which
 *   may name a host or echo a request); the client's wording around it is left as it is
 * @returns the classified failure
 * @throws the original error when it is not a network error (no string `code`): a bug must surface
 * @example
 * ```ts
 * const scope = new AbortScope(undefined, 60_000);
 * const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
 * const limits = { maxResponseBytes: 16_777_216, idleMs: 60_000 };
 * const failure = classifyError(refused, scope, 'POST http://127.0.0.1:9/v1/chat/completions', limits);
 * failure.errorClass; // 'connection'
 * failure.message; // 'The connection POST http://127.0.0.1:9/v1/chat/completions failed (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9).'
 * scope.dispose();
 * ```
 */
export function classifyError(
  error: unknown,
  scope: AbortScope,
  what: string,
  limits: ResponseLimits,
  secrets: readonly string[] = [],
): AttemptFailure {
  if (error instanceof AttemptFailure) return error;
  const kind = scope.kind;
  if (kind === 'abort') {
    return new AttemptFailure('abort', `The request ${what} was aborted by the caller.`);
  }
  if (kind === 'timeout') {
    return new AttemptFailure(
      'timeout',
      `The request ${what} exceeded its total timeout${limitText(limits.totalMs, 'totalMs')}.`,
    );
  }
  const code = errorCode(error);
  // Network and undici errors carry a string code; anything else is a bug and must surface.
  if (code === undefined) throw error;
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE')
    return tooLargeFailure(what, limits, undefined, undefined);
  if (TIMEOUT_CODES.has(code))
    return new AttemptFailure('timeout', timeoutSentence(code, what, limits));
  const message = redact(error instanceof Error ? error.message : String(error), secrets);
  return new AttemptFailure('connection', `The connection ${what} failed (${code}: ${message}).`);
}

/**
 * A network error's code. undici's `HTTPParserError` (a response that is not HTTP) comes
 * without one from some of its checks (an invalid header value), and is given one here.
 */
function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error && error.name === 'HTTPParserError'
    ? 'HPE_INVALID_RESPONSE'
    : undefined;
}

/** ` of 1000 ms (config.timeouts.headersMs)`, or nothing when the limit is not known. */
function limitText(ms: number | undefined, field: string): string {
  return ms === undefined ? '' : ` of ${ms} ms (config.timeouts.${field})`;
}

function timeoutSentence(code: string, what: string, limits: ResponseLimits): string {
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `The connection ${what} ${CONNECT_TIMEOUT_TEXT}${limitText(limits.connectMs, 'connectMs')}.`;
    case 'UND_ERR_HEADERS_TIMEOUT':
      return `The response headers ${what} did not arrive within the headers timeout${limitText(limits.headersMs, 'headersMs')}.`;
    case 'UND_ERR_BODY_TIMEOUT':
      return `The response body ${what} stalled: no byte arrived for ${limits.idleMs} ms (config.timeouts.idleMs).`;
    default:
      return `The response ${what} timed out (${code}).`;
  }
}
