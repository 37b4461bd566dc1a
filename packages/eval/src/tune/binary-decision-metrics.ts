/** Counts of a binary decision against the truth. */
export interface BinaryCounts {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** Metrics a decision threshold can be tuned for, all higher-better. */
export const THRESHOLD_METRICS = [
  'accuracy',
  'balanced_accuracy',
  'f1',
  'f1_macro',
  'precision',
  'recall',
  'matthews_corrcoef',
] as const;

/** A metric of {@link THRESHOLD_METRICS}. */
export type ThresholdMetric = (typeof THRESHOLD_METRICS)[number];

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
const f1 = (tp: number, fp: number, fn: number): number => ratio(2 * tp, 2 * tp + fp + fn);

/**
 * A binary decision metric from its counts, as scikit-learn computes it (`zero_division=0`).
 *
 * @param metric - the metric
 * @param c - the counts (the positive class is the task's `positiveLabel`)
 * @returns the value
 * @remarks f1_macro averages the F1 of both classes; matthews_corrcoef is
 *   (tp·tn − fp·fn) / sqrt((tp+fp)(tp+fn)(tn+fp)(tn+fn)), 0 when a factor is 0.
 * @example
 * binaryDecisionMetric('balanced_accuracy', { tp: 8, fp: 1, tn: 9, fn: 2 }); // 0.85
 */
export function binaryDecisionMetric(metric: ThresholdMetric, c: BinaryCounts): number {
  const { tp, fp, tn, fn } = c;
  switch (metric) {
    case 'accuracy':
      return ratio(tp + tn, tp + fp + tn + fn);
    case 'balanced_accuracy':
      return (ratio(tp, tp + fn) + ratio(tn, tn + fp)) / 2;
    case 'f1':
      return f1(tp, fp, fn);
    case 'f1_macro':
      return (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2;
    case 'precision':
      return ratio(tp, tp + fp);
    case 'recall':
      return ratio(tp, tp + fn);
    case 'matthews_corrcoef': {
      const d = Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
      return d === 0 ? 0 : (tp * tn - fp * fn) / d;
    }
  }
}

/**
 * Counts the decisions `positive[i]` against the truth `actual[i]`.
 *
 * @param actual - 1 where the item's label is the positive one
 * @param positive - 1 where the decision is positive
 * @returns the counts
 * @example
 * countDecisions([1, 0, 1], [1, 1, 0]); // { tp: 1, fp: 1, tn: 0, fn: 1 }
 */
export function countDecisions(
  actual: readonly number[],
  positive: readonly number[],
): BinaryCounts {
  const c = { tp: 0, fp: 0, tn: 0, fn: 0 };
  actual.forEach((a, i) => {
    const predicted = positive[i] === 1;
    if (predicted && a === 1) c.tp++;
    else if (predicted) c.fp++;
    else if (a === 1) c.fn++;
    else c.tn++;
  });
  return c;
}
