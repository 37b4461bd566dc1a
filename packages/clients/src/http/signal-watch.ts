/** Something to abort when a caller's signal fires. */
export interface SignalWatcher {
  /** Called once when the signal aborts (unless unwatched first). */
  handleEvent(): void;
}

/** The watchers of each signal; one `abort` listener per signal calls them all. */
const watchers = new WeakMap<AbortSignal, Set<SignalWatcher>>();

/**
 * Calls `watcher.handleEvent()` when `signal` aborts, until {@link unwatchSignal}.
 *
 * @remarks
 * A load test passes one signal to thousands of concurrent requests. Adding and removing an
 * `abort` listener per attempt was a measurable share of the client's CPU (Node's
 * `EventTarget` allocates per listener and removes by searching its list); here the signal
 * gets one listener, the first time it is watched, and each attempt joins and leaves a `Set`
 * (O(1), nothing allocated). The listener stays on the signal for its lifetime; it holds only
 * the set, which is empty between requests.
 *
 * @param signal - a caller's signal (not yet aborted)
 * @param watcher - what to call on abort
 * @example
 * ```ts
 * watchSignal(controller.signal, scope);
 * // ... the attempt ...
 * unwatchSignal(controller.signal, scope);
 * ```
 */
export function watchSignal(signal: AbortSignal, watcher: SignalWatcher): void {
  let set = watchers.get(signal);
  if (set === undefined) {
    const created = new Set<SignalWatcher>();
    set = created;
    watchers.set(signal, created);
    signal.addEventListener(
      'abort',
      () => {
        for (const w of [...created]) w.handleEvent();
        created.clear();
      },
      { once: true },
    );
  }
  set.add(watcher);
}

/**
 * Stops watching (the watcher will not be called).
 *
 * @param signal - the signal passed to {@link watchSignal}
 * @param watcher - the watcher
 * @example
 * ```ts
 * unwatchSignal(controller.signal, scope);
 * ```
 */
export function unwatchSignal(signal: AbortSignal, watcher: SignalWatcher): void {
  watchers.get(signal)?.delete(watcher);
}
