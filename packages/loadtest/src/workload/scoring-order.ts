import { createRng } from '@assay/splitters';

/**
 * The order in which a `--score` run asks a workload's items: one seeded shuffle that
 * interleaves the labels (stratified), so that every prefix of it holds each label in about its
 * share of the data set (within one item for two labels, within K − 1 for K).
 *
 * @remarks
 * Every step asks `order[0]`, `order[1]`, … from its first measured request on, so two steps'
 * first n measured requests ask the same n items (paired, where both sent n), and a step of
 * any length scores a sample of the whole data set. Asked in file order instead, every step
 * restarted at item 0 and the built-in SpamAssassin set's first 1,235 e-mails are all ham, so a
 * short step scored only ham and a long one reached the spam: per-step accuracy then depended
 * on how many requests the step sent, and read as quality dropping under load.
 *
 * Each label's items are shuffled (Fisher–Yates on the seeded generator), then placed at
 * fractional positions `(j + u) / n_label` (`u` drawn once per label) and merged by position.
 * Items without a label form a group of their own. With K groups, a prefix of length m holds
 * each group g within `1 + (K − 2) · p_g` items of its share `m · p_g` (`p_g = n_g / n`):
 * within one item for two groups, under K − 1 for more, and not within one with three or
 * more (sizes 1, 1, 5 can open with the two lone items, 1.43 short of the third's share).
 *
 * Why: a prefix is every item placed before some point t < 1 (and some at t, where each group
 * has at most one item), so it holds `c_h = t · n_h + e_h` of each group h with `e_h` in
 * `[-u_h, 1 - u_h]`, and `m = Σ c_h`. Then `c_g - m · p_g = (1 - p_g) · e_g - p_g · Σ_{h≠g} e_h`,
 * at most `(1 - p_g) + p_g · (K - 1)` in size.
 *
 * @param labels - each item's label (`undefined` when it has none), in workload order
 * @param seed - seed of the shuffle (the run's `--seed`)
 * @returns a permutation of `0 … labels.length - 1`
 * @example
 * ```ts
 * const order = scoringOrder(['ham', 'ham', 'ham', 'ham', 'spam', 'spam'], 1);
 * order.length; // 6
 * [...order].sort((a, b) => a - b).join(); // '0,1,2,3,4,5'
 * order.slice(0, 3).filter((i) => i >= 4).length; // 1 (a third of any prefix is spam)
 * ```
 */
export function scoringOrder(labels: readonly (string | undefined)[], seed: number): number[] {
  const rng = createRng(seed >>> 0);
  const groups = new Map<string | undefined, number[]>();
  labels.forEach((label, i) => {
    let group = groups.get(label);
    if (group === undefined) groups.set(label, (group = []));
    group.push(i);
  });
  const placed: { readonly at: number; readonly group: number; readonly item: number }[] = [];
  let g = 0;
  for (const items of groups.values()) {
    for (let j = items.length - 1; j > 0; j--) {
      const k = rng.nextInt(j + 1);
      [items[j], items[k]] = [items[k]!, items[j]!];
    }
    const u = rng.nextFloat();
    for (const [j, item] of items.entries())
      placed.push({ at: (j + u) / items.length, group: g, item });
    g++;
  }
  placed.sort((a, b) => a.at - b.at || a.group - b.group);
  return placed.map((p) => p.item);
}
