import type { DatasetItem } from '../datasets/dataset-item.js';

/**
 * Picks few-shot examples from a fold's training items, stratified by label
 * (round-robin over labels in sorted order, each label's items shuffled with
 * the seeded generator), so a 4-shot binary prompt shows two of each.
 *
 * @param train - the fold's training items
 * @param count - number of examples (0 → none)
 * @param rng - uniform [0, 1) generator, seeded per fold for reproducibility
 * @returns up to `count` distinct items
 * @example
 * const rng = createRng(1);
 * pickFewShot(items, 4, () => rng.nextFloat()).length; // 4
 */
export function pickFewShot(
  train: readonly DatasetItem[],
  count: number,
  rng: () => number,
): DatasetItem[] {
  if (count <= 0 || train.length === 0) return [];
  const byLabel = new Map<string, DatasetItem[]>();
  for (const item of train) {
    const key = item.label ?? '';
    let list = byLabel.get(key);
    if (!list) byLabel.set(key, (list = []));
    list.push(item);
  }
  const pools = [...byLabel.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, list]) => {
      const pool = [...list];
      for (let i = pool.length - 1; i > 0; i--) {
        const j = Math.floor(rng() * (i + 1));
        [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      }
      return pool;
    });
  const out: DatasetItem[] = [];
  for (let round = 0; out.length < count; round++) {
    let added = false;
    for (const pool of pools) {
      if (out.length >= count) break;
      const item = pool[round];
      if (item) {
        out.push(item);
        added = true;
      }
    }
    if (!added) break;
  }
  // Interleave deterministically but not label-blocked: shuffle the picked order.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
