import type { ErrorClass } from '../records/request-record.js';
import type { ClientContext } from './client-context.js';
import type { ClientCounters } from './client-counters.js';

/** Counters of a {@link ModelClient}, from {@link ModelClient.stats}. */
export interface ClientStats {
  /** Calls to `complete`/`stream`. */
  readonly requests: number;
  /** Calls that returned a completion (cache hits included). */
  readonly succeeded: number;
  /** Calls that threw a request error. */
  readonly failed: number;
  /** Completions served from the cache. */
  readonly cacheHits: number;
  /** HTTP attempts made. */
  readonly attempts: number;
  /** Retries taken. */
  readonly retries: number;
  /**
   * Calls whose transient failure got no further retry although they had retries left: the
   * global retry budget (`retry.budget`) was spent. Their failure is final without every retry
   * having been tried.
   */
  readonly notRetriedBudget: number;
  /** Attempts in flight now. */
  readonly inFlight: number;
  /** Calls waiting for a concurrency slot now. */
  readonly queued: number;
  /** Current concurrency limit. */
  readonly concurrencyLimit: number;
  /** Times the adaptive limiter halved the limit. */
  readonly concurrencyDecreases: number;
  /** Failed attempts by error class (retried ones included). */
  readonly attemptFailures: Readonly<Record<ErrorClass, number>>;
  /** Final failures by error class. */
  readonly failures: Readonly<Record<ErrorClass, number>>;
  /** Attempts by HTTP status. */
  readonly statuses: Readonly<Record<string, number>>;
  /** Input tokens of live (non-cached) completions. */
  readonly inputTokens: number;
  /** Output tokens of live completions. */
  readonly outputTokens: number;
  /** Cost of live completions, USD; undefined when the model has no known price. */
  readonly costUsd: number | undefined;
}

/**
 * A copy of a client's counters with the live state of its policies, for
 * {@link ModelClient.stats}.
 *
 * @remarks
 * The per-class and per-status tables are copied so a caller holding a snapshot never sees it
 * move, nor can change the client's totals through it.
 *
 * @param ctx - the client's context (limiter, adaptive concurrency, price)
 * @param counters - the client's running totals
 * @returns the snapshot
 */
export function statsSnapshot(ctx: ClientContext, counters: ClientCounters): ClientStats {
  return {
    requests: counters.requests,
    succeeded: counters.succeeded,
    failed: counters.failed,
    cacheHits: counters.cacheHits,
    attempts: counters.attempts,
    retries: counters.retries,
    notRetriedBudget: counters.notRetriedBudget,
    inFlight: counters.inFlight,
    queued: ctx.limiter.waiting,
    concurrencyLimit: ctx.limiter.limit,
    concurrencyDecreases: ctx.adaptive?.decreases ?? 0,
    attemptFailures: { ...counters.attemptFailures },
    failures: { ...counters.failures },
    statuses: { ...counters.statuses },
    inputTokens: counters.inputTokens,
    outputTokens: counters.outputTokens,
    costUsd: ctx.price === undefined ? undefined : counters.costUsd,
  };
}
