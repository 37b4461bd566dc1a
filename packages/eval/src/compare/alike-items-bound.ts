import { fmt } from '@assay/report';
import { wilsonInterval } from '@assay/stats';
import { ZERO_ONE_SCORERS } from '../config/generation-schema.js';
import type { MetricComparison } from './compare-result.js';

/** The figures of a compared metric that its interval bound reads and sets. */
type Bounded = Pick<
  MetricComparison,
  'metric' | 'difference' | 'ciLow' | 'ciHigh' | 'interval' | 'itemsAlike'
>;

/**
 * Metrics that are the mean of a 0/1 outcome over the scored items: between two runs, their
 * difference is at most the share of items on which the outcomes differ.
 */
const ITEM_SHARES: ReadonlySet<string> = new Set(['accuracy', ...ZERO_ONE_SCORERS]);

/**
 * The interval of a share's difference when no paired item differs: ± the Wilson upper end of
 * the share of items the two runs answer differently, 0 of `items` seen.
 *
 * @remarks
 * When every paired item got the same outcome in both runs, every bootstrap resample gives a
 * difference of 0 and the percentile interval is [0, 0]: it reads as proof that the runs are
 * equal, and it passed any non-inferiority margin (`accuracy vs baseline >= -0.01`, `assay
 * compare --margin 0.01`) on five items. The difference of a mean of 0/1 outcomes is, in the
 * population, at most the share d of items on which the outcomes differ, and with 0 of n such
 * items seen d lies below the Wilson upper end z²/(n + z²) (Wilson 1927; `wilsonInterval`,
 * equal to statsmodels' `proportion_confint(0, n, method='wilson')`). So [−u, u] is a
 * conservative interval at the same level: 50 items alike give ±0.0713 at 95%, and a margin of
 * 0.01 needs 381 items alike. Items with several rows (repeated folds, samples, choice orders)
 * count once, and differ when any of their rows does. Other metrics (F1, AUC, BLEU) have no
 * such bound and keep [0, 0], which the comparison's notes and a threshold's caveat name.
 * @param m - a compared metric
 * @param alike - the paired items, and how many of them got another outcome in one run
 * @param ci - the confidence level
 * @returns the metric with that interval (`interval: 'wilson'`, `itemsAlike`), or unchanged
 *   when it is no share, or an item differs, or its interval has width
 * @example
 * const m = { metric: 'accuracy', greaterIsBetter: true, baseline: 1, candidate: 1, difference: 0, ciLow: 0, ciHigh: 0, interval: 'percentile', test: 'mcnemar', pValue: 1 };
 * alikeItemsBound(m, { items: 50, differing: 0 }, 0.95).ciLow; // -0.0713475991333587
 */
export function alikeItemsBound<M extends Bounded>(
  m: M,
  alike: { readonly items: number; readonly differing: number },
  ci: number,
): M {
  if (!ITEM_SHARES.has(m.metric) || alike.differing !== 0 || alike.items < 1) return m;
  if (m.difference !== 0 || m.ciLow !== 0 || m.ciHigh !== 0) return m;
  const high = wilsonInterval(0, alike.items, ci)![1];
  return { ...m, ciLow: -high, ciHigh: high, interval: 'wilson', itemsAlike: alike.items } as M;
}

/**
 * The paired items, and how many of them got another 0/1 outcome in one run than in the other
 * (any of an item's rows).
 *
 * @param ids - each paired row's item id
 * @param differs - whether that row's outcomes differ
 * @returns the counts
 * @example
 * itemsDiffering(['a', 'a', 'b'], [false, true, false]); // { items: 2, differing: 1 }
 */
export function itemsDiffering(
  ids: readonly string[],
  differs: readonly boolean[],
): { items: number; differing: number } {
  const differing = new Set<string>();
  ids.forEach((id, i) => {
    if (differs[i]) differing.add(id);
  });
  return { items: new Set(ids).size, differing: differing.size };
}

/**
 * The note on metrics whose interval is the Wilson bound of items answered alike
 * ({@link alikeItemsBound}): why the interval is not the bootstrap's.
 *
 * @param metrics - the compared metrics
 * @param ci - the confidence level
 * @returns one note per such metric
 * @example
 * alikeItemsNotes([{ metric: 'accuracy', interval: 'wilson', itemsAlike: 50, ciHigh: 0.0713475991333587 }], 0.95);
 * // ['Wilson bound for accuracy: none of the 50 paired items was answered differently, …']
 */
export function alikeItemsNotes(
  metrics: readonly Pick<MetricComparison, 'metric' | 'interval' | 'itemsAlike' | 'ciHigh'>[],
  ci: number,
): string[] {
  return metrics.flatMap((m) =>
    m.interval === 'wilson' && m.itemsAlike !== undefined && m.ciHigh !== null
      ? [
          `Wilson bound for ${m.metric}: none of the ${m.itemsAlike} paired items was answered differently, so every resample's difference is 0; the interval is ±${fmt(m.ciHigh, 4)}, the ${+(ci * 100).toPrecision(6)}% Wilson upper end of the share of items the runs answer differently (0 of ${m.itemsAlike}), which bounds the difference`,
        ]
      : [],
  );
}
