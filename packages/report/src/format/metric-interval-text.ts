import type { MetricSummary } from '../results/run-results-schema.js';
import { fmt } from './format-number.js';

/**
 * A metric's interval as the reports print it, `[low, high]`, followed by ` (Wilson)` when it
 * is the Wilson score interval of a count rather than the bootstrap percentile interval
 * (`ciMethod: 'wilson'`: a proportion whose bootstrap interval had no width).
 *
 * @param s - the metric's summary
 * @returns the interval text
 * @example
 * metricIntervalText({ ciLow: 0.5655, ciHigh: 1, ciMethod: 'wilson' }); // '[0.566, 1.000] (Wilson)'
 */
export function metricIntervalText(
  s: Pick<MetricSummary, 'ciLow' | 'ciHigh' | 'ciMethod'>,
): string {
  const interval = `[${fmt(s.ciLow)}, ${fmt(s.ciHigh)}]`;
  return s.ciMethod === 'wilson' ? `${interval} (Wilson)` : interval;
}
