import { LinkedList, type ListNode } from './linked-list.js';

/** Something that expires at a deadline on the `performance.now()` clock. */
export interface Expiring {
  /** `performance.now()` at which it expires. */
  readonly deadline: number;
  /** Called once when the deadline has passed (unless removed first). */
  expire(): void;
}

interface Queue {
  /** Insertion order is deadline order: every item of a queue has the same duration. */
  readonly items: LinkedList<Expiring>;
  timer: NodeJS.Timeout | undefined;
}

/** An item's place in its deadline queue: what {@link untrackDeadline} takes. */
export type DeadlineEntry = ListNode<Expiring>;

const queues = new Map<number, Queue>();

function arm(queue: Queue): void {
  const head = queue.items.first;
  if (head === undefined) {
    queue.timer = undefined;
    return;
  }
  queue.timer = setTimeout(fire, Math.max(1, head.value.deadline - performance.now()), queue);
  queue.timer.unref();
}

function fire(queue: Queue): void {
  const now = performance.now();
  for (let head = queue.items.first; head !== undefined; head = queue.items.first) {
    if (head.value.deadline > now) break;
    queue.items.remove(head);
    head.value.expire();
  }
  arm(queue);
}

/**
 * Tracks `item` until {@link untrackDeadline}, calling `item.expire()` if its deadline passes
 * first.
 *
 * @remarks
 * One timer per distinct duration instead of one per item: items of one duration expire in
 * the order they were added, so a list in insertion order is their deadline queue, and only
 * its head needs a timer ({@link LinkedList}, not a `Set`: see there why). Adding and removing
 * are O(1) and create no timer in the common case (a request that ends long before its total
 * timeout), where a `setTimeout` + `clearTimeout` per request was measurable in load tests.
 * Timers are unref'd.
 *
 * @param item - the item, its `deadline` = now + `durationMs`
 * @param durationMs - its duration (the queue it joins)
 * @returns its entry, for {@link untrackDeadline}
 * @example
 * ```ts
 * const controller = new AbortController();
 * trackDeadline({ deadline: performance.now() + 20, expire: () => controller.abort() }, 20);
 * await new Promise((resolve) => setTimeout(resolve, 50));
 * controller.signal.aborted; // true
 * ```
 */
export function trackDeadline(item: Expiring, durationMs: number): DeadlineEntry {
  let queue = queues.get(durationMs);
  if (queue === undefined) {
    queue = { items: new LinkedList(), timer: undefined };
    queues.set(durationMs, queue);
  }
  const entry = queue.items.push(item);
  if (queue.timer === undefined) arm(queue);
  return entry;
}

/**
 * Stops tracking an item (it will not expire); nothing when it expired or was untracked.
 *
 * @param entry - what {@link trackDeadline} returned for it
 * @example
 * ```ts
 * const controller = new AbortController();
 * const entry = trackDeadline({ deadline: performance.now() + 20, expire: () => controller.abort() }, 20);
 * untrackDeadline(entry);
 * await new Promise((resolve) => setTimeout(resolve, 50));
 * controller.signal.aborted; // false
 * ```
 */
export function untrackDeadline(entry: DeadlineEntry): void {
  entry.list?.remove(entry);
}
