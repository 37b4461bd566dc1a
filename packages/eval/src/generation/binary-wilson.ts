import type { MetricSummary } from '@assay/report';
import { wilsonOfDegenerate } from '@assay/runner';
import { ZERO_ONE_SCORERS } from '../config/generation-schema.js';
import { itemCountAtEnds } from '../summary/item-count.js';
import { zeroWidth } from '../summary/zero-width.js';
import type { GenerationUnits } from './sample-units.js';

/**
 * Replaces the zero-width bootstrap interval of a 0/1 generation scorer (every answer right,
 * or none) by the Wilson score interval of its count over the units, marked
 * `ciMethod: 'wilson'`, as `assay run` does for accuracy.
 *
 * @remarks
 * Only for `exact_match` and the assertions (`includes`, `pattern`, `json_valid`,
 * `json_schema`, `numeric_match`), when every unit's value is 0 or 1. Where units share an
 * item (several samples of an item under reducer `mean`, an item in several folds: no
 * independent trials), the count is of items, every unit right meaning every item right in
 * all its units: a conservative bound. The interval is
 * `@assay/runner`'s `wilsonOfDegenerate` (Wilson, 1927): 40 of 40 right gives about
 * `[0.912, 1]` at 95% where the bootstrap gave `[1, 1]`.
 *
 * @param summary - the scorer's summary
 * @param metric - the scorer's metric
 * @param values - the scorer's value per unit (NaN where undefined)
 * @param units - the units (their clusters)
 * @param ci - the confidence level
 * @returns the summary with the Wilson interval, or `summary` itself
 * @example
 * const values = Float64Array.of(1, 1, 1, 1);
 * const summary = meanSummary(values, Int32Array.of(0, 0, 0, 0), Int32Array.of(0, 1, 2, 3), { folds: 1, bootstrap: 200, ci: 0.95, seed: 0 });
 * const units = { units: [0, 1, 2, 3].map((cluster) => ({ cluster })) };
 * binaryWilson(summary, 'exact_match', values, units, 0.95).ciMethod; // 'wilson'
 */
export function binaryWilson(
  summary: MetricSummary,
  metric: string,
  values: Float64Array | undefined,
  units: GenerationUnits,
  ci: number,
): MetricSummary {
  if (!ZERO_ONE_SCORERS.has(metric) || values === undefined || summary.value === null)
    return summary;
  if (!zeroWidth(summary)) return summary;
  const items = new Set<number>();
  let successes = 0;
  let trials = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    if (v !== 0 && v !== 1) return summary;
    items.add(units.units[i]!.cluster);
    successes += v;
    trials++;
  }
  // an item with several units (samples, folds): every unit right (wrong) makes every item
  // right (wrong) in all of them, and the items are the independent trials
  const count =
    items.size === trials ? { successes, trials } : itemCountAtEnds(successes, trials, items.size);
  const interval = wilsonOfDegenerate(summary.value, summary.ciLow!, summary.ciHigh!, count, ci);
  return interval === null
    ? summary
    : { ...summary, ciLow: interval[0], ciHigh: interval[1], ciMethod: 'wilson' };
}
