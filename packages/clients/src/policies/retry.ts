import type { ErrorClass } from '../records/request-record.js';
import { retryAfterMs } from './retry-after.js';

/** Settings of {@link RetryPolicy}. */
export interface RetryOptions {
  /** Most retries of one request (0 disables retries). */
  readonly maxRetries: number;
  /** Backoff base, ms: attempt k waits uniform(0, min(maxDelayMs, baseDelayMs · 2^k)). */
  readonly baseDelayMs: number;
  /** Backoff cap, ms. */
  readonly maxDelayMs: number;
  /** Global retry budget: retries may be at most `10 + budget × requests` over the client's life. */
  readonly budget: number;
  /** Retry malformed responses too (default false: a wrong shape rarely fixes itself). */
  readonly retryMalformed: boolean;
  /** A server asking to wait longer than this is not retried. */
  readonly maxRetryAfterMs: number;
  /** Random source in [0, 1) (tests pass a fixed one). */
  readonly random?: () => number;
}

/** What a failed attempt looked like, for {@link RetryPolicy.decide}. */
export interface FailureInfo {
  readonly errorClass: ErrorClass;
  readonly status?: number | undefined;
  readonly headers?: Record<string, string | string[] | undefined> | undefined;
}

/** A retry decision. */
export type RetryDecision =
  | { readonly retry: true; readonly delayMs: number }
  | {
      readonly retry: false;
      readonly reason: string;
      /** The wait the server asked for, when that is why the retry was given up. */
      readonly askedWaitMs?: number;
      /**
       * True when the failure was worth a retry and had retries left, but the global budget
       * was spent: the one refusal a caller cannot tell from the failure itself.
       */
      readonly budgetExhausted?: true;
    };

const MIN_BUDGET = 10;

/**
 * Whether a failure is worth retrying at all: 408, 409, 429 and 5xx statuses, timeouts,
 * connection failures and in-stream errors are transient; other 4xx, aborts, responses over
 * `maxResponseBytes` and (unless `retryMalformed`) malformed responses are not.
 *
 * @param failure - the failed attempt
 * @param retryMalformed - whether malformed responses count as transient
 * @returns true when a retry could succeed
 * @example
 * ```ts
 * import { isTransient } from '@assay/clients';
 * isTransient({ errorClass: 'http_status', status: 429 }, false); // true
 * isTransient({ errorClass: 'http_status', status: 400 }, false); // false
 * ```
 */
export function isTransient(failure: FailureInfo, retryMalformed: boolean): boolean {
  switch (failure.errorClass) {
    case 'http_status': {
      const s = failure.status ?? 0;
      return s === 408 || s === 409 || s === 429 || s >= 500;
    }
    case 'timeout':
    case 'connection':
    case 'truncated_stream':
    case 'in_stream_error':
      return true;
    case 'malformed_response':
      return retryMalformed;
    case 'abort':
    // The same request would download the same oversized answer again.
    case 'response_too_large':
      return false;
  }
}

/**
 * Retries with exponential backoff and full jitter, honouring the server's `Retry-After`
 * (any status) and, for a 429, the reset time of an exhausted rate limit, within a per-request maximum and a global budget.
 *
 * @remarks
 * Full jitter (`uniform(0, min(cap, base·2^k))`) spreads the retries of a burst of
 * failures instead of synchronising them. A server hint replaces the backoff (plus up to
 * 10% jitter): retrying earlier would only meet another 429. The global budget stops a
 * failing service from being hammered with retries (at most 10 + `budget` × requests).
 *
 * @example
 * ```ts
 * const policy = new RetryPolicy({ maxRetries: 3, baseDelayMs: 250, maxDelayMs: 20_000, budget: 0.2,
 *   retryMalformed: false, maxRetryAfterMs: 60_000 });
 * policy.onRequest();
 * const decision = policy.decide({ errorClass: 'http_status', status: 429, headers: { 'retry-after': '1' } }, 0);
 * decision.retry; // true
 * decision.delayMs >= 1000 && decision.delayMs < 1100; // true (the server's 1 s, plus up to 10%)
 * policy.decide({ errorClass: 'http_status', status: 400 }, 0); // { retry: false, reason: 'not transient' }
 * ```
 */
export class RetryPolicy {
  readonly #options: RetryOptions;
  readonly #random: () => number;
  #requests = 0;
  #retries = 0;

  /** @param options - limits and backoff */
  constructor(options: RetryOptions) {
    this.#options = options;
    this.#random = options.random ?? Math.random;
  }

  /** Retries granted so far. */
  get retries(): number {
    return this.#retries;
  }

  /** Counts a new request against the budget. */
  onRequest(): void {
    this.#requests++;
  }

  /**
   * Decides whether to retry after a failure; a granted retry is charged to the budget.
   *
   * @param failure - the failed attempt
   * @param retriesTaken - retries this request already took
   * @returns retry with a delay, or no with the reason
   */
  decide(failure: FailureInfo, retriesTaken: number): RetryDecision {
    const o = this.#options;
    if (!isTransient(failure, o.retryMalformed)) return { retry: false, reason: 'not transient' };
    if (retriesTaken >= o.maxRetries)
      return { retry: false, reason: `maxRetries (${o.maxRetries}) reached` };
    if (this.#retries >= MIN_BUDGET + o.budget * this.#requests) {
      return { retry: false, reason: 'global retry budget exhausted', budgetExhausted: true };
    }
    // Rate-limit reset headers ride on every response; only a 429 makes them a wait.
    const hint =
      failure.headers === undefined
        ? undefined
        : retryAfterMs(failure.headers, Date.now(), failure.status ?? 0);
    let delayMs: number;
    if (hint !== undefined) {
      if (hint > o.maxRetryAfterMs) {
        return {
          retry: false,
          reason: `server asked to wait ${Math.round(hint)} ms > maxRetryAfterMs (${o.maxRetryAfterMs} ms)`,
          askedWaitMs: hint,
        };
      }
      delayMs = hint + this.#random() * Math.min(o.baseDelayMs, hint * 0.1);
    } else {
      delayMs = this.#random() * Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** retriesTaken);
    }
    this.#retries++;
    return { retry: true, delayMs };
  }
}
