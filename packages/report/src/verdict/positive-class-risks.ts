import { quotedLabel } from '@assay/labels';
import { fmt } from '../format/format-number.js';
import { positiveClassRows } from '../metrics-table/positive-class-rows.js';
import type { ModelResult } from '../results/run-results-schema.js';
import { percentOf } from './words.js';

/**
 * Positive-class recall below this is a risk; so is a share of the other items answered with
 * the positive label above 1 minus this (the same bar for that label's own recall).
 *
 * @example
 * LOW_RECALL; // 0.8
 */
export const LOW_RECALL = 0.8;

/**
 * The risks of the positive class, read from the rows the reports show: a recall below
 * {@link LOW_RECALL} (the positive items missed), and a false-positive rate whose complement
 * is below it (the other items flagged as positive). Which label is positive is the user's
 * choice: the same wrong answers are misses of one label and false positives of the other, so
 * both are named by one bar, or the verdict would call a model risky or not by that choice
 * alone. A recall over no positive item has no value (the runner may hold 0 for it), and says
 * so instead of "misses 100%".
 *
 * @param m - the model's results
 * @returns the risks, each with its severity (40, as a few items); empty without a positive class
 * @example
 * positiveClassRisks(model); // []
 * const fpr = { ...model.positiveClass.falsePositiveRate, value: 0.3 };
 * const flagged = { ...model, positiveClass: { ...model.positiveClass, falsePositiveRate: fpr } };
 * positiveClassRisks(flagged).map((r) => r.text); // ['nb flags 30.0% of the "ham" items as "spam" (false-positive rate of "spam" 0.300).']
 */
export function positiveClassRisks(m: ModelResult): { severity: number; text: string }[] {
  const pc = positiveClassRows(m);
  if (!pc) return [];
  const label = quotedLabel(pc.label);
  const out: { severity: number; text: string }[] = [];
  const recall = pc.rows.find((x) => x.name === 'recall');
  if (recall?.over === 0) {
    out.push({
      severity: 40,
      text: `${m.name} has no scored ${label} item, so its recall of ${label} is undefined: the run cannot tell how many ${label} items it misses.`,
    });
  }
  const r = recall?.summary.value;
  if (recall?.over !== 0 && r !== null && r !== undefined && r < LOW_RECALL) {
    out.push({
      severity: 40,
      text: `${m.name} misses ${percentOf(1 - r, 1)} of the ${label} items (recall of ${label} ${fmt(r)}).`,
    });
  }
  const fpr = pc.rows.find((x) => x.name === 'false-positive rate')?.summary.value;
  // 1 - fpr is the other label's recall: compared as the positive label's recall is
  if (fpr !== null && fpr !== undefined && 1 - fpr < LOW_RECALL) {
    const others =
      pc.negative === undefined
        ? `items that are not ${label}`
        : `${quotedLabel(pc.negative)} items`;
    out.push({
      severity: 40,
      text: `${m.name} flags ${percentOf(fpr, 1)} of the ${others} as ${label} (false-positive rate of ${label} ${fmt(fpr)}).`,
    });
  }
  return out;
}
