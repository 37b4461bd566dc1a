import { callKey, legacyCallKey } from '../cache/cache-keyer.js';
import type { CachedCompletion, ResponseCache } from '../cache/response-cache.js';
import type {
  Completion,
  CompletionRequest,
  GenerationParams,
  StreamEvent,
} from '../completion.js';
import { redact } from '../http/attempt-failure.js';
import type { RecordBuilder } from '../records/request-record.js';
import { emitClientWarning } from '../warnings.js';
import { completionFromCache } from './cached-completion.js';
import type { ClientContext } from './client-context.js';
import type { ClientCounters } from './client-counters.js';
import { callSecrets } from './prepared-call.js';

/**
 * The cache key of a call: everything that decides the answer (headers hashed), never the key.
 *
 * @param ctx - the client's context
 * @param request - the caller's request
 * @param params - the merged generation parameters
 * @returns the key
 */
export function callCacheKey(
  ctx: ClientContext,
  request: CompletionRequest,
  params: GenerationParams,
): string {
  return callKey(ctx.cfg, ctx.url, ctx.shape, request, params);
}

/**
 * The cached completion of a call: under its key, else (a chat provider's prompt) under the
 * key such a prompt had before it was keyed as its user message, so older entries still answer.
 *
 * @param ctx - the client's context
 * @param cache - the client's response cache
 * @param counters - the client's running totals
 * @param request - the caller's request
 * @param params - the merged generation parameters
 * @param key - the call's key ({@link callCacheKey})
 * @param record - the call's record builder
 * @param emit - the stream consumer's sink, if any
 * @returns the completion, or undefined on a miss
 */
export function lookupCall(
  ctx: ClientContext,
  cache: ResponseCache,
  counters: ClientCounters,
  request: CompletionRequest,
  params: GenerationParams,
  key: string,
  record: RecordBuilder,
  emit: ((event: StreamEvent) => void) | undefined,
): Completion | undefined {
  const secrets = callSecrets(ctx, request);
  const hit = lookupCache(cache, secrets, counters, key, record, emit);
  if (hit !== undefined) return hit;
  const legacy = legacyCallKey(ctx.cfg, ctx.url, ctx.shape, request, params);
  return legacy === undefined
    ? undefined
    : lookupCache(cache, secrets, counters, legacy, record, emit);
}

/**
 * The cached completion for a key, counted as a successful call, or undefined on a miss.
 *
 * @remarks
 * A streamed call served from the cache gets the whole answer as one content delta.
 *
 * @param cache - the response cache
 * @param secrets - the client's secrets, redacted from the answer (an entry may predate them)
 * @param counters - the client's running totals
 * @param key - the call's cache key
 * @param record - the call's record builder
 * @param emit - the stream consumer's sink, if any
 * @returns the completion, or undefined
 */
export function lookupCache(
  cache: ResponseCache,
  secrets: readonly string[],
  counters: ClientCounters,
  key: string,
  record: RecordBuilder,
  emit: ((event: StreamEvent) => void) | undefined,
): Completion | undefined {
  let hit: CachedCompletion | undefined;
  try {
    hit = cache.get(key);
  } catch (error) {
    // A damaged entry or a locked file is a miss, never a failed request.
    emitClientWarning(() => ({
      code: 'CACHE_READ_FAILED',
      message: `A response cache entry could not be read and was treated as a miss: ${redact(error instanceof Error ? error.message : String(error), secrets)}.`,
    }));
  }
  if (hit === undefined) return undefined;
  counters.cacheHits++;
  counters.succeeded++;
  const completion = completionFromCache(hit, record, secrets);
  if (emit !== undefined && completion.text.length > 0) {
    emit({ type: 'content', delta: completion.text, at: completion.record.endAt });
  }
  return completion;
}
