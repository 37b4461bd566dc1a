import { setTimeout as sleep } from 'node:timers/promises';
import { cacheKey } from '../cache/cache-key.js';
import type { CachedCompletion, ResponseCache } from '../cache/response-cache.js';
import type { Completion, CompletionRequest, StreamEvent } from '../completion.js';
import type { ClientConfig } from '../config/client-config.js';
import { ClientError } from '../errors.js';
import { AbortScope } from '../http/abort-scope.js';
import { AttemptFailure, redact } from '../http/attempt-failure.js';
import { classifyError } from '../http/classify-error.js';
import type { ParsedCompletion } from '../providers/provider.js';
import { type ErrorClass, RecordBuilder } from '../records/request-record.js';
import { computeCost } from '../usage/price-table.js';
import { resolveUsage, serverUsage } from '../usage/resolve-usage.js';
import { emitClientWarning } from '../warnings.js';
import { completionFromCache, toCachedCompletion } from './cached-completion.js';
import { createClientContext } from './client-context.js';
import { newClientCounters } from './client-counters.js';
import { type ClientStats, statsSnapshot } from './client-stats.js';
import { mergeParams } from './merge-params.js';
import { failRequest } from './request-failure.js';
import { requestProblem } from './request-problem.js';
import { runAttempt } from './run-attempt.js';
import { streamCall } from './stream-call.js';

/** Per-call options of {@link ModelClient.complete} and {@link ModelClient.stream}. */
export interface CallOptions {
  /** Cancels the call (queueing, backoff and the HTTP request); it rejects with code `ABORTED`. */
  readonly signal?: AbortSignal | undefined;
}

/** A client for one model behind one provider, from {@link createClient}. */
export interface ModelClient {
  /**
   * Sends a request (with the configured concurrency, rate limits, retries and cache)
   * and resolves with its completion.
   * @throws ClientError with a request code and the record when it finally fails
   */
  complete(request: CompletionRequest, options?: CallOptions): Promise<Completion>;
  /**
   * Streams a request over SSE: content/reasoning deltas as they arrive, then `done` with the
   * completion. Retries happen only before the first delta; breaking out of the loop cancels.
   * @throws ClientError as {@link ModelClient.complete}
   */
  stream(request: CompletionRequest, options?: CallOptions): AsyncIterable<StreamEvent>;
  /** Counters since creation. */
  stats(): ClientStats;
  /** Closes the HTTP pools (waiting for requests in flight) and stops timers. */
  close(): Promise<void>;
}

