/**
 * One attempt's cancellation: the caller's signal composed with a total timeout.
 *
 * @remarks
 * The timeout is a cleared-on-dispose `setTimeout` aborting the scope's controller with a
 * `TimeoutError`, the same signal `AbortSignal.timeout(totalMs)` would give, because
 * `AbortSignal.timeout` cannot be cancelled: with the default 10-minute total timeout every
 * finished request would keep a live timer and signal for 10 minutes (20k requests, 20k
 * timers), and creating one cost ~80 µs per request in the client benchmark. Listeners on the
 * caller's signal are removed in {@link AbortScope.dispose} so a long-lived signal does not
 * accumulate them across thousands of requests.
 */
export class AbortScope {
  readonly signal: AbortSignal;
  readonly #controller = new AbortController();
  readonly #user: AbortSignal | undefined;
  readonly #timer: NodeJS.Timeout;
  #timedOut = false;
  readonly #onUser = (): void => this.#controller.abort(this.#user?.reason);

  /**
   * @param user - the caller's signal, if any
   * @param totalMs - total time allowed for the attempt
   */
  constructor(user: AbortSignal | undefined, totalMs: number) {
    this.signal = this.#controller.signal;
    this.#user = user;
    this.#timer = setTimeout(() => {
      this.#timedOut = true;
      this.#controller.abort(
        new DOMException(`The attempt exceeded ${totalMs} ms.`, 'TimeoutError'),
      );
    }, totalMs);
    this.#timer.unref();
    if (user !== undefined) {
      if (user.aborted) this.#controller.abort(user.reason);
      else user.addEventListener('abort', this.#onUser, { once: true });
    }
  }

  /** Aborts the attempt on behalf of the library (e.g. the stream consumer stopped early). */
  abort(reason?: unknown): void {
    this.#controller.abort(reason);
  }

  /** `'abort'` if the caller cancelled, `'timeout'` if the total timeout fired, else undefined. */
  get kind(): 'abort' | 'timeout' | undefined {
    if (this.#user?.aborted === true) return 'abort';
    if (this.#timedOut) return 'timeout';
    if (this.#controller.signal.aborted) return 'abort';
    return undefined;
  }

  /** Clears the timer and removes listeners; call when the attempt ends. */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#user?.removeEventListener('abort', this.#onUser);
  }
}
