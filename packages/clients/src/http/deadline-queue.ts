/** Something that expires at a deadline on the `performance.now()` clock. */
export interface Expiring {
  /** `performance.now()` at which it expires. */
  readonly deadline: number;
  /** Called once when the deadline has passed (unless removed first). */
  expire(): void;
}

interface Queue {
  /** Insertion order is deadline order: every item of a queue has the same duration. */
  readonly items: Set<Expiring>;
  timer: NodeJS.Timeout | undefined;
}

const queues = new Map<number, Queue>();

function arm(queue: Queue): void {
  const head = queue.items.values().next();
  if (head.done === true) {
    queue.timer = undefined;
    return;
  }
  queue.timer = setTimeout(fire, Math.max(1, head.value.deadline - performance.now()), queue);
  queue.timer.unref();
}

function fire(queue: Queue): void {
  const now = performance.now();
  for (const item of queue.items) {
    if (item.deadline > now) break;
    queue.items.delete(item);
    item.expire();
  }
  arm(queue);
}

/**
 * Tracks `item` until {@link untrackDeadline}, calling `item.expire()` if its deadline passes
 * first.
 *
 * @remarks
 * One timer per distinct duration instead of one per item: items of one duration expire in
 * the order they were added, so a `Set` in insertion order is their deadline queue, and only
 * its head needs a timer. Adding and removing are O(1) and create no timer in the common case
 * (a request that ends long before its total timeout), where a `setTimeout` + `clearTimeout`
 * per request was measurable in load tests. Timers are unref'd.
 *
 * @param item - the item, its `deadline` = now + `durationMs`
 * @param durationMs - its duration (the queue it joins)
 * @example
 * ```ts
 * trackDeadline({ deadline: performance.now() + 100, expire: () => controller.abort() }, 100);
 * ```
 */
export function trackDeadline(item: Expiring, durationMs: number): void {
  let queue = queues.get(durationMs);
  if (queue === undefined) {
    queue = { items: new Set(), timer: undefined };
    queues.set(durationMs, queue);
  }
  queue.items.add(item);
  if (queue.timer === undefined) arm(queue);
}

/**
 * Stops tracking `item` (it will not expire).
 *
 * @param item - a tracked item
 * @param durationMs - the duration it was tracked with
 * @example
 * ```ts
 * untrackDeadline(item, 100);
 * ```
 */
export function untrackDeadline(item: Expiring, durationMs: number): void {
  queues.get(durationMs)?.items.delete(item);
}
