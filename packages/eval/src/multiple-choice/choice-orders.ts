import { createHash } from 'node:crypto';
import { createRng } from '@assay/splitters';

/** n! when it is small enough to matter as a cap, else Infinity. */
function orderCount(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) {
    f *= i;
    if (f > 1e6) return Number.POSITIVE_INFINITY;
  }
  return f;
}

/** A 32-bit seed from the run's seed and the item id, so an item's orders do not depend on its row. */
function itemSeed(seed: number, id: string): number {
  return createHash('sha256').update(`${seed}\u0000${id}`).digest().readUInt32LE(0);
}

/**
 * The choice orders one item is asked in: the data set's order first, then up to
 * `permutations` distinct other orders drawn by a seeded Fisher–Yates shuffle.
 *
 * @param count - the item's number of choices (2..26)
 * @param permutations - extra orders wanted (`task.permutations`)
 * @param seed - `task.seed`
 * @param id - the item's id (with the seed, it alone decides the draws)
 * @returns orders; `orders[v][p]` is the original index of the choice shown at position `p`
 *   in order `v` (`orders[0]` is the identity)
 * @remarks There are only `count! − 1` orders besides the data set's, so an item with few
 *   choices gets fewer extra orders than asked (two choices: one, the swap). Shuffles that
 *   repeat an order already drawn are discarded, so no prompt is asked twice.
 * @example
 * choiceOrders(4, 2, 0, 'q1'); // [[0, 1, 2, 3], [3, 0, 2, 1], [2, 0, 1, 3]], the same on every run
 */
export function choiceOrders(
  count: number,
  permutations: number,
  seed: number,
  id: string,
): number[][] {
  const identity = Array.from({ length: count }, (_, i) => i);
  const orders = [identity];
  const wanted = Math.min(permutations, orderCount(count) - 1);
  if (wanted <= 0) return orders;
  const seen = new Set([identity.join(',')]);
  const rng = createRng(itemSeed(seed, id));
  while (orders.length <= wanted) {
    const order = [...identity];
    for (let i = count - 1; i > 0; i--) {
      const j = rng.nextInt(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const key = order.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    orders.push(order);
  }
  return orders;
}
