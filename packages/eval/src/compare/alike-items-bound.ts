import { alikeBoundNote, type ModelComparison } from '@assay/report';
import { ZERO_ONE_SCORERS } from '../config/generation-schema.js';
import type { MetricComparison } from './compare-result.js';

/** The figures of a compared metric that its interval bound reads and sets. */
type Bounded = Pick<
  MetricComparison,
  'metric' | 'difference' | 'ciLow' | 'ciHigh' | 'interval' | 'itemsAlike'
>;

/**
 * Metrics that are the mean of a 0/1 outcome over the scored items: between two runs, their
 * difference is at most the share of items on which the outcomes differ. A generation task
 * passes its own names (a renamed `exact_match` by its name).
 */
export const ITEM_SHARES: ReadonlySet<string> = new Set(['accuracy', ...ZERO_ONE_SCORERS]);

/**
 * The exact (Clopper-Pearson) upper end of a share of which 0 of `n` trials were seen, at a
 * two-sided level: 1 − ((1 − ci) / 2)^(1/n).
 *
 * @remarks
 * The bound d for which 0 of n has probability (1 − d)^n = (1 − ci) / 2 (Clopper and Pearson
 * 1934), equal to scipy's `beta.ppf(1 − (1 − ci) / 2, 1, n)` and statsmodels'
 * `proportion_confint(0, n, method='beta')`. Wilson's upper end at 0, z²/(n + z²), covers less
 * than it claims below about 45 trials at 95% (0.555^5 = 5.3% where 2.5% is due at n = 5).
 * @param n - the trials, at least 1
 * @param ci - the two-sided confidence level in (0, 1)
 * @returns the upper end
 * @example
 * noneSeenUpper(50, 0.95); // 0.07112173646419762
 */
export function noneSeenUpper(n: number, ci: number): number {
  return 1 - ((1 - ci) / 2) ** (1 / n);
}

/**
 * The fewest trials, none seen, whose exact upper end ({@link noneSeenUpper}) is at most
 * `limit` (below it, for `strict`).
 *
 * @param limit - the bound on the upper end
 * @param ci - the two-sided confidence level
 * @param strict - the end must lie below `limit`, not at it
 * @returns the count, or null when no count reaches it (`limit` at or below 0)
 * @example
 * noneSeenTrialsNeeded(0.01, 0.95); // 368
 */
export function noneSeenTrialsNeeded(limit: number, ci: number, strict = false): number | null {
  if (limit <= 0) return null;
  if (limit >= 1) return 1;
  const meets = (n: number) =>
    strict ? noneSeenUpper(n, ci) < limit : noneSeenUpper(n, ci) <= limit;
  // the closed form, then a step either way against the bound itself (rounding)
  let n = Math.max(1, Math.ceil(Math.log((1 - ci) / 2) / Math.log(1 - limit)));
  while (n > 1 && meets(n - 1)) n--;
  while (!meets(n)) n++;
  return n;
}

/**
 * The interval of a share's difference when no paired item differs: ± the exact upper end of
 * the share of items the two runs answer differently, 0 of `items` seen.
 *
 * @remarks
 * When every paired item got the same outcome in both runs, every bootstrap resample gives a
 * difference of 0 and the percentile interval is [0, 0]: it reads as proof that the runs are
 * equal, and it passed any non-inferiority margin (`accuracy vs baseline >= -0.01`, `assay
 * compare --margin 0.01`) on five items. The difference of a mean of 0/1 outcomes, with the
 * same number of outcomes per item on both sides, is at most the share d of items on which
 * the outcomes differ, and with 0 of n such items seen, d lies below the exact upper end
 * ({@link noneSeenUpper}) at the run's level, whose one-sided error is (1 − ci) / 2, as that of
 * the interval end a gate reads. So [−u, u] is a conservative interval: 50 items alike give
 * ±0.0711 at 95%, and a margin of 0.01 needs 368 items alike. Items with several rows (repeated
 * folds, samples, choice orders) count once, and differ when any of their rows does. Other
 * metrics (F1, AUC, BLEU) have no such bound and keep [0, 0], which the comparison's notes and
 * a threshold's caveat name.
 * @param m - a compared metric
 * @param alike - the paired items, and how many of them got another outcome in one run
 * @param ci - the confidence level
 * @param shares - the names of the metrics that are such shares (default {@link ITEM_SHARES})
 * @returns the metric with that interval (`interval: 'clopper-pearson'`, `itemsAlike`), or
 *   unchanged when it is no share, or an item differs, or its interval has width
 * @example
 * const m = { metric: 'accuracy', greaterIsBetter: true, baseline: 1, candidate: 1, difference: 0, ciLow: 0, ciHigh: 0, interval: 'percentile', test: 'mcnemar', pValue: 1 };
 * alikeItemsBound(m, { items: 50, differing: 0 }, 0.95).ciLow; // -0.07112173646419762
 */
