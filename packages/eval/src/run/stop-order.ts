import { createRng, shuffleInPlace } from '@assay/splitters';
import type { DatasetItem } from '../datasets/dataset-item.js';
import type { FoldSplit } from './plan.js';

/**
 * The order in which a run with `evaluation.stop` sends its items: a seeded random order,
 * stratified by label, so every prefix is a fair sample of the tested items.
 *
 * @remarks
 * The unit is the item, not the fold: an item's requests in every fold and repeat it is tested
 * in (and every sample and prompt variant) are sent together, so with cross-validation each
 * fold's test part becomes a seeded, label-stratified subsample of its full test part. Only
 * items some fold tests are ordered (a holdout's training part is never sent).
 * Each label's items are shuffled (the project's xoshiro128** generator seeded with
 * `evaluation.seed`), the `r`-th of a label with `n_c` items gets the key `(r + 1/2)/n_c`, and
 * items are sent by key (ties in label order): every prefix holds each label within one item
 * of its share. Without labels (`stratify` false) the order is a plain seeded shuffle.
 *
 * @param items - the data set
 * @param splits - the run's folds
 * @param seed - `evaluation.seed`
 * @param stratify - whether labels are classes (the task's `stratify`)
 * @returns item indices, each tested item once
 * @example
 * const splits = splitItems(items, config.evaluation, true);
 * stopOrder(items, splits, 0, true).length; // 40: the items in the order to send them
 */
export function stopOrder(
  items: readonly DatasetItem[],
  splits: readonly FoldSplit[],
  seed: number,
  stratify: boolean,
): number[] {
  const tested = new Set<number>();
  for (const split of splits) for (const i of split.test) tested.add(i);
  const byLabel = new Map<string, number[]>();
  for (const i of [...tested].sort((a, b) => a - b)) {
    const label = stratify ? (items[i]!.label ?? '') : '';
    const group = byLabel.get(label);
    if (group) group.push(i);
    else byLabel.set(label, [i]);
  }
  // offset from the split's seed, so the order is not the splitter's shuffle again
  const rng = createRng((seed + 0x9e3779b9) >>> 0);
  const keyed: { item: number; key: number; label: number }[] = [];
  [...byLabel.keys()].sort().forEach((label, l) => {
    const group = shuffleInPlace(byLabel.get(label)!, rng);
    group.forEach((item, r) => {
      keyed.push({ item, key: (r + 0.5) / group.length, label: l });
    });
  });
  keyed.sort((a, b) => a.key - b.key || a.label - b.label);
  return keyed.map((k) => k.item);
}
