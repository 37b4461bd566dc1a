/**
 * One attempt's cancellation: the caller's signal composed with a total timeout
 * (`AbortSignal.timeout`). Listeners are removed in {@link AbortScope.dispose} so a
 * long-lived caller signal does not accumulate them across thousands of requests.
 */
export class AbortScope {
  readonly signal: AbortSignal;
  readonly #controller = new AbortController();
  readonly #timeout: AbortSignal;
  readonly #user: AbortSignal | undefined;
  readonly #onUser = (): void => this.#controller.abort(this.#user?.reason);
  readonly #onTimeout = (): void => this.#controller.abort(this.#timeout.reason);

  /**
   * @param user - the caller's signal, if any
   * @param totalMs - total time allowed for the attempt
   */
  constructor(user: AbortSignal | undefined, totalMs: number) {
    this.signal = this.#controller.signal;
    this.#user = user;
    this.#timeout = AbortSignal.timeout(totalMs);
    this.#timeout.addEventListener('abort', this.#onTimeout, { once: true });
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
    if (this.#timeout.aborted) return 'timeout';
    if (this.#controller.signal.aborted) return 'abort';
    return undefined;
  }

  /** Removes listeners; call when the attempt ends. */
  dispose(): void {
    this.#timeout.removeEventListener('abort', this.#onTimeout);
    this.#user?.removeEventListener('abort', this.#onUser);
  }
}
