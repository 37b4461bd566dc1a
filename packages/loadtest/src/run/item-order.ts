import type { WarmupOverlap } from '../metrics/step-result.js';

/**
 * Which workload item each request of one step asks, and how many warm-up and measured
 * requests asked one so far (for {@link warmupOverlap}).
 */
export interface StepItems {
  /** The item of the step's `k`-th measured request, or with `warmup` its `k`-th warm-up one. */
  readonly itemOf: (k: number, warmup: boolean) => number;
  /** Warm-up and measured requests that asked an item so far. */
  readonly asked: () => { readonly warmup: number; readonly measured: number };
}

/**
 * The items of one step, from one order of the workload: measured request k asks `order[k]`
 * and warm-up request k asks `order[n - 1 - k]` (both modulo n), from the other end.
 *
 * @remarks
 * Asked from the same end, a warm-up sent exactly the prompts its step then measured first,
 * and on a service that caches prompts (vLLM's prefix caching, a caching gateway) those
 * measured requests hit a warm cache and read TTFT and latency low. Measured request k still
 * asks `order[k]` whatever the warm-up sent, so every step measures (and `--score` scores) the
 * same items from the same start. Warm-up and measured requests share items only when together
 * they outnumber the workload's n items.
 *
 * @param order - the workload's items in the order the step asks them (a permutation)
 * @returns the step's item of each request, and the counts asked
 * @example
 * ```ts
 * const items = stepItems([0, 1, 2, 3, 4]);
 * items.itemOf(0, false); // 0
 * items.itemOf(0, true); // 4
 * items.itemOf(6, true); // 3
 * items.asked(); // { warmup: 7, measured: 1 }
 * ```
 */
export function stepItems(order: readonly number[]): StepItems {
  const n = order.length;
  let warmup = 0;
  let measured = 0;
  return {
    // per request: counts only, no allocation (both loops ask k = 0, 1, 2, … in turn)
    itemOf(k, isWarmup) {
      if (isWarmup) {
        if (k >= warmup) warmup = k + 1;
        return order[n - 1 - (k % n)]!;
      }
      if (k >= measured) measured = k + 1;
      return order[k % n]!;
    },
    asked: () => ({ warmup, measured }),
  };
}

/**
 * How far a step's warm-up asked the items its measured requests asked: with `warmup` warm-up
 * and `measured` measured requests over n items, taken from the two ends of one order (see
 * {@link stepItems}), `min(warmup, n) + min(measured, n) - n` items are asked by both.
 *
 * @param warmup - warm-up requests that asked an item
 * @param measured - measured requests that asked an item
 * @param items - the workload's item count
 * @returns the counts and the items shared, or undefined when none is shared
 * @example
 * ```ts
 * warmupOverlap(20, 30, 100); // undefined
 * warmupOverlap(40, 30, 50); // { warmupRequests: 40, measuredRequests: 30, workloadItems: 50, sharedItems: 20 }
 * ```
 */
export function warmupOverlap(
  warmup: number,
  measured: number,
  items: number,
): WarmupOverlap | undefined {
  const shared = Math.min(warmup, items) + Math.min(measured, items) - items;
  if (shared <= 0) return undefined;
  return {
    warmupRequests: warmup,
    measuredRequests: measured,
    workloadItems: items,
    sharedItems: shared,
  };
}
