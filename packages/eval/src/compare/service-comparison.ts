import type { ModelResult } from '@assay/report';
import { higherIsBetter } from '../config/metric-names.js';
import { finiteOrNull } from '../run/prediction-row.js';
import { thresholdValue } from '../summary/check-thresholds.js';
import type { TaskModule } from '../tasks/task-module.js';
import type { ServiceComparison } from './compare-result.js';

/** The service figures `assay compare` sets side by side, as threshold names spell them. */
export const COMPARED_SERVICE_FIGURES: readonly string[] = [
  'error_rate',
  'unparseable_rate',
  'p50_latency_ms',
  'p95_latency_ms',
  'p99_latency_ms',
  'p50_ttft_ms',
  'p95_ttft_ms',
  'total_cost_usd',
  'cost_per_correct_usd',
];

/**
 * The two models' service figures side by side with their differences: latency
 * percentiles, error and unparseable rates, cost and cost per correct answer.
 *
 * @param baseline - the baseline model's results
 * @param candidate - the candidate model's results
 * @param task - the task module (the figures are read as thresholds read them)
 * @returns one row per figure in {@link COMPARED_SERVICE_FIGURES}
 * @remarks The figures are each run's own (all its requests, not only the paired items):
 *   they describe the service as each run met it; a cached or resumed answer counts with the
 *   timings measured when it was sent.
 * @example
 * const figures = serviceComparison(baseline.results.models[0], candidate.results.models[0], taskFor(baseline.task));
 * figures.map((f) => f.name); // ['error_rate', 'unparseable_rate', 'p50_latency_ms', …]
 */
export function serviceComparison(
  baseline: ModelResult,
  candidate: ModelResult,
  task: TaskModule,
): ServiceComparison[] {
  return COMPARED_SERVICE_FIGURES.map((name) => {
    const a = finiteOrNull(thresholdValue(baseline, baseline.metrics, name, task));
    const b = finiteOrNull(thresholdValue(candidate, candidate.metrics, name, task));
    return {
      name,
      baseline: a,
      candidate: b,
      difference: a === null || b === null ? null : b - a,
      greaterIsBetter: higherIsBetter(name),
    };
  });
}
