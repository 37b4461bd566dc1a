import type { ModelResult, ThresholdResult } from '@assay/report';
import { parseThreshold, thresholdHolds } from '../config/thresholds.js';
import { JUDGE_KAPPA_METRIC, JUDGE_SCORE_METRIC } from '../judges/judge-config-checks.js';
import { finiteOrNull } from '../run/prediction-row.js';
import type { TaskModule } from '../tasks/task-module.js';

const JUDGE_METRICS: readonly string[] = [JUDGE_SCORE_METRIC, JUDGE_KAPPA_METRIC];

/**
 * The value a threshold reads: a task metric's mean across folds, a judge metric
 * (`judge_score`, `judge_kappa`: pooled, so its mean is its value), or a service
 * figure of the model.
 *
 * @param model - the model's results
 * @param scores - every task metric scored for the model (reported or named by a threshold)
 * @param metric - the threshold's metric
 * @param task - the task module
 * @returns the value (NaN when it cannot be computed)
 */
export function thresholdValue(
  model: ModelResult,
  scores: ModelResult['metrics'],
  metric: string,
  task: TaskModule,
): number {
  if (task.metricNames.includes(metric) || JUDGE_METRICS.includes(metric)) {
    return scores[metric]?.mean ?? Number.NaN;
  }
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
    // throughput over the wall time of this run's sending; decode speed is per request
    requests_per_s: s.throughput?.requestsPerSecond ?? null,
    output_tokens_per_s: s.throughput?.outputTokensPerSecond ?? null,
    decode_tokens_per_s: s.outputTokensPerSecond,
    total_cost_usd: s.costUsd,
    cost_per_correct_usd: s.costPerCorrectUsd,
  };
  return value[metric] ?? Number.NaN;
}

/**
 * Checks every configured threshold against every model.
 *
 * @param thresholds - the config's threshold strings (validated)
 * @param models - the models' results
 * @param scores - per model (same order), every task metric scored
 * @param task - the task module
 * @returns one result per threshold and model
 * @example
 * checkThresholds(['f1_macro >= 0.9'], models, scores, task)[0]?.passed;
 */
export function checkThresholds(
  thresholds: readonly string[],
  models: readonly ModelResult[],
  scores: readonly ModelResult['metrics'][],
  task: TaskModule,
): ThresholdResult[] {
  const out: ThresholdResult[] = [];
  for (const source of thresholds) {
    const parsed = parseThreshold(source);
    if (!parsed.ok) continue;
    const t = parsed.threshold;
    models.forEach((m, mi) => {
      const value = thresholdValue(m, scores[mi]!, t.metric, task);
      const result: ThresholdResult = {
        threshold: source,
        model: m.name,
        metric: t.metric,
        value: finiteOrNull(value),
        passed: thresholdHolds(t, value),
      };
      if (Number.isNaN(value)) {
        result.reason = scores[mi]![t.metric]?.reason ?? `${t.metric} has no value in this run`;
      }
      out.push(result);
    });
  }
  return out;
}
