import { GENERATION_METRICS, metricSpec } from '@assay/runner';
import { JUDGE_KAPPA_METRIC, JUDGE_SCORE_METRIC } from '../judges/judge-config-checks.js';
import { ASSERTION_SCORERS } from './generation-schema.js';
import { arr, obj } from './loose-read.js';
import type { Threshold } from './thresholds.js';

/** The values a metric can take: `[lowest, highest]`, infinite where unbounded. */
export type MetricRange = readonly [low: number, high: number];

const SHARE: MetricRange = [0, 1];
const CORRELATION: MetricRange = [-1, 1];
const PERCENT: MetricRange = [0, 100];
const NON_NEGATIVE: MetricRange = [0, Number.POSITIVE_INFINITY];
const AT_MOST_ONE: MetricRange = [Number.NEGATIVE_INFINITY, 1];

/** Task metrics by the range of their values (scikit-learn's and sacrebleu's definitions). */
const RANGES: Readonly<Record<string, MetricRange>> = {
  matthews_corrcoef: CORRELATION,
  cohen_kappa: CORRELATION,
  // −1/(K − 1) at worst, so never below −1
  adjusted_balanced_accuracy: CORRELATION,
  [JUDGE_KAPPA_METRIC]: CORRELATION,
  r2: AT_MOST_ONE,
  explained_variance: AT_MOST_ONE,
  // sacrebleu's scale
  bleu: PERCENT,
  chrf: PERCENT,
  chrf_pp: PERCENT,
  ter: NON_NEGATIVE,
  log_loss: NON_NEGATIVE,
  mae: NON_NEGATIVE,
  mse: NON_NEGATIVE,
  rmse: NON_NEGATIVE,
  mape: NON_NEGATIVE,
  max_error: NON_NEGATIVE,
  median_absolute_error: NON_NEGATIVE,
  requests_per_s: NON_NEGATIVE,
  output_tokens_per_s: NON_NEGATIVE,
  decode_tokens_per_s: NON_NEGATIVE,
  total_cost_usd: NON_NEGATIVE,
  cost_per_correct_usd: NON_NEGATIVE,
};

/** Shares, rates and scores in [0, 1] other than the classification registry's. */
const OTHER_SHARES = new Set<string>([
  ...GENERATION_METRICS.filter((m) => !(m in RANGES)),
  ...ASSERTION_SCORERS,
  'error_rate',
  'unparseable_rate',
  'position_bias_rate',
  JUDGE_SCORE_METRIC,
]);

/** Classification metrics in [0, 1]: shares, F-scores, areas, the Brier score. */
const CLASSIFICATION_SHARE =
  /^(accuracy|balanced_accuracy|top_k_accuracy|average_precision|brier_score|false_positive_rate|(f1|precision|recall|jaccard)(_macro|_micro|_weighted)?|roc_auc(_ovr|_ovo)?(_weighted)?)$/;

/**
 * The range of a metric's values, or undefined for a name without a known one.
 *
 * @param name - a task metric or its alias, a generation, judge or service metric (a renamed
 *   generation scorer is looked up by the caller)
 * @returns `[low, high]`
 * @example
 * metricRange('accuracy'); // [0, 1]
 * metricRange('p95_latency_ms'); // [0, Infinity]
 */
export function metricRange(name: string): MetricRange | undefined {
  // an alias (`mean_absolute_error`, `brier_score_loss`) has its metric's range
  const metric = metricSpec(name)?.name ?? name;
  if (Object.hasOwn(RANGES, metric)) return RANGES[metric];
  if (CLASSIFICATION_SHARE.test(metric) || OTHER_SHARES.has(metric)) return SHARE;
  if (/^p\d+_(latency|ttft|tpot)_ms$/.test(metric)) return NON_NEGATIVE;
  return undefined;
}

/** The metric a generation scorer's own name stands for (`name: strict` of `exact_match`). */
function scorerMetric(name: string, input: unknown): string {
  const scorer = arr(obj(obj(input).task).scorers)
    .map(obj)
    .find((s) => s.name === name);
  return typeof scorer?.metric === 'string' ? scorer.metric : name;
}

/** Whether `value op v` holds for some value in `[low, high]`. */
function passable(op: Threshold['op'], v: number, [low, high]: MetricRange): boolean {
  switch (op) {
    case '>=':
      return v <= high;
    case '>':
      return v < high;
    case '<=':
      return v >= low;
    case '<':
      return v > low;
    default:
      return v >= low && v <= high;
  }
}

/** "lies between 0 and 1", "is never below 0", "is never above 1". */
function rangeText([low, high]: MetricRange): string {
  if (high === Number.POSITIVE_INFINITY) return `is never below ${low}`;
  if (low === Number.NEGATIVE_INFINITY) return `is never above ${high}`;
  return `lies between ${low} and ${high}`;
}

/**
 * Why a threshold can never pass, whatever the service answers, because its number lies outside
 * the values the figure can take: `accuracy >= 90` (a percentage for a share in [0, 1]),
 * `error_rate < 0`, `f1_macro > 1`, `accuracy vs baseline >= 2`. Without this check a run sent
 * every request and only then failed the threshold. Interval ends lie in the metric's range too.
 *
 * @param t - the parsed threshold
 * @param input - the raw configuration (for renamed generation scorers)
 * @returns the problem, naming the expression, or undefined when some value could pass
 * @example
 * thresholdRangeProblem(parseThreshold('accuracy >= 90').threshold, {});
 * // "'accuracy >= 90': accuracy lies between 0 and 1, so it is never >= 90 and the threshold would fail …; write a share as a fraction: accuracy >= 0.9"
 */
export function thresholdRangeProblem(t: Threshold, input: unknown): string | undefined {
  const metric = scorerMetric(t.metric, input);
  const range = metricRange(metric);
  if (range === undefined) return undefined;
  const name = metric === t.metric ? t.metric : `${t.metric} (${metric})`;
  const [low, high] = range;
  const vs = t.against === 'baseline';
  // a difference from the baseline spans the range's width either way
  const allowed: MetricRange = vs ? [low - high, high - low] : range;
  if (passable(t.op, t.value, allowed)) return undefined;
  const never = vs
    ? `${name} ${rangeText(range)}, so its difference from the baseline ${rangeText(allowed)}`
    : `${name} ${rangeText(range)}`;
  // 57.7 / 100 is 0.5770000000000001 in binary: 12 digits say what was meant
  const fraction = Number((t.value / 100).toPrecision(12));
  const shareAsPercent =
    high === 1 && low >= 0 && !vs && t.value > 1 && passable(t.op, fraction, range);
  const bound = t.bound === undefined ? '' : `.${t.bound}`;
  const instead = shareAsPercent
    ? `write a share as a fraction: ${t.metric}${bound} ${t.op} ${fraction}`
    : 'set a number the figure can reach';
  return `'${t.source}': ${never}, so it is never ${t.op} ${t.value} and the threshold would fail after every request was paid for; ${instead}`;
}
