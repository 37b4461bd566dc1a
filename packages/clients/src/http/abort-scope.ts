import { EventEmitter } from 'node:events';

/**
 * One attempt's cancellation: the caller's `AbortSignal` composed with a total timeout.
 *
 * @remarks
 * undici accepts an `EventEmitter` with `aborted`/`reason` and an `'abort'` event as a request
 * signal; this scope is one. It replaces `AbortSignal.any([user, AbortSignal.timeout(ms)])`
 * because (measured in the client benchmark) creating an `AbortController` per attempt was
 * ~4% of client CPU and an `AbortSignal.timeout` ~80 µs, and `AbortSignal.timeout` cannot be
 * cancelled: with the default 10-minute total timeout every finished request would keep a
 * live timer for 10 minutes. Here the timer is cleared and the listener on the caller's
 * signal removed in {@link AbortScope.dispose}, so a long-lived caller signal does not
 * accumulate listeners across thousands of requests.
 */
export class AbortScope extends EventEmitter {
  /** Whether the attempt was aborted (by the caller, the timeout or the library). */
  aborted = false;
  /** Why: the caller's reason, a `TimeoutError` `DOMException`, or the library's reason. */
  reason: unknown = undefined;
  readonly #user: AbortSignal | undefined;
  readonly #timer: NodeJS.Timeout;
  #timedOut = false;
  readonly #onUser = (): void => this.abort(this.#user?.reason);

  /**
   * @param user - the caller's signal, if any
   * @param totalMs - total time allowed for the attempt
   */
  constructor(user: AbortSignal | undefined, totalMs: number) {
    super();
    this.#user = user;
    this.#timer = setTimeout(() => {
      this.#timedOut = true;
      this.abort(new DOMException(`The attempt exceeded ${totalMs} ms.`, 'TimeoutError'));
    }, totalMs);
    this.#timer.unref();
    if (user !== undefined) {
      if (user.aborted) this.abort(user.reason);
      else user.addEventListener('abort', this.#onUser, { once: true });
    }
  }

  /** The signal to hand to undici (this scope). */
  get signal(): EventEmitter {
    return this;
  }

  /** Aborts the attempt (idempotent); undici destroys the request or its body. */
  abort(reason?: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.emit('abort');
  }

  /** `'abort'` if the caller cancelled, `'timeout'` if the total timeout fired, else undefined. */
  get kind(): 'abort' | 'timeout' | undefined {
    if (this.#user?.aborted === true) return 'abort';
    if (this.#timedOut) return 'timeout';
    if (this.aborted) return 'abort';
    return undefined;
  }

  /** Clears the timer and removes the listener on the caller's signal; call when the attempt ends. */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#user?.removeEventListener('abort', this.#onUser);
  }
}
