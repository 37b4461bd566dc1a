import {
  type DeadlineEntry,
  type Expiring,
  trackDeadline,
  untrackDeadline,
} from './deadline-queue.js';
import { type SignalWatch, unwatchSignal, watchSignal } from './signal-watch.js';

/**
 * One attempt's cancellation: the caller's `AbortSignal` composed with a total timeout.
 *
 * @remarks
 * The HTTP request listens with {@link AbortScope.onAbort} (one listener, no event emitter).
 * It replaces `AbortSignal.any([user, AbortSignal.timeout(ms)])`
 * because (measured in the client benchmark) creating an `AbortController` per attempt was
 * ~4% of client CPU and an `AbortSignal.timeout` ~80 µs, and `AbortSignal.timeout` cannot be
 * cancelled: with the default 10-minute total timeout every finished request would keep a
 * live timer for 10 minutes. Here the total timeout is a place in a shared deadline queue
 * ({@link trackDeadline}: one timer per distinct duration, none per attempt) and the listener
 * on the caller's signal is shared by all attempts ({@link watchSignal}) and the scope leaves
 * it in {@link AbortScope.dispose}, so a long-lived caller signal does not accumulate
 * listeners across thousands of requests.
 */
export class AbortScope implements Expiring {
  /** Whether the attempt was aborted (by the caller, the timeout or the library). */
  aborted = false;
  /** Why: the caller's reason, a `TimeoutError` `DOMException`, or the library's reason. */
  reason: unknown = undefined;
  /** `performance.now()` at which the total timeout fires. */
  readonly deadline: number;
  readonly #user: AbortSignal | undefined;
  readonly #totalMs: number;
  #timedOut = false;
  #listener: (() => void) | undefined;
  readonly #entry: DeadlineEntry;
  #watch: SignalWatch | undefined = undefined;

  /**
   * @param user - the caller's signal, if any
   * @param totalMs - total time allowed for the attempt
   */
  constructor(user: AbortSignal | undefined, totalMs: number) {
    this.#user = user;
    this.#totalMs = totalMs;
    this.deadline = performance.now() + totalMs;
    this.#entry = trackDeadline(this, totalMs);
    if (user !== undefined) {
      if (user.aborted) this.abort(user.reason);
      // one listener per signal for all its attempts: no listener added per attempt
      else this.#watch = watchSignal(user, this);
    }
  }

  /** The caller's signal fired. */
  handleEvent(): void {
    this.abort(this.#user?.reason);
  }

  /** The total timeout passed ({@link trackDeadline}). */
  expire(): void {
    this.#timedOut = true;
    this.abort(new DOMException(`The attempt exceeded ${this.#totalMs} ms.`, 'TimeoutError'));
  }

  /**
   * Sets the one function called when the scope aborts (the HTTP request's abort); called at
   * once when it already has.
   *
   * @param listener - aborts the request
   */
  onAbort(listener: () => void): void {
    this.#listener = listener;
    if (this.aborted) listener();
  }

  /** Aborts the attempt (idempotent); the request is destroyed through its listener. */
  abort(reason?: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.#listener?.();
  }

  /** `'abort'` if the caller cancelled, `'timeout'` if the total timeout fired, else undefined. */
  get kind(): 'abort' | 'timeout' | undefined {
    if (this.#user?.aborted === true) return 'abort';
    if (this.#timedOut) return 'timeout';
    if (this.aborted) return 'abort';
    return undefined;
  }

  /** Stops the timeout and removes the listener on the caller's signal; call when the attempt ends. */
  dispose(): void {
    untrackDeadline(this.#entry);
    if (this.#watch !== undefined) unwatchSignal(this.#watch);
  }
}
