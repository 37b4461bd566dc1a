import { PolicyAbortError } from './abort-error.js';

interface Waiter {
  resolve(): void;
  reject(error: Error): void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
  done: boolean;
}

/**
 * A FIFO counting semaphore: at most `limit` holders at once. The limit may change at any
 * time ({@link AdaptiveConcurrency} does); lowering it never interrupts current holders.
 *
 * @example
 * ```ts
 * const limiter = new ConcurrencyLimiter(1);
 * await limiter.acquire();
 * const next = limiter.acquire(); // waits for the slot
 * limiter.waiting; // 1
 * limiter.release();
 * await next;
 * limiter.active; // 1
 * limiter.release();
 * ```
 */
export class ConcurrencyLimiter {
  #limit: number;
  #active = 0;
  #queue: Waiter[] = [];
  #head = 0;
  #closed = false;

  /**
   * @param limit - initial maximum of concurrent holders (integer ≥ 1)
   * @throws RangeError when `limit` is not a positive integer
   */
  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`limit must be a positive integer, got ${limit}.`);
    }
    this.#limit = limit;
  }

  /** Current maximum of concurrent holders. */
  get limit(): number {
    return this.#limit;
  }

  /** Current holders. */
  get active(): number {
    return this.#active;
  }

  /** Callers waiting for a slot. */
  get waiting(): number {
    return this.#queue.length - this.#head;
  }

  /**
   * Changes the limit; waiters are admitted at once if it grew.
   *
   * @param limit - the new limit (floored, at least 1)
   */
  setLimit(limit: number): void {
    this.#limit = Math.max(1, Math.floor(limit));
    this.#drain();
  }

  /**
   * Takes a slot if one is free right now and nobody is waiting (no promise, no microtask).
   *
   * @returns true when the slot is held (pair it with {@link release})
   */
  tryAcquire(): boolean {
    if (this.#active < this.#limit && this.waiting === 0) {
      this.#active++;
      return true;
    }
    return false;
  }

  /**
   * Waits for a slot. Every resolved `acquire` must be paired with one {@link release}.
   *
   * @param signal - cancels the wait (rejects with `PolicyAbortError`)
   * @returns a promise resolved when the slot is held
   */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted === true || this.#closed) {
      return Promise.reject(new PolicyAbortError('a concurrency slot'));
    }
    if (this.#active < this.#limit && this.waiting === 0) {
      this.#active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal, onAbort: undefined, done: false };
      if (signal !== undefined) {
        waiter.onAbort = () => {
          if (waiter.done) return;
          waiter.done = true;
          reject(new PolicyAbortError('a concurrency slot'));
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.#queue.push(waiter);
    });
  }

  /**
   * Refuses every waiter and every later {@link acquire} (rejected with `PolicyAbortError`):
   * a closed client must not leave callers waiting for a slot that will never serve them.
   * Holders keep their slots; {@link tryAcquire} still works, so callers check for closing.
   */
  close(): void {
    this.#closed = true;
    for (let i = this.#head; i < this.#queue.length; i++) {
      const waiter = this.#queue[i]!;
      if (waiter.done) continue;
      waiter.done = true;
      if (waiter.onAbort !== undefined) waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.reject(new PolicyAbortError('a concurrency slot'));
    }
    this.#queue = [];
    this.#head = 0;
  }

  /** Gives a slot back and admits the next waiter. */
  release(): void {
    this.#active--;
    this.#drain();
  }

  #drain(): void {
    while (this.#active < this.#limit && this.#head < this.#queue.length) {
      const waiter = this.#queue[this.#head]!;
      this.#queue[this.#head] = undefined as unknown as Waiter;
      this.#head++;
      if (waiter.done) continue;
      waiter.done = true;
      if (waiter.onAbort !== undefined) waiter.signal?.removeEventListener('abort', waiter.onAbort);
      this.#active++;
      waiter.resolve();
    }
    if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
  }
}
