import type { Completion, CompletionRequest, StreamEvent } from '../completion.js';
import { ClientError } from '../errors.js';
import { RecordBuilder } from '../records/request-record.js';
import { resolveUsage, serverUsage } from '../usage/resolve-usage.js';
import { attemptWithRetries } from './attempt-loop.js';
import { callCacheKey, lookupCall } from './cache-lookup.js';
import { type ClientContext, closedMessage } from './client-context.js';
import type { ClientCounters } from './client-counters.js';
import { finishCompletion } from './finish-completion.js';
import { mergeParams } from './merge-params.js';
import { prepareCall } from './prepared-call.js';
import { failRequest } from './request-failure.js';
import { requestProblem } from './request-problem.js';

/**
 * Runs one `complete`/`stream` call through its stages: validation → cache lookup →
 * attempts with retries (slot, rate limit, HTTP, backoff) → usage → cost, record, cache put.
 *
 * @param ctx - the client's context
 * @param counters - the client's running totals
 * @param request - the caller's request
 * @param signals - the caller's signal, and the one after which no retry is taken
 * @param streamed - whether the call is recorded as streamed (`stream()` or `config.streaming`)
 * @param emit - the stream consumer's sink; undefined for `complete()`
 * @returns the completion
 * @throws ClientError `INVALID_CONFIG` for a malformed request, else a request code and record
 */
export async function runCall(
  ctx: ClientContext,
  counters: ClientCounters,
  request: CompletionRequest,
  signals: {
    readonly signal: AbortSignal | undefined;
    readonly retrySignal?: AbortSignal | undefined;
  },
  streamed: boolean,
  emit: ((event: StreamEvent) => void) | undefined,
): Promise<Completion> {
  counters.requests++;
  if (ctx.closed.value) {
    const record = new RecordBuilder(ctx.cfg.provider, ctx.cfg.model, streamed);
    throw failRequest(
      ctx.credentials,
      counters,
      'abort',
      closedMessage(ctx.what),
      record,
      undefined,
    );
  }
  const invalid = requestProblem(request);
  if (invalid !== undefined) {
    counters.failed++;
    throw new ClientError('INVALID_CONFIG', invalid.message, { path: invalid.path });
  }
  const record = new RecordBuilder(ctx.cfg.provider, ctx.cfg.model, streamed);
  const params = mergeParams(ctx.cfg.params, request.params);
  let key: string | undefined;
  if (ctx.cache !== undefined) {
    key = callCacheKey(ctx, request, params);
    const hit = lookupCall(ctx, ctx.cache, counters, request, params, key, record, emit);
    if (hit !== undefined) return hit;
  }
  const call = {
    ...prepareCall(ctx, request, params, record, streamed, signals.signal, emit),
    retrySignal: signals.retrySignal,
  };
  const answer = await attemptWithRetries(ctx, counters, call);
  // The answer ends with its body: counting tokens locally (a tokenizer's first load takes
  // seconds) is the client's time, not the service's latency.
  const endAt = performance.now();
  const usage =
    serverUsage(answer) ??
    (await resolveUsage(
      answer,
      request,
      ctx.cfg.model,
      ctx.cfg.tokenizer,
      ctx.cfg.provider === 'openai-chat',
    ));
  return finishCompletion(ctx, counters, call, { answer, usage, endAt }, key);
}
