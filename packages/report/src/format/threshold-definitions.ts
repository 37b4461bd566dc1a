import type { RunResults } from '../results/run-results-schema.js';

/**
 * What the service metrics that read like answer quality count: `error_rate 0.0000` beside an
 * accuracy of 0.915 reads as "no wrong answers" to someone who has not met the metric.
 */
const DEFINITIONS: Readonly<Record<string, string>> = {
  error_rate:
    "error_rate is the share of requests that failed (no answer after the client's retries); a wrong answer is no error here: accuracy and the other task metrics count those",
  unparseable_rate:
    'unparseable_rate is the share of answers from which no label could be read; they count as wrong in the task metrics',
};

/**
 * Definitions of the metrics a run's thresholds read whose names a reader could take for
 * something else (`error_rate` counts failed requests, not wrong answers), in threshold order,
 * each once. The reports print them under their threshold table.
 *
 * @param r - the run's results
 * @returns one sentence per such metric, none when no threshold reads one
 * @example
 * thresholdDefinitions({ thresholds: [{ metric: 'error_rate' }, { metric: 'accuracy' }] });
 * // ["error_rate is the share of requests that failed (no answer after the client's retries); …"]
 */
export function thresholdDefinitions(r: Pick<RunResults, 'thresholds'>): string[] {
  const named = new Set(r.thresholds.map((t) => t.metric));
  return [...named].flatMap((metric) => {
    const definition = DEFINITIONS[metric];
    return definition === undefined ? [] : [`${definition}.`];
  });
}
