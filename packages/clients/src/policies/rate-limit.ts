import { TokenBucket } from './token-bucket.js';

/** Limits of {@link RateLimiter}; either may be omitted. */
export interface RateLimitOptions {
  /** Requests per minute. */
  readonly rpm?: number | undefined;
  /** Tokens (input + output) per minute. */
  readonly tpm?: number | undefined;
}

/**
 * Requests-per-minute and tokens-per-minute limits as two token buckets.
 *
 * @remarks
 * Each bucket holds one second's worth (at least 1), so requests are spaced evenly rather
 * than fired in a burst of a whole minute's quota that a provider would answer with 429s.
 * A request takes its estimated tokens (prompt chars / 4 + `maxTokens`) up front;
 * {@link RateLimiter.settle} corrects the balance with the real usage afterwards.
 *
 * @example
 * ```ts
 * const limiter = new RateLimiter({ rpm: 600, tpm: 100_000 }); // 10 requests a second
 * const started = performance.now();
 * for (let i = 0; i < 11; i++) await limiter.acquire(100); // 100: the request's token estimate
 * performance.now() - started >= 90; // true (the 11th request waited for its turn)
 * limiter.settle(100, 40); // the request used 40 tokens: 60 go back
 * limiter.dispose();
 * ```
 */
export class RateLimiter {
  readonly #requests: TokenBucket | undefined;
  readonly #tokens: TokenBucket | undefined;

  /** @param options - per-minute limits */
  constructor(options: RateLimitOptions) {
    this.#requests =
      options.rpm === undefined
        ? undefined
        : new TokenBucket(options.rpm, Math.max(1, options.rpm / 60));
    this.#tokens =
      options.tpm === undefined
        ? undefined
        : new TokenBucket(options.tpm, Math.max(1, options.tpm / 60));
  }

  /**
   * Waits until one request and `estimatedTokens` tokens may be spent.
   *
   * @param estimatedTokens - the request's token estimate
   * @param signal - cancels the wait
   */
  async acquire(estimatedTokens: number, signal?: AbortSignal): Promise<void> {
    if (this.#requests !== undefined) await this.#requests.take(1, signal);
    if (this.#tokens !== undefined) await this.#tokens.take(estimatedTokens, signal);
  }

  /**
   * Corrects the token balance once the real usage is known.
   *
   * @param estimatedTokens - what {@link RateLimiter.acquire} took
   * @param actualTokens - the request's real input + output tokens
   */
  settle(estimatedTokens: number, actualTokens: number): void {
    this.#tokens?.adjust(estimatedTokens - actualTokens);
  }

  /** Stops the buckets' timers. */
  dispose(): void {
    this.#requests?.dispose();
    this.#tokens?.dispose();
  }

  /** Stops the timers and rejects every wait, pending or later (`PolicyAbortError`): for a closed client. */
  close(): void {
    this.#requests?.close();
    this.#tokens?.close();
  }
}
