import { formatInteger } from '../format/format-number.js';
import type { MetricSummary, ModelResult } from '../results/run-results-schema.js';
import { confusionFacts } from '../verdict/confusion-facts.js';

/** One figure of the positive class, with what it means in the model's own counts. */
export interface PositiveClassRow {
  /** `precision`, `recall` or `false-positive rate` */
  name: string;
  /** the runner's summary (pooled value, interval, folds) */
  summary: MetricSummary;
  /** what the value means, in words (counts from the confusion matrix) */
  words: string;
}

/** Where the positive-class figures come from, for the note under their table. */
export const POSITIVE_CLASS_NOTE =
  'Scored on the runner like the metrics above (all answered items pooled, the same bootstrap interval); the counts in words come from the confusion matrix. An answer that names no label is never a false positive but stays among the items it was asked about.';

function share(s: MetricSummary): string {
  return s.value === null ? 'an undefined share' : `${(100 * s.value).toFixed(1)}%`;
}

/**
 * The positive class's precision, recall and false-positive rate of one model, each with
 * a sentence a reader can check against the confusion matrix.
 *
 * @param m - the model's results
 * @returns the label and three rows, or null when the model has no `positiveClass`
 *   (not a binary classification task, or results written before it existed)
 * @example
 * positiveClassRows(model)?.rows[1]?.words; // 'of the 1,396 spam items, 95.9% were answered spam'
 */
export function positiveClassRows(
  m: ModelResult,
): { label: string; rows: PositiveClassRow[] } | null {
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
  return {
    label: pc.label,
    rows: [
      {
        name: 'precision',
        summary: pc.precision,
        words: `of the${count(answered)} items answered ${pc.label}, ${share(pc.precision)} are ${pc.label}`,
      },
      {
        name: 'recall',
        summary: pc.recall,
        words: `of the${count(positives)} ${pc.label} items, ${share(pc.recall)} were answered ${pc.label}`,
      },
      {
        name: 'false-positive rate',
        summary: pc.falsePositiveRate,
        words: `of the${count(others)} ${negative ?? 'other'} items, ${share(pc.falsePositiveRate)} were answered ${pc.label}`,
      },
    ],
  };
}
