import type { MetricSummary } from '@assay/report';

/**
 * Whether a summary's bootstrap interval has no width: every resample scored the same (5 of 5
 * right, no false positive among 200 negatives), so it cannot show how sure the figure is.
 *
 * @param s - a metric summary
 * @returns true when `ciLow === ciHigh` (both set)
 * @example
 * zeroWidth({ ...model.metrics.accuracy, ciLow: 1, ciHigh: 1 }); // true
 */
export function zeroWidth(s: Pick<MetricSummary, 'ciLow' | 'ciHigh'>): boolean {
  return s.ciLow !== null && s.ciHigh !== null && s.ciLow === s.ciHigh;
}
