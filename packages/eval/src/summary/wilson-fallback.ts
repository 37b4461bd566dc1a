import type { MetricSummary } from '@assay/report';
import { wilsonOfDegenerate } from '@assay/runner';
import type { ScoringPass } from '../tasks/task-module.js';
import { itemsRepeat, proportionCount } from './proportion-count.js';
import { zeroWidth } from './zero-width.js';

/**
 * Replaces a zero-width bootstrap interval of a proportion metric by the Wilson score
 * interval of its count, and says so in `ciMethod: 'wilson'`.
 *
 * @remarks
 * The interval is `@assay/runner`'s `wilsonOfDegenerate` (the one `assay score` uses; formula
 * and source there): 5 of 5 right gives `[0.566, 1]` at 95% where the bootstrap gave `[1, 1]`.
 * The summary is left as it is when the interval has width or lies off the value, the metric is no share of a
 * count (see `proportionCount`), the rows carry weights, an item has several rows (repeated
 * cross-validation, choice orders: the rows are not independent trials), or the count does
 * not give the pooled value (a guard against a metric defined otherwise than counted here).
 * @param summary - the metric's summary (from the runner's report)
 * @param metric - the runner's (canonical) metric name
 * @param pass - the pass that scored it
 * @param ci - the confidence level (`evaluation.ci`)
 * @returns the summary with the Wilson interval, or `summary` itself
 * @example
 * withWilsonFallback(summary, 'accuracy', pass, 0.95); // { ...summary, ciLow: 0.5655, ciHigh: 1, ciMethod: 'wilson' }
 */
export function withWilsonFallback(
  summary: MetricSummary,
  metric: string,
  pass: ScoringPass,
  ci: number,
): MetricSummary {
  if (!zeroWidth(summary) || summary.value === null || itemsRepeat(pass)) return summary;
  const count = proportionCount(metric, pass);
  const interval = wilsonOfDegenerate(summary.value, summary.ciLow!, summary.ciHigh!, count, ci);
  return interval === null
    ? summary
    : { ...summary, ciLow: interval[0], ciHigh: interval[1], ciMethod: 'wilson' };
}
