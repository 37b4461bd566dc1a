import { JUDGE_KAPPA_METRIC, JUDGE_SCORE_METRIC } from '../judges/judge-config-checks.js';
import { obj } from './loose-read.js';
import { SERVICE_METRICS, type ServiceMetricName } from './metric-names.js';
import type { Threshold } from './thresholds.js';

/**
 * Service metrics whose value is one measurement of the whole run (a rate over its wall
 * time, a sum of costs), so they have no confidence interval for `.ci_low` / `.ci_high`.
 */
const NO_INTERVAL: Readonly<Partial<Record<ServiceMetricName, string>>> = {
  requests_per_s: 'a rate over the wall time of the run is one measurement, not a sample mean',
  output_tokens_per_s: 'a rate over the wall time of the run is one measurement, not a sample mean',
  decode_tokens_per_s: 'a ratio of sums over the run has no interval in assay',
  total_cost_usd: 'a total is no estimate of anything, so it has no interval',
  cost_per_correct_usd: 'a ratio of sums over the run has no interval in assay',
};

/**
 * Service figures whose interval needs no bootstrap: the rates' Wilson score interval, and
 * the latency, TTFT and TPOT percentiles' order-statistic interval.
 */
const CLOSED_FORM = /^(error_rate|unparseable_rate|p\d+_(latency|ttft|tpot)_ms)$/;

/**
 * Why a well-formed threshold cannot be checked with this configuration: an interval bound
 * on a metric without an interval, a `vs baseline` comparison without a `baseline` key, or
 * one of a judge metric (no grades paired item by item) or a service metric (latency, rates, cost: measured per run, never paired item by item,
 * so it has no difference to check; refused here rather than failing the run after every
 * request was paid for).
 *
 * @param t - the parsed threshold
 * @param input - the raw configuration (any shape: read defensively)
 * @returns the problem, naming the expression, or undefined when the threshold can be checked
 * @example
 * const { threshold } = parseThreshold('f1_macro.ci_low >= 0.9');
 * thresholdFormProblem(threshold, { evaluation: { bootstrap: 0 } });
 * // "'f1_macro.ci_low >= 0.9': f1_macro has no interval because evaluation.bootstrap is 0; …"
 */
export function thresholdFormProblem(t: Threshold, input: unknown): string | undefined {
  const c = obj(input);
  if (t.against === 'baseline' && (typeof c.baseline !== 'string' || c.baseline === '')) {
    return `'${t.source}': a 'vs baseline' threshold needs the 'baseline' key (the output directory or results.json of the run to compare with)`;
  }
  if (t.against === 'baseline' && (SERVICE_METRICS as readonly string[]).includes(t.metric)) {
    return `'${t.source}': ${t.metric} is a service figure of the whole run, with no item-by-item difference from the baseline to check; gate it on its own ('${t.metric} ${t.op} <number>') or set the runs side by side with assay compare`;
  }
  if (
    t.against === 'baseline' &&
    (t.metric === JUDGE_SCORE_METRIC || t.metric === JUDGE_KAPPA_METRIC)
  ) {
    return `'${t.source}': ${t.metric} is the judge's figure of the whole run, and assay compare pairs no judge grades item by item, so it has no difference from the baseline to check; gate it on its own ('${t.metric} ${t.op} <number>')`;
  }
  if (t.bound === undefined || t.against !== undefined) return undefined;
  const reason = NO_INTERVAL[t.metric as ServiceMetricName];
  if (reason !== undefined) {
    return `'${t.source}': ${t.metric} has no interval (${reason}); compare its value instead, e.g. '${t.metric} ${t.op} ${t.value}'`;
  }
  const bootstrap = obj(c.evaluation).bootstrap;
  if (bootstrap === 0 && !CLOSED_FORM.test(t.metric)) {
    return `'${t.source}': ${t.metric} has no interval because evaluation.bootstrap is 0; set evaluation.bootstrap (e.g. 1000) or compare the value`;
  }
  return undefined;
}
