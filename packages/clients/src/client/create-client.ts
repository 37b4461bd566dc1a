import type { ResponseCache } from '../cache/response-cache.js';
import type { Completion, CompletionRequest, StreamEvent } from '../completion.js';
import type { ClientConfig } from '../config/client-config.js';
import { createClientContext } from './client-context.js';
import { newClientCounters } from './client-counters.js';
import { type ClientStats, statsSnapshot } from './client-stats.js';
import { runCall } from './run-call.js';
import { streamCall } from './stream-call.js';

/** Per-call options of {@link ModelClient.complete} and {@link ModelClient.stream}. */
export interface CallOptions {
  /** Cancels the call (queueing, backoff and the HTTP request); it rejects with code `ABORTED`. */
  readonly signal?: AbortSignal | undefined;
  /**
   * Once aborted, the call takes no further retry: a backoff in progress is cut short and the
   * call rejects with code `ABORTED`, while an attempt in flight still finishes. A gentle stop
   * (the first Ctrl-C of a run) lets answers arrive without sleeping through a `Retry-After`.
   */
  readonly retrySignal?: AbortSignal | undefined;
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
  /**
   * Opens connections to the base URL's origin ahead of the requests (keep-alive, at most
   * `concurrency.max`, 64 connects at a time), so that the first requests of a load do not
   * wait for TCP/TLS handshakes; the pool then uses them as requests need them.
   * @returns how many connections the pool has, connected or ready (fewer where connects failed)
   */
  preconnect(connections: number): Promise<number>;
  /** Counters since creation. */
  stats(): ClientStats;
  /**
   * Closes the HTTP pools (waiting for requests in flight) and stops timers. Requests still
   * waiting for a slot or a rate-limit token, in retry backoff, or made after it, fail at
   * once with `ABORTED` (nothing sent, not retried).
   */
  close(): Promise<void>;
}

/** Options of {@link createClient}. */
export interface CreateClientOptions {
  /** A response cache shared by clients; the caller closes it. */
  readonly cache?: ResponseCache | undefined;
  /** Environment to read `apiKeyEnv` and `headersFromEnv` from (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv | undefined;
}

/**
 * Creates a client from a configuration.
 *
 * @remarks
 * The configuration is validated with {@link ClientConfigSchema} and the API key read from
 * the variable named by `apiKeyEnv` now (and each `headersFromEnv` value from its variable),
 * so a bad config fails before any request. The key is kept only in the client's context and
 * sent only in the provider's auth header; the `headersFromEnv` values likewise, sent only
 * under their headers.
 * Each call flows through: cache lookup → concurrency slot → rate limit → HTTP attempt →
 * (on a transient failure) backoff and retry → usage, cost, record → cache put.
 *
 * @param config - the client configuration
 * @param options - a response cache and the environment
 * @returns the client
 * @throws ClientError `UNKNOWN_PROVIDER`, `INVALID_CONFIG`, `INVALID_BASE_URL`, `MISSING_API_KEY`
 * @example
 * ```ts
 * // e.g. baseUrl = 'https://api.openai.com/v1', model: 'gpt-4o-mini'
 * const client = createClient({ provider: 'openai-chat', baseUrl, model: 'assay-spam-nb',
 *   apiKeyEnv: 'OPENAI_API_KEY', params: { temperature: 0 } });
 * const c = await client.complete({ messages: [{ role: 'user', content: 'WIN A FREE PRIZE NOW!!!' }] });
 * c.text; // 'spam'
 * c.usage.source; // 'server'
 * c.record.status; // 200
 * await client.close();
 * ```
 */
export function createClient(config: ClientConfig, options: CreateClientOptions = {}): ModelClient {
  const ctx = createClientContext(config, options.cache, options.env);
  const counters = newClientCounters();
  // A plain object of closures (not a class) so the methods keep working when detached.
  return {
    complete(request: CompletionRequest, callOptions: CallOptions = {}): Promise<Completion> {
      const signals = { signal: callOptions.signal, retrySignal: callOptions.retrySignal };
      return runCall(ctx, counters, request, signals, ctx.cfg.streaming, undefined);
    },
    stream(request: CompletionRequest, callOptions: CallOptions = {}): AsyncIterable<StreamEvent> {
      return streamCall(
        (signal, emit) =>
          runCall(
            ctx,
            counters,
            request,
            { signal, retrySignal: callOptions.retrySignal },
            true,
            emit,
          ),
        callOptions.signal,
      );
    },
    preconnect(connections: number): Promise<number> {
      return ctx.pools.preconnect(ctx.url.origin, connections);
    },
    stats(): ClientStats {
      return statsSnapshot(ctx, counters);
    },
    async close(): Promise<void> {
      // Marked first, so that the waits refused below fail as closed rather than aborted.
      ctx.closed.value = true;
      ctx.limiter.close();
      ctx.rateLimiter?.close();
      await ctx.pools.close();
    },
  };
}
