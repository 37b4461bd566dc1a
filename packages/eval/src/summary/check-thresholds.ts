import type { ModelResult, ThresholdResult } from '@assay/report';
import { parseThreshold, type Threshold, thresholdHolds } from '../config/thresholds.js';
import { JUDGE_KAPPA_METRIC, JUDGE_SCORE_METRIC } from '../judges/judge-config-checks.js';
import { finiteOrNull } from '../run/prediction-row.js';
import type { TaskModule } from '../tasks/task-module.js';
import type { BaselineDifferences } from './baseline-comparison.js';
import { baselineThresholdResult } from './baseline-threshold.js';
import type { FigureInterval } from './service-intervals.js';

const JUDGE_METRICS: readonly string[] = [JUDGE_SCORE_METRIC, JUDGE_KAPPA_METRIC];

function isScoreMetric(metric: string, task: TaskModule): boolean {
  return task.metricNames.includes(metric) || JUDGE_METRICS.includes(metric);
}

/**
 * The value a threshold reads: a task or judge metric's pooled value (every test prediction
 * together, the value its interval describes), or a service figure of the model.
 *
 * @param model - the model's results
 * @param scores - every task metric scored for the model (reported or named by a threshold)
 * @param metric - the threshold's metric
 * @param task - the task module
 * @returns the value (NaN when it cannot be computed)
 * @example
 * thresholdValue(model, model.metrics, 'accuracy', taskFor(config.task)); // 0.9
 */
export function thresholdValue(
  model: ModelResult,
  scores: ModelResult['metrics'],
  metric: string,
  task: TaskModule,
): number {
  // the pooled value: the figure the headline shows and its interval (`.ci_low`) describes; the
  // fold mean can lie outside that interval (folds of a file sorted by label)
  if (isScoreMetric(metric, task)) return scores[metric]?.value ?? Number.NaN;
  const s = model.service;
  const value: Record<string, number | null> = {
    error_rate: s.errorRate,
    unparseable_rate: model.items.total === 0 ? null : model.items.unparseable / model.items.total,
    p50_latency_ms: s.latencyMs.p50,
    p90_latency_ms: s.latencyMs.p90,
    p95_latency_ms: s.latencyMs.p95,
    p99_latency_ms: s.latencyMs.p99,
    p50_ttft_ms: s.ttftMs.p50,
    p95_ttft_ms: s.ttftMs.p95,
    p99_ttft_ms: s.ttftMs.p99,
    p50_tpot_ms: s.tpotMs.p50,
    p95_tpot_ms: s.tpotMs.p95,
    // throughput over the wall time of the sending (a resumed run's with its earlier runs');
    // decode speed is per request
    requests_per_s: s.throughput?.requestsPerSecond ?? null,
    output_tokens_per_s: s.throughput?.outputTokensPerSecond ?? null,
    decode_tokens_per_s: s.outputTokensPerSecond,
    total_cost_usd: s.costUsd,
    cost_per_correct_usd: s.costPerCorrectUsd,
  };
  return value[metric] ?? Number.NaN;
}

/**
 * The interval of a threshold's metric: a task or judge metric's interval of the pooled value
 * (bootstrap percentile, or Wilson where its summary's `ciMethod` says so), or a service
 * metric's interval from `service`.
 */
function intervalOf(
  t: Threshold,
  scores: ModelResult['metrics'],
  service: ReadonlyMap<string, FigureInterval> | undefined,
  task: TaskModule,
): FigureInterval | undefined {
  if (isScoreMetric(t.metric, task)) {
    const s = scores[t.metric];
    if (s === undefined) return undefined;
    const reason =
      s.ciLow === null || s.ciHigh === null
        ? (s.reason ?? `the bootstrap gave no interval for ${t.metric} (no defined replicate)`)
        : undefined;
    return {
      low: s.ciLow,
      high: s.ciHigh,
      method: s.ciMethod ?? 'bootstrap-percentile',
      ...(reason === undefined ? {} : { reason }),
    };
  }
  return service?.get(t.metric);
}

/**
 * Why a metric has no value. A TTFT or TPOT figure needs streamed answers: turning on
 * `streaming` over a finished run resumed every answer from the run that did not stream, and
 * the gate said only that it had no value.
 */
