import { wilsonInterval } from '@assay/stats';

/** A share of a known count: `successes` of `trials`. */
export interface ProportionCount {
  /** rows counted as successes (right answers, true positives, false positives) */
  readonly successes: number;
  /** rows the share is taken over (all rows, actual or predicted positives, negatives) */
  readonly trials: number;
}

/** Whether a row (true code `t`, predicted code `p`) is in the denominator, and a success. */
export type ShareCounter = (t: number, p: number) => [boolean, boolean];

/** The positive and negative class codes of a binary metric, or null where there are none. */
export type BinaryCodes = () => { readonly positive: number; readonly negative?: number } | null;

/**
 * The metrics that are a share of a count, and so can take the Wilson interval of it.
 *
 * @example
 * PROPORTION_METRICS.has('accuracy'); // true
 */
export const PROPORTION_METRICS: ReadonlySet<string> = new Set([
  'accuracy',
  'recall',
  'precision',
  'false_positive_rate',
  'recall_micro',
  'precision_micro',
]);

/**
 * The counter of a proportion metric: accuracy (right answers of all rows), recall (true
 * positives of the actual positives), precision (true positives of the predicted positives),
 * false-positive rate (negatives predicted positive of all negatives), and micro recall and
 * precision (right answers of the rows whose truth, resp. answer, is one of `labels`). The one
 * definition `assay score` and `assay run` count with.
 *
 * @param metric - the registry name of the metric
 * @param labels - the class codes a micro average ranges over
 * @param binary - the positive and negative codes, asked only for a binary metric
 * @returns the counter, or null when the metric is no share of a count (or a binary metric
 *   has no positive or negative class)
 * @example
 * const accuracy = shareCounter('accuracy', [0, 1], () => null);
 * accuracy?.(1, 1); // [true, true] (a row taken in, and right)
 * accuracy?.(1, 0); // [true, false]
 */
export function shareCounter(
  metric: string,
  labels: readonly number[],
  binary: BinaryCodes,
): ShareCounter | null {
  const inLabels = new Set(labels);
  if (metric === 'accuracy') return (t, p) => [true, t === p];
  if (metric === 'recall_micro') return (t, p) => [inLabels.has(t), t === p];
  if (metric === 'precision_micro') return (t, p) => [inLabels.has(p), t === p];
  if (metric !== 'recall' && metric !== 'precision' && metric !== 'false_positive_rate') {
    return null;
  }
  const codes = binary();
  if (codes === null) return null;
  const pos = codes.positive;
  if (metric === 'recall') return (t, p) => [t === pos, p === pos];
  if (metric === 'precision') return (t, p) => [p === pos, t === pos];
  const neg = codes.negative;
  return neg === undefined ? null : (t, p) => [t === neg, p === pos];
}

/**
 * Counts the rows a counter takes in and its successes.
 *
 * @param counter - from {@link shareCounter}
 * @param yTrue - true class codes
 * @param yPred - predicted class codes
 * @param keep - which rows to count (a slice's), or null for all
 * @returns the count
 * @example
 * const counter = shareCounter('accuracy', [0, 1], () => null);
 * countShares(counter, Int32Array.of(1, 0), Int32Array.of(1, 1), null); // { successes: 1, trials: 2 }
 */
export function countShares(
  counter: ShareCounter,
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  keep: ((i: number) => boolean) | null,
): ProportionCount {
  let successes = 0;
  let trials = 0;
  for (let i = 0; i < yTrue.length; i++) {
    if (keep !== null && !keep(i)) continue;
    const [counted, success] = counter(yTrue[i]!, yPred[i]!);
    if (!counted) continue;
    trials++;
    if (success) successes++;
  }
  return { successes, trials };
}

/**
 * The Wilson score interval that replaces a bootstrap interval of no width sitting on the
 * value at 0 or 1 (every resample scored what the whole set scored: 5 of 5 right), or null
 * where it does not apply.
 *
 * @remarks
 * For `x` successes of `n` trials, `p̂ = x/n` and `z = Φ⁻¹(1 − (1 − ci)/2)`, the interval is
 * `(p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n)` (Wilson, "Probable inference, the
 * law of succession, and statistical inference", JASA 22, 1927; `wilsonInterval` of
 * `@assay/stats`, equal to statsmodels' `proportion_confint(x, n, method='wilson')`). Null when
 * the interval has width or lies off the value, there is no count, the count does not give the
 * value (to 1e-9: a guard against a metric defined otherwise than counted), or the count is not
 * at one of its ends (0 or all successes): only there does every resample score the value. A
 * value between them on an interval of no width is one resample of `bootstrap: 1` that happened
 * to score it (146 of 200 right, drawn again as 146 of 200), no certainty to replace.
 *
 * @param value - the metric's value
 * @param low - its bootstrap interval's low end
 * @param high - its high end
 * @param count - the count behind the value, or null
 * @param ci - the confidence level
 * @returns `[low, high]` of the Wilson interval, or null
 * @example
 * wilsonOfDegenerate(1, 1, 1, { successes: 5, trials: 5 }, 0.95); // [0.5655175352168252, 1]
 * wilsonOfDegenerate(0.73, 0.73, 0.73, { successes: 146, trials: 200 }, 0.95); // null
 */
export function wilsonOfDegenerate(
  value: number,
  low: number,
  high: number,
  count: ProportionCount | null,
  ci: number,
): [number, number] | null {
  if (low !== high || Math.abs(low - value) > 1e-12) return null;
  if (count === null || count.trials === 0) return null;
  if (count.successes !== 0 && count.successes !== count.trials) return null;
  if (Math.abs(count.successes / count.trials - value) > 1e-9) return null;
  return wilsonInterval(count.successes, count.trials, ci);
}
