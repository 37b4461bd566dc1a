import type { ConcurrencyLimiter } from './concurrency.js';

/** Bounds and pace of {@link AdaptiveConcurrency}. */
export interface AdaptiveConcurrencyOptions {
  /** Lowest limit (default 1). */
  readonly min: number;
  /** Highest limit, also the starting limit. */
  readonly max: number;
  /** Consecutive successes before the limit grows by one (default 20). */
  readonly increaseAfter: number;
}

/**
 * Additive-increase / multiplicative-decrease control of a {@link ConcurrencyLimiter}:
 * the limit halves on an overload signal (429, 503, 529, an `overloaded_error` event) and
 * grows by one after `increaseAfter` consecutive successes, always within `[min, max]`.
 *
 * @remarks
 * A burst of requests in flight together all see the same overload; only overloads of
 * requests sent after the last decrease count, so one burst halves the limit once, not
 * once per request.
 *
 * @example
 * ```ts
 * const limiter = new ConcurrencyLimiter(32);
 * const adaptive = new AdaptiveConcurrency(limiter, { min: 1, max: 32, increaseAfter: 20 });
 * adaptive.onOverload(performance.now()); // a request sent now was answered 429
 * limiter.limit; // 16
 * for (let i = 0; i < 20; i++) adaptive.onSuccess();
 * limiter.limit; // 17
 * ```
 */
export class AdaptiveConcurrency {
  readonly #limiter: ConcurrencyLimiter;
  readonly #options: AdaptiveConcurrencyOptions;
  #streak = 0;
  #lastDecreaseAt = Number.NEGATIVE_INFINITY;
  #decreases = 0;

  /**
   * @param limiter - the limiter whose limit this controls (set to `max` now)
   * @param options - bounds and increase pace
   * @throws RangeError when `min > max`
   */
  constructor(limiter: ConcurrencyLimiter, options: AdaptiveConcurrencyOptions) {
    if (options.min > options.max) {
      throw new RangeError(
        `concurrency.min (${options.min}) must not exceed concurrency.max (${options.max}).`,
      );
    }
    this.#limiter = limiter;
    this.#options = options;
    limiter.setLimit(options.max);
  }

  /** How many times the limit was halved. */
  get decreases(): number {
    return this.#decreases;
  }

  /** Records a success; every `increaseAfter`-th in a row raises the limit by one. */
  onSuccess(): void {
    this.#streak++;
    if (this.#streak >= this.#options.increaseAfter) {
      this.#streak = 0;
      if (this.#limiter.limit < this.#options.max) this.#limiter.setLimit(this.#limiter.limit + 1);
    }
  }

  /**
   * Records an overload of a request sent at `sentAt` (`performance.now()`); halves the limit
   * unless that request predates the last decrease.
   *
   * @param sentAt - when the overloaded request was sent (`performance.now()`)
   */
  onOverload(sentAt: number): void {
    this.#streak = 0;
    if (sentAt < this.#lastDecreaseAt) return;
    this.#lastDecreaseAt = performance.now();
    this.#decreases++;
    this.#limiter.setLimit(Math.max(this.#options.min, Math.floor(this.#limiter.limit / 2)));
  }

  /** Records a failure that says nothing about load (e.g. a 400): resets the success streak. */
  onOtherFailure(): void {
    this.#streak = 0;
  }
}
