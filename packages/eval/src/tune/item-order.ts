import { createRng } from '@assay/splitters';
import type { DatasetItem } from '../datasets/dataset-item.js';

/**
 * A seeded order of the items, stratified by label, in which every prefix holds each label in
 * about its share of the whole (the next item comes from the label furthest behind its share).
 *
 * @remarks
 * Successive halving grows its rungs along this order, so a larger rung contains every item
 * of a smaller one: the answers already paid for are reused (the response cache answers them),
 * and every rung is a fair sample.
 * @param items - the loaded items
 * @param seed - the shuffle's seed
 * @returns the same items, reordered
 * @example
 * stratifiedOrder(items, 0).length; // 40
 */
export function stratifiedOrder(items: readonly DatasetItem[], seed: number): DatasetItem[] {
  const rng = createRng(seed >>> 0);
  const byLabel = new Map<string, DatasetItem[]>();
  for (const it of items) {
    const key = it.label ?? '';
    const list = byLabel.get(key) ?? [];
    list.push(it);
    byLabel.set(key, list);
  }
  const strata = [...byLabel.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, list]) => {
      for (let j = list.length - 1; j > 0; j--) {
        const r = Math.floor(rng.nextFloat() * (j + 1));
        [list[j], list[r]] = [list[r]!, list[j]!];
      }
      return list;
    });
  const taken = strata.map(() => 0);
  const out: DatasetItem[] = [];
  for (let k = 1; k <= items.length; k++) {
    let best = -1;
    let deficit = Number.NEGATIVE_INFINITY;
    strata.forEach((list, s) => {
      if (taken[s]! >= list.length) return;
      const d = (k * list.length) / items.length - taken[s]!;
      if (d > deficit) {
        deficit = d;
        best = s;
      }
    });
    out.push(strata[best]![taken[best]!++]!);
  }
  return out;
}
