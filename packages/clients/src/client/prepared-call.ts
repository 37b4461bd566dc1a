import type { CompletionRequest, GenerationParams, StreamEvent } from '../completion.js';
import { credentialsOf, redact, secretsOf } from '../http/attempt-failure.js';
import type { RecordBuilder } from '../records/request-record.js';
import type { ClientContext } from './client-context.js';
import { type RequestBody, requestBody } from './request-body.js';

/** One call after a cache miss: what is sent, and what its attempts share. */
export interface PreparedCall {
  /** The caller's request (its messages count tokens when the server reports no usage). */
  readonly request: CompletionRequest;
  /** The call's record builder. */
  readonly record: RecordBuilder;
  /** The caller's signal: cancels queueing, backoff and the HTTP request. */
  readonly signal: AbortSignal | undefined;
  /** Once aborted, no further retry is taken (see `CallOptions.retrySignal`). */
  readonly retrySignal?: AbortSignal | undefined;
  /** Receives deltas as they arrive (the `stream()` consumer); undefined for `complete()`. */
  readonly emit: ((event: StreamEvent) => void) | undefined;
  /** Set once a delta reached the consumer; from then on the call is not retried. */
  readonly emitted: { value: boolean };
  /** The JSON body, built once for every attempt (reused across calls for a frozen request). */
  readonly body: RequestBody;
  /** The headers, auth last so a request header can never replace the key. */
  readonly headers: Record<string, string>;
  /** Whether the request asks the server for SSE. */
  readonly wireStream: boolean;
  /** Tokens reserved from the rate limiter before the usage is known. */
  readonly estimate: number;
  /**
   * What is redacted from this call's answer and from the external text its errors and
   * warnings quote (see {@link callSecrets}).
   */
  readonly secrets: readonly string[];
  /** The call's credentials, redacted from its whole messages (see {@link callCredentials}). */
  readonly credentials: readonly string[];
  /** The request as messages name it, `secrets` redacted (see `ClientContext.what`). */
  readonly what: string;
}

/**
 * The secrets of one call: the client's (API key, configured credential headers) and the
 * values of the request's own credential headers, which a server may echo just the same;
 * other header values (`x-mode: overloaded`) are ordinary words and are left alone.
 *
 * @param ctx - the client's context
 * @param request - the caller's request
 * @returns the values to redact, longest first
 * @example
 * ```ts
 * const ctx = createClientContext({ provider: 'openai-chat', baseUrl, model: 'm',
 *   headers: { 'x-api-key': 'org-0123' } }, undefined, undefined);
 * ctx.secrets; // ['org-0123']
 * callSecrets(ctx, { prompt: 'x', headers: { 'x-trace-token': 'trace-0123', 'x-mode': 'overloaded' } });
 * // ['trace-0123', 'org-0123']
 * await ctx.pools.close();
 * ```
 */
export function callSecrets(ctx: ClientContext, request: CompletionRequest): readonly string[] {
  if (request.headers === undefined) return ctx.secrets;
  return [...new Set([...ctx.secrets, ...secretsOf(undefined, request.headers)])].sort(
    (a, b) => b.length - a.length,
  );
}

/**
 * The credentials of one call: the client's (API key, credential headers) and the values of
 * the request's own credential headers (`authorization`, `x-api-key`, ...).
 *
 * @param ctx - the client's context
 * @param request - the caller's request
 * @returns the values to redact from whole messages, longest first
 * @example
 * ```ts
 * const ctx = createClientContext({ provider: 'openai-chat', baseUrl, model: 'm',
 *   apiKeyEnv: 'OPENAI_API_KEY' }, undefined, undefined);
 * callCredentials(ctx, { prompt: 'x', headers: { 'x-assay-fault': 'truncate' } }) === ctx.credentials; // true
 * callCredentials(ctx, { prompt: 'x', headers: { authorization: 'Bearer tok-0123' } }).length; // 2
 * await ctx.pools.close();
 * ```
 */
export function callCredentials(ctx: ClientContext, request: CompletionRequest): readonly string[] {
  const own = credentialsOf(undefined, request.headers);
  if (own.length === 0) return ctx.credentials;
  return [...new Set([...ctx.credentials, ...own])].sort((a, b) => b.length - a.length);
}

/**
 * Builds the body, headers and token estimate of a call that has to go to the server.
 *
 * @param ctx - the client's context
 * @param request - the caller's request
 * @param params - the merged generation parameters
 * @param record - the call's record builder
 * @param streamed - whether the call was made through `stream()` (or with `config.streaming`)
 * @param signal - the caller's signal
 * @param emit - the stream consumer's sink, if any
 * @returns the prepared call
 * @example
 * ```ts
 * const ctx = createClientContext({ provider: 'openai-chat', baseUrl, model: 'm' }, undefined, undefined);
 * const record = new RecordBuilder('openai-chat', 'm', false);
 * const call = prepareCall(ctx, { prompt: 'hi' }, { maxTokens: 8 }, record, false, undefined, undefined);
 * call.body.text; // '{"model":"m","messages":[{"role":"user","content":"hi"}],"max_tokens":8}'
 * call.estimate; // 26 (body characters / 4, plus maxTokens)
 * call.wireStream; // false
 * await ctx.pools.close();
 * ```
 */
export function prepareCall(
  ctx: ClientContext,
  request: CompletionRequest,
  params: GenerationParams,
  record: RecordBuilder,
  streamed: boolean,
  signal: AbortSignal | undefined,
  emit: ((event: StreamEvent) => void) | undefined,
): PreparedCall {
  const wireStream = streamed && ctx.canStream;
  const secrets = callSecrets(ctx, request);
  const body = requestBody(ctx, request, params, wireStream);
  const headers =
    request.headers === undefined
      ? ctx.defaultHeaders
      : { ...ctx.baseHeaders, ...request.headers, ...ctx.authHeaders };
  return {
    request,
    record,
    signal,
    emit,
    emitted: { value: false },
    body,
    headers,
    wireStream,
    // About four characters a token for the prompt, plus the most the answer may use.
    estimate: Math.ceil(body.text.length / 4) + (params.maxTokens ?? 256),
    secrets,
    credentials: request.headers === undefined ? ctx.credentials : callCredentials(ctx, request),
    what: secrets === ctx.secrets ? ctx.what : redact(ctx.what, secrets),
  };
}
