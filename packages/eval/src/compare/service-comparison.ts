import type { ModelResult } from '@assay/report';
import { higherIsBetter, serviceMetricTaskProblem } from '../config/metric-names.js';
import { finiteOrNull } from '../run/prediction-row.js';
import { thresholdValue } from '../summary/check-thresholds.js';
import type { TaskModule } from '../tasks/task-module.js';
import type { ServiceComparison } from './compare-result.js';

/**
 * Requests the service answered (or failed) only after at least one retry (`service.retried` of
 * `results.json`): `error_rate` counts only requests that failed after every retry, so a
 * service that refused 19 first attempts shows error rate 0 in both runs without it.
 */
export const RETRIED_REQUESTS = 'retried_requests';

/** {@link RETRIED_REQUESTS} as a share of the model's requests. */
export const RETRIED_RATE = 'retried_rate';

/**
 * The service figures `assay compare` sets side by side, as threshold names spell them, and the
 * retried requests (count and share; no threshold reads them).
 */
export const COMPARED_SERVICE_FIGURES: readonly string[] = [
  'error_rate',
  RETRIED_REQUESTS,
  RETRIED_RATE,
  'unparseable_rate',
  'p50_latency_ms',
  'p95_latency_ms',
  'p99_latency_ms',
  'p50_ttft_ms',
  'p95_ttft_ms',
  'total_cost_usd',
  'cost_per_correct_usd',
];

/** A figure of a model's results: the retried requests from its service block, the rest as thresholds read them. */
function figure(model: ModelResult, name: string, task: TaskModule): number | null {
  const s = model.service;
  // written by runs since retries were counted; an older results.json has no such figure
  if (name === RETRIED_REQUESTS) return s.retried ?? null;
  if (name === RETRIED_RATE) {
    return s.retried === undefined || s.requests === 0 ? null : s.retried / s.requests;
  }
  return finiteOrNull(thresholdValue(model, model.metrics, name, task));
}

/**
 * The two models' service figures side by side with their differences: error rate, the
 * requests answered or failed only after a retry (count and share of requests), unparseable
 * rate, latency percentiles, cost and cost per correct answer.
 *
 * @param baseline - the baseline model's results
 * @param candidate - the candidate model's results
 * @param task - the task module (the figures are read as thresholds read them)
 * @returns one row per figure in {@link COMPARED_SERVICE_FIGURES} that the task can have
 *   (a generation task has no `cost_per_correct_usd`: free text has no correct answers)
 * @remarks The figures are each run's own (all its requests, not only the paired items):
 *   they describe the service as each run met it; a cached or resumed answer counts with the
 *   timings measured when it was sent.
 * @example
 * const figures = serviceComparison(baseline.results.models[0], candidate.results.models[0], taskFor(baseline.task));
 * figures.map((f) => f.name); // ['error_rate', 'retried_requests', 'retried_rate', 'unparseable_rate', …]
 */
export function serviceComparison(
  baseline: ModelResult,
  candidate: ModelResult,
  task: TaskModule,
): ServiceComparison[] {
  // a figure the task can never have (cost per correct answer of free text) is no row of '–'
  const figures = COMPARED_SERVICE_FIGURES.filter(
    (name) => serviceMetricTaskProblem(name, task.type) === undefined,
  );
  return figures.map((name) => {
    const a = figure(baseline, name, task);
    const b = figure(candidate, name, task);
    return {
      name,
      baseline: a,
      candidate: b,
      difference: a === null || b === null ? null : b - a,
      greaterIsBetter:
        name === RETRIED_REQUESTS || name === RETRIED_RATE ? false : higherIsBetter(name),
    };
  });
}
