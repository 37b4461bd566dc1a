import type { DatasetItem } from './dataset-item.js';

/**
 * Draws a seeded sample of `limit` items, stratified by label (each label keeps
 * its share, largest remainders rounded up), preserving the original order.
 *
 * @param items - the full dataset
 * @param limit - sample size; the input is returned unchanged when `limit >= items.length`
 * @param rng - uniform [0, 1) generator (e.g. `() => rng.nextFloat()` of `createRng(seed)` from `@assay/splitters`)
 * @returns the sampled items in dataset order
 * @example
 * const rng = createRng(0);
 * stratifiedSample(items, 10, () => rng.nextFloat()).length; // 10
 */
export function stratifiedSample(
  items: readonly DatasetItem[],
  limit: number,
  rng: () => number,
): DatasetItem[] {
  if (limit >= items.length) return [...items];
  const byLabel = new Map<string, number[]>();
  items.forEach((item, i) => {
    const key = item.label ?? '';
    let list = byLabel.get(key);
    if (!list) byLabel.set(key, (list = []));
    list.push(i);
  });
  const strata = [...byLabel.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const exact = strata.map(([, idx]) => (idx.length * limit) / items.length);
  const take = exact.map(Math.floor);
  let left = limit - take.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, r: e - Math.floor(e) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    take[i]!++;
    left--;
  }
  const chosen: number[] = [];
  strata.forEach(([, idx], s) => {
    const pool = [...idx];
    // Partial Fisher–Yates: the first take[s] entries become a uniform sample.
    for (let j = 0; j < take[s]!; j++) {
      const r = j + Math.floor(rng() * (pool.length - j));
      [pool[j], pool[r]] = [pool[r]!, pool[j]!];
      chosen.push(pool[j]!);
    }
  });
  chosen.sort((a, b) => a - b);
  return chosen.map((i) => items[i]!);
}
