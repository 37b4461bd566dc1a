import { PolicyAbortError } from './abort-error.js';

interface Waiter {
  amount: number;
  resolve(): void;
  reject(error: Error): void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
  done: boolean;
}

/**
 * A FIFO token bucket refilled continuously at `perMinute / 60000` tokens per ms up to
 * `capacity`. A take larger than the capacity waits for a full bucket and leaves it in
 * debt, so one large request can always pass and later ones pay for it.
 *
 * @example
 * ```ts
 * const bucket = new TokenBucket(600, 10); // 10 a second, bursts of 10
 * await bucket.take(4);
 * Math.floor(bucket.available); // 6
 * bucket.dispose();
 * ```
 */
export class TokenBucket {
  readonly #rate: number;
  readonly #capacity: number;
  #tokens: number;
  #last = performance.now();
  readonly #queue: Waiter[] = [];
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  /**
   * @param perMinute - refill rate, tokens per minute (> 0)
   * @param capacity - bucket size, the largest burst (> 0); starts full
   * @throws RangeError when `perMinute` or `capacity` is not positive
   */
  constructor(perMinute: number, capacity: number) {
    if (!(perMinute > 0) || !(capacity > 0)) {
      throw new RangeError(
        `perMinute and capacity must be positive, got ${perMinute} and ${capacity}.`,
      );
    }
    this.#rate = perMinute / 60_000;
    this.#capacity = capacity;
    this.#tokens = capacity;
  }

  /** Tokens available now (negative while in debt). */
  get available(): number {
    this.#refill();
    return this.#tokens;
  }

  /**
   * Takes `amount` tokens, waiting in FIFO order until they are available.
   *
   * @param amount - tokens to take (≥ 0)
   * @param signal - cancels the wait (rejects with `PolicyAbortError`)
   * @returns a promise resolved once the tokens are taken
   */
  take(amount: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted === true || this.#closed) {
      return Promise.reject(new PolicyAbortError('rate-limit tokens'));
    }
    if (this.#queue.length === 0) {
      this.#refill();
      if (this.#tokens >= Math.min(amount, this.#capacity)) {
        this.#tokens -= amount;
        return Promise.resolve();
      }
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { amount, resolve, reject, signal, onAbort: undefined, done: false };
      if (signal !== undefined) {
        waiter.onAbort = () => {
          if (waiter.done) return;
          waiter.done = true;
          const i = this.#queue.indexOf(waiter);
          if (i >= 0) this.#queue.splice(i, 1);
          reject(new PolicyAbortError('rate-limit tokens'));
          this.#schedule();
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.#queue.push(waiter);
      this.#schedule();
    });
  }

  /**
   * Adjusts the balance after the fact, never above the capacity.
   *
   * @param amount - tokens to give back (positive) or take (negative)
   */
  adjust(amount: number): void {
    this.#refill();
    this.#tokens = Math.min(this.#capacity, this.#tokens + amount);
    this.#schedule();
  }

  /** Cancels the timer; pending waiters stay pending. */
  dispose(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Cancels the timer and rejects every pending waiter (`PolicyAbortError`): nothing will refill for them. */
  close(): void {
    this.#closed = true;
    this.dispose();
    for (const waiter of this.#queue.splice(0)) {
      if (waiter.done) continue;
      waiter.done = true;
      if (waiter.onAbort !== undefined) waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.reject(new PolicyAbortError('rate-limit tokens'));
    }
  }

  #refill(): void {
    const now = performance.now();
    this.#tokens = Math.min(this.#capacity, this.#tokens + (now - this.#last) * this.#rate);
    this.#last = now;
  }

  #schedule(): void {
    if (this.#timer !== undefined) return;
    this.#refill();
    while (this.#queue.length > 0) {
      const head = this.#queue[0]!;
      const need = Math.min(head.amount, this.#capacity);
      if (this.#tokens < need) {
        const waitMs = Math.max(1, Math.ceil((need - this.#tokens) / this.#rate));
        this.#timer = setTimeout(() => {
          this.#timer = undefined;
          this.#schedule();
        }, waitMs);
        return;
      }
      this.#queue.shift();
      this.#tokens -= head.amount;
      head.done = true;
      if (head.onAbort !== undefined) head.signal?.removeEventListener('abort', head.onAbort);
      head.resolve();
    }
  }
}
