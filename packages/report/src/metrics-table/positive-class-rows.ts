import { formatInteger } from '../format/format-number.js';
import type { MetricSummary, ModelResult } from '../results/run-results-schema.js';
import { confusionFacts } from '../verdict/confusion-facts.js';

/** One figure of the positive class, with what it means in the model's own counts. */
export interface PositiveClassRow {
  /** `precision`, `recall` or `false-positive rate` */
  name: string;
  /**
   * the runner's summary (pooled value, interval, folds); without value or interval when
   * {@link PositiveClassRow.over} is 0
   */
  summary: MetricSummary;
  /** what the value means, in words (counts from the confusion matrix) */
  words: string;
  /** the items the share is taken over, from the confusion matrix; undefined without one */
  over: number | undefined;
}

/**
 * Where the positive-class figures come from, for the note under their table.
 *
 * @example
 * POSITIVE_CLASS_NOTE; // 'Scored on the runner like the metrics above…has no value: —.'
 */
export const POSITIVE_CLASS_NOTE =
  'Scored on the runner like the metrics above (all answered items pooled, the same bootstrap interval); the counts in words come from the confusion matrix. An answer that names no label is never a false positive but stays among the items it was asked about. A share over no items (e.g. every request for the positive class failed) has no value: —.';

function share(s: MetricSummary): string {
  return s.value === null ? 'an undefined share' : `${(100 * s.value).toFixed(1)}%`;
}

/**
 * The summary as the reports show it: a share over 0 items is undefined, whatever value
 * the runner wrote. Its binary precision and recall divide by zero as 0 (scikit-learn's
 * `zero_division=0`), which would read as "misses 100%", so the counts decide, not the value.
 */
function shown(s: MetricSummary, over: number | undefined, reason: string): MetricSummary {
  if (over !== 0) return s;
  // a pooled count of 0 is 0 in every fold too: no fold has a share either
  const { ciMethod: _wilson, ...rest } = s;
  return {
    ...rest,
    value: null,
    mean: null,
    std: null,
    folds: s.folds.map(() => null),
    ciLow: null,
    ciHigh: null,
    reason,
  };
}

/**
 * The positive class's precision, recall and false-positive rate of one model, each with
 * a sentence a reader can check against the confusion matrix.
 *
 * @param m - the model's results
 * @returns the label, the other label of a binary task (`negative`, undefined without a
 *   confusion matrix) and three rows, or null when the model has no `positiveClass` (not a
 *   binary classification task, or results written before it existed)
 * @remarks A figure whose count in the confusion matrix is 0 (no item answered with the
 *   label, no item with it, no other item) has no value and no interval, even where
 *   `results.json` holds 0 for it.
 * @example
 * positiveClassRows(model)?.rows[1]?.words; // 'of the 10 spam items, 90.0% were answered spam'
 */
export function positiveClassRows(
  m: ModelResult,
): { label: string; negative: string | undefined; rows: PositiveClassRow[] } | null {
  const pc = m.positiveClass;
  if (!pc) return null;
  const facts = confusionFacts(m.confusion);
  const p = facts ? facts.labels.indexOf(pc.label) : -1;
  const count = (n: number | undefined): string => (n === undefined ? '' : ` ${formatInteger(n)}`);
  const answered = p >= 0 ? facts!.answered[p] : undefined;
  const positives = p >= 0 ? facts!.rowTotals[p] : undefined;
  const others = p >= 0 ? facts!.total - facts!.rowTotals[p]! : undefined;
  // a binary task's other items are the other label's; name it
  const negative = facts?.labels.length === 2 && p >= 0 ? facts.labels[1 - p] : undefined;
  const other = negative ?? 'other';
  const precision = shown(pc.precision, answered, `no item was answered ${pc.label}`);
  const recall = shown(pc.recall, positives, `no ${pc.label} item was scored`);
  const fpr = shown(pc.falsePositiveRate, others, `no ${other} item was scored`);
  return {
    label: pc.label,
    negative,
    rows: [
      {
        name: 'precision',
        summary: precision,
        words: `of the${count(answered)} items answered ${pc.label}, ${share(precision)} are ${pc.label}`,
        over: answered,
      },
      {
        name: 'recall',
        summary: recall,
        words: `of the${count(positives)} ${pc.label} items, ${share(recall)} were answered ${pc.label}`,
        over: positives,
      },
      {
        name: 'false-positive rate',
        summary: fpr,
        words: `of the${count(others)} ${other} items, ${share(fpr)} were answered ${pc.label}`,
        over: others,
      },
    ],
  };
}
