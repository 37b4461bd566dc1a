import { type CountSelection, proportionCount } from './proportion-count.js';
import type { ScoreColumns } from './score-columns.js';
import type { MetricValue } from './score-report.js';
import { wilsonOfDegenerate } from './share-count.js';

/**
 * Whether the bootstrap resampled single rows: no `clusterIds`. With them a cluster bootstrap
 * draws the rows of one item together, and a binomial interval on the row count would be too
 * narrow; even one row per cluster keeps the bootstrap interval, since a caller that passes
 * clusters (`assay run` passes its items) reads the interval as theirs.
 *
 * @param columns - the job's columns
 * @returns true without clusters
 */
export function rowsAreUnits(columns: ScoreColumns): boolean {
  return columns.clusters === undefined;
}

/**
 * Whether a value's bootstrap interval has no width and sits on the value: every resample
 * scored what the whole set scored (5 of 5 right, no false positive among 200 negatives), so
 * the interval cannot show how sure the figure is. (One replicate of `--bootstrap 1` gives
 * no width elsewhere too; that interval keeps its own warning.)
 *
 * @param value - a metric's value and interval
 * @returns true when `ci[0] === ci[1] === value` (to 1e-12)
 * @example
 * degenerate({ value: 1, ci: [1, 1] }); // true
 */
export function degenerate(value: MetricValue): boolean {
  if (value.ci === undefined || value.value === null) return false;
  const [low, high] = value.ci;
  return low === high && Math.abs(low - value.value) <= 1e-12;
}

/**
 * Replaces a zero-width bootstrap interval of a proportion metric at 0 or 1 by the Wilson
 * score interval of its count ({@link wilsonOfDegenerate}), and says so in `ciMethod: 'wilson'`.
 *
 * @remarks
 * A bootstrap of 5 rows all right resamples 5 right answers every time, so its interval is
 * `[1, 1]`; Wilson's is `[0.5655, 1]` at 95%. The value is left as it is when its interval
 * has width or lies off the value (see {@link degenerate}), the value is neither 0 nor 1 (one
 * resample of `bootstrap: 1` may score the value itself), the metric is no share of a count
 * (see `proportionCount`), the rows carry weights, `clusterIds` are given (see
 * {@link rowsAreUnits}), or the count does not give the value.
 *
 * @param value - the metric's value and bootstrap interval
 * @param metric - the registry name of the metric
 * @param columns - the job's columns
 * @param selection - the rows the value is of: a slice's, or null for all
 * @param ci - the confidence level
 * @returns the value with the Wilson interval, or `value` itself
 * @example
 * const { columns } = prepareColumns({ yTrue: [0, 1, 1, 0, 1], yPred: [0, 1, 1, 0, 1] });
 * withWilsonFallback({ value: 1, ci: [1, 1] }, 'accuracy', columns, null, 0.95);
 * // { value: 1, ci: [0.5655175352168251, 1], ciMethod: 'wilson' }
 */
export function withWilsonFallback(
  value: MetricValue,
  metric: string,
  columns: ScoreColumns,
  selection: CountSelection,
  ci: number,
): MetricValue {
  if (value.value === null || !degenerate(value) || !rowsAreUnits(columns)) return value;
  const [low, high] = value.ci!;
  const count = proportionCount(metric, columns, selection);
  const interval = wilsonOfDegenerate(value.value, low, high, count, ci);
  return interval === null ? value : { ...value, ci: interval, ciMethod: 'wilson' };
}