function noValueReason(metric: string, model: ModelResult): string {
  const timing = /_(ttft|tpot)_ms$/.exec(metric)?.[1];
  const s = model.service;
  const timed = timing === 'ttft' ? s.ttftMs.count : s.tpotMs.count;
  if (timing === undefined || s.answered === 0 || timed > 0) {
    return `${metric} has no value in this run`;
  }
  const needs =
    timing === 'ttft'
      ? 'an answer has one only when it was streamed'
      : 'an answer has one only when it was streamed with 2 or more output tokens';
  // answers from the response cache keep the timings of the run that filled it: --fresh
  // alone does not reach the service when the cache is a file of the config's own
  const cached = s.cachedAnswers ?? 0;
  // the cached answers this run resumed from the journal are among resumedFromJournal
  const resumedSent = s.resumedFromJournal - Math.max(0, cached - s.cachedThisRun);
  const sources = [
    ...(resumedSent > 0 ? [`${resumedSent} were resumed from the journal of an earlier run`] : []),
    ...(cached > 0 ? [`${cached} came from the response cache, filled by a run`] : []),
  ];
  const remedy =
    cached > 0
      ? 'run with --fresh and a `cache` file of its own (or delete the one it has) to measure it'
      : 'run with --fresh, or another --output, to measure it';
  const resumed =
    sources.length === 0 ? '' : `; ${sources.join(' and ')}, which did not measure it: ${remedy}`;
  return `${metric} has no value in this run: none of the ${s.answered} answers has a ${timing === 'ttft' ? 'time to first token' : 'time per output token'} (${needs}${resumed})`;
}

/** One threshold checked for one model (not a `vs baseline` one). */
function checkOne(
  t: Threshold,
  model: ModelResult,
  scores: ModelResult['metrics'],
  service: ReadonlyMap<string, FigureInterval> | undefined,
  task: TaskModule,
  anytime: FigureInterval | undefined,
): ThresholdResult {
  const value = thresholdValue(model, scores, t.metric, task);
  // after evaluation.stop the metric its rule followed has an anytime-valid interval; a
  // bootstrap on the items sent ignores that the sending stopped when the data looked decided
  const interval = anytime ?? intervalOf(t, scores, service, task);
  const result: ThresholdResult = {
    threshold: t.source,
    model: model.name,
    metric: t.metric,
    value: finiteOrNull(value),
    passed: false,
    bound: t.bound ?? 'value',
    op: t.op,
    limit: t.value,
    ciLow: interval?.low ?? null,
    ciHigh: interval?.high ?? null,
    ...(interval === undefined ? {} : { interval: interval.method }),
    ...(interval?.level === undefined ? {} : { level: interval.level }),
    outcome: 'error',
  };
  const figure =
    t.bound === 'ci_low'
      ? (interval?.low ?? Number.NaN)
      : t.bound === 'ci_high'
        ? (interval?.high ?? Number.NaN)
        : value;
  if (Number.isNaN(figure)) {
    result.reason = Number.isNaN(value)
      ? (scores[t.metric]?.reason ?? noValueReason(t.metric, model))
      : (interval?.reason ?? `${t.metric} has no interval in this run`);
    return result;
  }
  result.passed = thresholdHolds(t, figure);
  result.outcome = result.passed ? 'pass' : 'fail';
  return result;
}

/**
 * Checks every configured threshold against every model.
 *
 * @remarks A point threshold (`f1_macro >= 0.9`) reads the metric's pooled value; a
 * bound threshold (`f1_macro.ci_low >= 0.9`) reads an end of the interval at
 * `evaluation.ci` (task and judge metrics: the interval of the pooled value in their summary,
 * bootstrap percentile or, for a proportion at 0 or 1, Wilson; service metrics: `service`).
 * A figure that cannot be computed is an `error` outcome that fails the run, never a pass. `vs baseline` thresholds are left to
 * {@link baselineThresholdResult}.
 * @param thresholds - the config's threshold strings (validated)
 * @param models - the models' results
 * @param scores - per model (same order), every task metric scored
 * @param task - the task module
 * @param service - per model (same order), the intervals of the service metrics named by
 *   bound thresholds
 * @param baseline - per model name, its comparison with the `baseline` run (for `vs baseline`)
 * @param anytime - per model name and metric, the confidence sequence at the stopping time of
 *   a run with `evaluation.stop`: `.ci_low` / `.ci_high` read it instead of the bootstrap
 * @returns one result per threshold and model
 * @example
 * checkThresholds(['f1_macro.ci_low >= 0.5'], results.models, [model.metrics], taskFor(config.task))[0]?.outcome; // 'pass'
 */
export function checkThresholds(
  thresholds: readonly string[],
  models: readonly ModelResult[],
  scores: readonly ModelResult['metrics'][],
  task: TaskModule,
  service: readonly ReadonlyMap<string, FigureInterval>[] = [],
  baseline?: BaselineDifferences,
  anytime?: ReadonlyMap<string, ReadonlyMap<string, FigureInterval>>,
): ThresholdResult[] {
  const out: ThresholdResult[] = [];
  for (const source of thresholds) {
    const parsed = parseThreshold(source);
    if (!parsed.ok) continue;
    const t = parsed.threshold;
    models.forEach((m, mi) => {
      out.push(
        t.against === 'baseline'
          ? baselineThresholdResult(t, m, baseline?.get(m.name))
          : checkOne(t, m, scores[mi]!, service[mi], task, anytime?.get(m.name)?.get(t.metric)),
      );
    });
  }
  return out;
}
