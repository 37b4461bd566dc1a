import { formatInterval } from '@assay/report/text';
import type { MetricValue } from '@assay/runner/scoring';

/**
 * A metric's interval as the score reports print it: `[low, high]`, followed by ` (Wilson)`
 * when it is the Wilson score interval of the metric's count (`ciMethod: 'wilson'`: a share
 * of a count at 0 or 1 whose bootstrap interval had no width) rather than the percentile
 * bootstrap's; empty without an interval.
 *
 * @param value - the metric's value and interval, if any
 * @returns the interval text
 * @example
 * ```ts
 * intervalText({ value: 1, ci: [0.5655, 1], ciMethod: 'wilson' }); // '[0.5655, 1.0000] (Wilson)'
 * ```
 */
export function intervalText(value: MetricValue | undefined): string {
  const interval = formatInterval(value?.ci);
  return interval !== '' && value?.ciMethod === 'wilson' ? `${interval} (Wilson)` : interval;
}