export function alikeItemsBound<M extends Bounded>(
  m: M,
  alike: { readonly items: number; readonly differing: number },
  ci: number,
  shares: ReadonlySet<string> = ITEM_SHARES,
): M {
  if (!shares.has(m.metric) || alike.differing !== 0 || alike.items < 1) return m;
  if (m.difference !== 0 || m.ciLow !== 0 || m.ciHigh !== 0) return m;
  const high = noneSeenUpper(alike.items, ci);
  return {
    ...m,
    ciLow: -high,
    ciHigh: high,
    interval: 'clopper-pearson',
    itemsAlike: alike.items,
  } as M;
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
 * The note on metrics whose interval is the bound of items answered alike
 * ({@link alikeItemsBound}): why the interval is not the bootstrap's.
 *
 * @param metrics - the compared metrics
 * @param ci - the confidence level
 * @returns one note per such metric
 * @example
 * alikeItemsNotes([{ metric: 'accuracy', interval: 'clopper-pearson', itemsAlike: 50, ciHigh: 0.0711 }], 0.95);
 * // ['Clopper-Pearson bound for accuracy: none of the 50 paired items was answered differently, …']
 */
export function alikeItemsNotes(
  metrics: readonly Pick<MetricComparison, 'metric' | 'interval' | 'itemsAlike' | 'ciHigh'>[],
  ci: number,
): string[] {
  return metrics.flatMap((m) =>
    m.interval === 'clopper-pearson' && m.itemsAlike !== undefined && m.ciHigh !== null
      ? [alikeBoundNote(m.metric, m.itemsAlike, m.ciHigh, ci, 'runs')]
      : [],
  );
}

/**
 * {@link alikeItemsBound} for a model-vs-model comparison of one run (`results.json`'s
 * `comparisons`): a share no paired item differs on gets ± the exact bound, marked
 * `interval: 'clopper-pearson'` with `itemsAlike`.
 *
 * @param metric - the metric's name
 * @param entry - the comparison's figures of that metric
 * @param alike - the paired items, and how many of them got another outcome from either model
 * @param ci - the confidence level
 * @param shares - the names of the metrics that are such shares (default {@link ITEM_SHARES})
 * @returns the entry, bounded where the bound applies
 * @example
 * const entry = { difference: 0, ciLow: 0, ciHigh: 0, pValue: 1, pHolm: null };
 * alikeComparisonEntry('accuracy', entry, { items: 50, differing: 0 }, 0.95).ciHigh; // 0.07112173646419762
 */
export function alikeComparisonEntry(
  metric: string,
  entry: ModelComparison['metrics'][string],
  alike: { readonly items: number; readonly differing: number },
  ci: number,
  shares: ReadonlySet<string> = ITEM_SHARES,
): ModelComparison['metrics'][string] {
  const { difference, ciLow, ciHigh } = entry;
  const bounded = alikeItemsBound(
    { metric, difference, ciLow, ciHigh, interval: null },
    alike,
    ci,
    shares,
  );
  if (bounded.interval !== 'clopper-pearson') return entry;
  return {
    ...entry,
    ciLow: bounded.ciLow,
    ciHigh: bounded.ciHigh,
    interval: 'clopper-pearson',
    itemsAlike: alike.items,
  };
}
