import type { ErrorClass } from '../records/request-record.js';

/**
 * The running totals behind {@link ModelClient.stats}, mutated by the stages of each call.
 *
 * @remarks
 * One flat mutable object per client keeps the increments on the hot path plain property
 * writes; {@link statsSnapshot} copies it for callers.
 */
export interface ClientCounters {
  /** Calls to `complete`/`stream`. */
  requests: number;
  /** Calls that returned a completion (cache hits included). */
  succeeded: number;
  /** Calls that threw a request error. */
  failed: number;
  /** Completions served from the cache. */
  cacheHits: number;
  /** HTTP attempts made. */
  attempts: number;
  /** Retries taken. */
  retries: number;
  /** Calls that failed without a retry they would have had, because the retry budget was spent. */
  notRetriedBudget: number;
  /** Attempts in flight now. */
  inFlight: number;
  /** Input tokens of live completions. */
  inputTokens: number;
  /** Output tokens of live completions. */
  outputTokens: number;
  /** Cost of live completions, USD. */
  costUsd: number;
  /** Failed attempts by error class (retried ones included). */
  readonly attemptFailures: Record<ErrorClass, number>;
  /** Final failures by error class. */
  readonly failures: Record<ErrorClass, number>;
  /** Attempts by HTTP status. */
  readonly statuses: Record<string, number>;
}

/**
 * Counters of a new client, all zero.
 *
 * @returns fresh counters
 */
export function newClientCounters(): ClientCounters {
  return {
    requests: 0,
    succeeded: 0,
    failed: 0,
    cacheHits: 0,
    attempts: 0,
    retries: 0,
    notRetriedBudget: 0,
    inFlight: 0,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
    attemptFailures: zeroByClass(),
    failures: zeroByClass(),
    statuses: {},
  };
}

/**
 * An all-zero counter per error class.
 *
 * @returns a fresh record with every `ErrorClass` at 0
 */
export function zeroByClass(): Record<ErrorClass, number> {
  return {
    http_status: 0,
    in_stream_error: 0,
    timeout: 0,
    abort: 0,
    malformed_response: 0,
    connection: 0,
    truncated_stream: 0,
    response_too_large: 0,
  };
}
