import type { MetricValue } from '../score/score-report.js';
import { wilsonOfDegenerate } from '../score/share-count.js';
import type { MetricSlot } from './generation-tasks.js';

/**
 * The generation metrics that are a share of a count: each row scores 0 or 1, so the value
 * is matches of rows, as accuracy is right answers of rows.
 */
const SHARE_METRICS: ReadonlySet<string> = new Set(['exact_match']);

/** A set of rows' summed matrix row and row count, what {@link generationMetricValue} counts. */
export interface SummedRows {
  /** The layout's `width` sums of the set's rows. */
  readonly sums: Float64Array;
  /** How many rows were summed. */
  readonly n: number;
}

/**
 * A generation metric's value with its bootstrap interval, where a share of a count
 * (`exact_match`) whose interval has no width takes the Wilson score interval of its count,
 * as classification's accuracy does: 0 of 5 exact matches resample to 0 every time, so the
 * bootstrap's `[0, 0]` would claim a certainty that 5 rows cannot give.
 *
 * @remarks
 * The count is the slot's sum (the matches) of the set's `n` rows; `wilsonOfDegenerate` keeps
 * the bootstrap interval unless it has no width and sits on the value, and the count gives
 * the value. With clusters the bootstrap drew whole items, and a binomial interval on rows
 * would be too narrow, so it is kept then too (as for classification's clusters).
 *
 * @param slot - the metric's slot of the row layout
 * @param value - its value on the set (null where undefined)
 * @param interval - its bootstrap interval, or undefined without one
 * @param rows - the set's summed matrix row and row count
 * @param clustered - whether the bootstrap resampled clusters rather than rows
 * @param ci - the confidence level
 * @returns the value, with its interval and `ciMethod: 'wilson'` where Wilson's replaced it
 * @example
 * const slot = { name: 'exact_match', offset: 0, width: 1 };
 * generationMetricValue(slot, 0, [0, 0], { sums: Float64Array.of(0), n: 5 }, false, 0.95);
 * // { value: 0, ci: [0, 0.4344824647831748…], ciMethod: 'wilson' }
 * generationMetricValue(slot, 0.6, [0.2, 1], { sums: Float64Array.of(3), n: 5 }, false, 0.95);
 * // { value: 0.6, ci: [0.2, 1] }
 */
export function generationMetricValue(
  slot: MetricSlot,
  value: number | null,
  interval: readonly [number, number] | null | undefined,
  rows: SummedRows,
  clustered: boolean,
  ci: number,
): MetricValue {
  if (!interval) return { value };
  const plain: MetricValue = { value, ci: [interval[0], interval[1]] };
  if (value === null || clustered || !SHARE_METRICS.has(slot.name)) return plain;
  const successes = rows.sums[slot.offset]!;
  // every row scores 0 or 1, so the sum is a whole count; a guard against any other
  if (!Number.isInteger(successes)) return plain;
  const wilson = wilsonOfDegenerate(
    value,
    interval[0],
    interval[1],
    { successes, trials: rows.n },
    ci,
  );
  return wilson === null ? plain : { value, ci: wilson, ciMethod: 'wilson' };
}
