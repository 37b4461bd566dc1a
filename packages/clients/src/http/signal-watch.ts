import { LinkedList, type ListNode } from './linked-list.js';

/** Something to abort when a caller's signal fires. */
export interface SignalWatcher {
  /** Called once when the signal aborts (unless unwatched first). */
  handleEvent(): void;
}

/** The watchers of each signal; one `abort` listener per signal calls them all. */
const watchers = new WeakMap<AbortSignal, LinkedList<SignalWatcher>>();

/** A watcher's place on its signal: what {@link unwatchSignal} takes. */
export type SignalWatch = ListNode<SignalWatcher>;

/**
 * Calls `watcher.handleEvent()` when `signal` aborts, until {@link unwatchSignal}.
 *
 * @remarks
 * A load test passes one signal to thousands of concurrent requests. Adding and removing an
 * `abort` listener per attempt was a measurable share of the client's CPU (Node's
 * `EventTarget` allocates per listener and removes by searching its list); here the signal
 * gets one listener, the first time it is watched, and each attempt joins and leaves a list
 * (O(1); a {@link LinkedList}, not a `Set`: see there why). The listener stays on the signal for its lifetime; it holds only
 * the list, which is empty between requests.
 *
 * @param signal - a caller's signal (not yet aborted)
 * @param watcher - what to call on abort
 * @returns its place, for {@link unwatchSignal}
 * @example
 * ```ts
 * const controller = new AbortController();
 * const aborted = [];
 * watchSignal(controller.signal, { handleEvent: () => aborted.push('attempt 1') });
 * watchSignal(controller.signal, { handleEvent: () => aborted.push('attempt 2') });
 * controller.abort();
 * aborted; // ['attempt 1', 'attempt 2']
 * ```
 */
export function watchSignal(signal: AbortSignal, watcher: SignalWatcher): SignalWatch {
  let list = watchers.get(signal);
  if (list === undefined) {
    const created = new LinkedList<SignalWatcher>();
    list = created;
    watchers.set(signal, created);
    signal.addEventListener(
      'abort',
      () => {
        for (const w of created.drain()) w.handleEvent();
      },
      { once: true },
    );
  }
  return list.push(watcher);
}

/**
 * Stops watching (the watcher will not be called).
 *
 * @param watch - what {@link watchSignal} returned (nothing when the signal has fired)
 * @example
 * ```ts
 * const controller = new AbortController();
 * const aborted = [];
 * const watch = watchSignal(controller.signal, { handleEvent: () => aborted.push('attempt 1') });
 * unwatchSignal(watch); // the attempt ended
 * controller.abort();
 * aborted; // []
 * ```
 */
export function unwatchSignal(watch: SignalWatch): void {
  watch.list?.remove(watch);
}
