import type { MetricSummary } from '@assay/report';
import { type ProportionCount, wilsonOfDegenerate } from '@assay/runner';
import type { ScoringPass } from '../tasks/task-module.js';
import { itemCountAtEnds } from './item-count.js';
import { itemsRepeat, proportionCount, proportionItems } from './proportion-count.js';
import { zeroWidth } from './zero-width.js';

/**
 * Where an item has several rows (repeated folds, choice orders) and every counted row is
 * right, or every one wrong, the count of items among the counted rows (every item for
 * accuracy, the actual positives for recall, the predicted positives for precision, the
 * actual negatives for the false-positive rate): each is then right (wrong) in all its rows,
 * and the items are the independent trials. The Wilson interval of that count bounds the
 * share of items right in every row, which the metric is at least (at most, at 0): a
 * conservative interval, where the rows' count would be too narrow.
 */
function itemCount(
  metric: string,
  rows: ProportionCount | null,
  pass: ScoringPass,
): ProportionCount | null {
  if (rows === null) return null;
  const items = proportionItems(metric, pass);
  return items === null ? null : itemCountAtEnds(rows.successes, rows.trials, items);
}

/** The task metric reported from `mae` of 0/1 flags against zeros (see `flagCount`). */
const FLAG_SHARE = 'position_bias_rate';

/**
 * The count behind a share of 0/1 flags that a task scores as the runner's `mae` against
 * zeros and reports under its own name: multiple choice's `position_bias_rate`, the compared
 * items (per fold) whose answer changed with the order of the choices. Successes are the
 * flags set, trials the rows; where an item has several rows (repeated folds), the items at
 * the ends, as for accuracy (see `itemCountAtEnds`). Null for any other pass, or a flag that is
 * not 0 or 1 (then no count gives the value).
 */
function flagCount(metric: string, pass: ScoringPass): ProportionCount | null {
  const input = pass.input;
  if (metric !== 'mae' || pass.task !== 'regression' || !pass.reportAs?.includes(FLAG_SHARE))
    return null;
  if (!('yTrue' in input) || ('weight' in input && input.weight !== undefined)) return null;
  const { yTrue, yPred } = input;
  if (!(yTrue instanceof Float64Array && yPred instanceof Float64Array)) return null;
  let successes = 0;
  for (let i = 0; i < yPred.length; i++) {
    const flag = yPred[i]!;
    if (yTrue[i] !== 0 || (flag !== 0 && flag !== 1)) return null;
    successes += flag;
  }
  return itemsRepeat(pass)
    ? itemCountAtEnds(successes, yPred.length, new Set(pass.clusterIds).size)
    : { successes, trials: yPred.length };
}

/**
 * Replaces a zero-width bootstrap interval of a proportion metric by the Wilson score
 * interval of its count, and says so in `ciMethod: 'wilson'`.
 *
 * @remarks
 * The interval is `@assay/runner`'s `wilsonOfDegenerate` (the one `assay score` uses; formula
 * and source there): 5 of 5 right gives `[0.566, 1]` at 95% where the bootstrap gave `[1, 1]`.
 * The summary is left as it is when the interval has width or lies off the value, the metric is no share of a
 * count (see `proportionCount`), the rows carry weights, or the count does not give the pooled
 * value (a guard against a metric defined otherwise than counted here). Where an item has
 * several rows (repeated cross-validation, choice orders: the rows are not independent
 * trials), it comes from the count of items among the counted rows (see `itemCount`): 40
 * items right in all their orders give `[0.912, 1]`, not the 160 rows' `[0.977, 1]`; 30
 * positive items found in every repeat give recall `[0.886, 1]`. Multiple choice's
 * `position_bias_rate` (scored as `mae` of 0/1 flags, see `flagCount`) counts its compared
 * items: none of 40 changing with the order gives `[0, 0.088]`, not `[0, 0]`.
 * @param summary - the metric's summary (from the runner's report)
 * @param metric - the runner's (canonical) metric name
 * @param pass - the pass that scored it
 * @param ci - the confidence level (`evaluation.ci`)
 * @returns the summary with the Wilson interval, or `summary` itself
 * @example
 * const rights = rows.filter((r) => r.outcome === 'correct');
 * const [pass] = taskFor(config.task).encode(rights, ['accuracy']);
 * const summary = { ...model.metrics.accuracy, value: 1, ciLow: 1, ciHigh: 1 };
 * withWilsonFallback(summary, 'accuracy', pass, 0.95); // { value: 1, ciLow: 0.90…, ciHigh: 1, ciMethod: 'wilson', … }
 */
export function withWilsonFallback(
  summary: MetricSummary,
  metric: string,
  pass: ScoringPass,
  ci: number,
): MetricSummary {
  if (!zeroWidth(summary) || summary.value === null) return summary;
  const rows = proportionCount(metric, pass);
  const count =
    flagCount(metric, pass) ?? (itemsRepeat(pass) ? itemCount(metric, rows, pass) : rows);
  const interval = wilsonOfDegenerate(summary.value, summary.ciLow!, summary.ciHigh!, count, ci);
  return interval === null
    ? summary
    : { ...summary, ciLow: interval[0], ciHigh: interval[1], ciMethod: 'wilson' };
}