/** Options of {@link createClient}. */
export interface CreateClientOptions {
  /** A response cache shared by clients; the caller closes it. */
  readonly cache?: ResponseCache | undefined;
  /** Environment to read `apiKeyEnv` from (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv | undefined;
}

const OVERLOAD_STATUSES = new Set([429, 503, 529]);

/**
 * Creates a client from a configuration.
 *
 * @remarks
 * The configuration is validated with {@link ClientConfigSchema} and the API key read from
 * the variable named by `apiKeyEnv` now, so a bad config fails before any request. The key
 * is kept only in the client's context and sent only in the provider's auth header.
 * Each call flows through: cache lookup → concurrency slot → rate limit → HTTP attempt →
 * (on a transient failure) backoff and retry → usage, cost, record → cache put.
 *
 * @param config - the client configuration
 * @param options - a response cache and the environment
 * @returns the client
 * @throws ClientError `UNKNOWN_PROVIDER`, `INVALID_CONFIG`, `INVALID_BASE_URL`, `MISSING_API_KEY`
 * @example
 * ```ts
 * const client = createClient({ provider: 'openai-chat', baseUrl: 'https://api.openai.com/v1',
 *   model: 'gpt-4o-mini', apiKeyEnv: 'OPENAI_API_KEY', params: { temperature: 0 } });
 * const c = await client.complete({ messages: [{ role: 'user', content: 'Say hi' }] });
 * console.log(c.text, c.usage, c.record.ttftMs, c.cost?.totalUsd);
 * await client.close();
 * ```
 */
export function createClient(config: ClientConfig, options: CreateClientOptions = {}): ModelClient {
  const ctx = createClientContext(config, options.cache, options.env);
  const counters = newClientCounters();
  const { cfg, url, secrets, provider, requestPath, what, pool, limiter, adaptive } = ctx;
  const { rateLimiter, retry, cache, baseHeaders, authHeaders, defaultHeaders } = ctx;
  const { canStream, shape, price } = ctx;
  const { attemptFailures, statuses } = counters;

  function fail(
    errorClass: ErrorClass,
    message: string,
    record: RecordBuilder,
    status: number | undefined,
  ): ClientError {
    return failRequest(ctx, counters, errorClass, message, record, status);
  }

  async function execute(
    request: CompletionRequest,
    signal: AbortSignal | undefined,
    streamed: boolean,
    emit: ((event: StreamEvent) => void) | undefined,
  ): Promise<Completion> {
    counters.requests++;
    const invalid = requestProblem(request);
    if (invalid !== undefined) {
      counters.failed++;
      throw new ClientError('INVALID_CONFIG', invalid.message, { path: invalid.path });
    }
    const record = new RecordBuilder(cfg.provider, cfg.model, streamed);
    const params = mergeParams(cfg.params, request.params);
    let key: string | undefined;
    if (cache !== undefined) {
      key = cacheKey({
        provider: cfg.provider,
        baseUrl: url.href,
        model: cfg.model,
        params: params as Record<string, unknown>,
        messages: request.messages,
        prompt: request.prompt,
        sampleIndex: request.sampleIndex,
        shape,
      });
      let hit: CachedCompletion | undefined;
      try {
        hit = cache.get(key);
      } catch (error) {
        // A damaged entry or a locked file is a miss, never a failed request.
        emitClientWarning(() => ({
          code: 'CACHE_READ_FAILED',
          message: `A response cache entry could not be read and was treated as a miss: ${error instanceof Error ? error.message : String(error)}.`,
        }));
      }
      if (hit !== undefined) {
        counters.cacheHits++;
        counters.succeeded++;
        const completion = completionFromCache(hit, record);
        if (emit !== undefined && hit.text.length > 0) {
          emit({ type: 'content', delta: hit.text, at: completion.record.endAt });
        }
        return completion;
      }
    }
    const wireStream = streamed && canStream;
    const body = JSON.stringify(provider.buildBody(request, params, wireStream));
    const headers =
      request.headers === undefined
        ? defaultHeaders
        : { ...baseHeaders, ...request.headers, ...authHeaders };
    const estimate = Math.ceil(body.length / 4) + (params.maxTokens ?? 256);
    const emitted = { value: false };
    retry.onRequest();

    let parsed: ParsedCompletion | undefined;
    for (let retriesTaken = 0; ; retriesTaken++) {
      let holding = limiter.tryAcquire();
      try {
        if (!holding) {
          await limiter.acquire(signal);
          holding = true;
        }
        if (rateLimiter !== undefined) await rateLimiter.acquire(estimate, signal);
      } catch {
        if (holding) limiter.release();
        throw fail(
          'abort',
          `The request ${what} was aborted while waiting for its turn.`,
          record,
          undefined,
        );
      }
      counters.attempts++;
      counters.inFlight++;
      record.beginAttempt();
      const scope = new AbortScope(signal, cfg.timeouts.totalMs);
      let failure: AttemptFailure | undefined;
      try {
        parsed = await runAttempt({
          pool,
          path: requestPath,
          headers,
          body,
          stream: wireStream,
          provider,
          record,
          scope,
          what,
          emit,
          emitted,
        });
      } catch (error) {
        failure = error instanceof AttemptFailure ? error : classifyError(error, scope, what);
      } finally {
        scope.dispose();
        counters.inFlight--;
        limiter.release();
      }
      if (record.status !== undefined) statuses[record.status] = (statuses[record.status] ?? 0) + 1;
      if (failure === undefined) {
        record.endAttempt(undefined);
        adaptive?.onSuccess();
        break;
      }
      record.endAttempt(failure.errorClass);
      attemptFailures[failure.errorClass]++;
      const status = failure.details.status;
      if (
        failure.details.overloaded === true ||
        (status !== undefined && OVERLOAD_STATUSES.has(status))
      ) {
        adaptive?.onOverload(record.sentAt ?? 0);
      } else {
        adaptive?.onOtherFailure();
      }
      const decision =
        cfg.benchmarkMode || emitted.value
          ? ({ retry: false, reason: 'retries off' } as const)
          : retry.decide(
              { errorClass: failure.errorClass, status, headers: failure.details.headers },
              retriesTaken,
            );
      if (!decision.retry) throw fail(failure.errorClass, failure.message, record, status);
      record.setRetryDelay(decision.delayMs);
      counters.retries++;
      emitClientWarning(() => ({
        code: 'RETRY',
        message: redact(
          `${failure.message} Retrying in ${Math.round(decision.delayMs)} ms (retry ${retriesTaken + 1} of at most ${cfg.retry.maxRetries}).`,
          secrets,
        ),
      }));
      try {
        await sleep(decision.delayMs, undefined, signal === undefined ? undefined : { signal });
      } catch {
        throw fail(
          'abort',
          `The request ${what} was aborted during retry backoff.`,
          record,
          status,
        );
      }
    }

    // The loop above only exits by break (success) or throw.
    const answer = parsed as ParsedCompletion;
    const usage =
      serverUsage(answer) ?? (await resolveUsage(answer, request, cfg.model, cfg.tokenizer));
    const cost = computeCost(usage.inputTokens, usage.outputTokens, price);
    rateLimiter?.settle(estimate, usage.inputTokens + usage.outputTokens);
    counters.succeeded++;
    counters.inputTokens += usage.inputTokens;
    counters.outputTokens += usage.outputTokens;
    if (cost !== undefined) counters.costUsd += cost.totalUsd;
    const finished = record.finish({ usage, costUsd: cost?.totalUsd });
    const completion: { -readonly [K in keyof Completion]: Completion[K] } = {
      text: answer.text,
      finishReason: answer.finishReason,
      usage,
      record: finished,
      cached: false,
    };
    if (answer.reasoning !== undefined) completion.reasoning = answer.reasoning;
    if (answer.logprobs !== undefined) completion.logprobs = answer.logprobs;
    if (cost !== undefined) completion.cost = cost;
    if (cache !== undefined && key !== undefined) {
      try {
        cache.put(key, toCachedCompletion(completion, cfg.provider, cfg.model));
      } catch (error) {
        emitClientWarning(() => ({
          code: 'CACHE_WRITE_FAILED',
          message: `A completion could not be written to the response cache: ${error instanceof Error ? error.message : String(error)}.`,
        }));
      }
    }
    return completion;
  }

  return {
    complete(request: CompletionRequest, callOptions: CallOptions = {}): Promise<Completion> {
      return execute(request, callOptions.signal, cfg.streaming, undefined);
    },
    stream(request: CompletionRequest, callOptions: CallOptions = {}): AsyncIterable<StreamEvent> {
      return streamCall((signal, emit) => execute(request, signal, true, emit), callOptions.signal);
    },
    stats(): ClientStats {
      return statsSnapshot(ctx, counters);
    },
    async close(): Promise<void> {
      rateLimiter?.dispose();
      await ctx.pools.close();
    },
  };
}
