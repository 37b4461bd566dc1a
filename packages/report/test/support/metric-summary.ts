import type { MetricSummary } from '../../src/index.js';

/**
 * A metric summary with the given pooled value and interval; the two fold values are the
 * pooled value unless given.
 */
export function metric(
  value: number | null,
  ciLow: number | null = value,
  ciHigh: number | null = value,
  folds: (number | null)[] = [value, value],
): MetricSummary {
  return { value, mean: value, std: 0, folds, ciLow, ciHigh };
}
