import { countNoun } from '../format/count-noun.js';
import { fmt, formatUsd } from '../format/format-number.js';
import { type EarlyStopResult, sequenceIsEmpty } from '../results/early-stop-schema.js';

/** A count in full, with thousands separators: item counts are read exactly, not rounded. */
const formatCount = (n: number): string => n.toLocaleString('en-US');

/** The cells of one row of the early-stop table (plain text; the caller escapes). */
export interface EarlyStopRow {
  readonly model: string;
  readonly metric: string;
  readonly items: string;
  readonly value: string;
  readonly sequence: string;
  readonly bootstrap: string;
  readonly requestsSaved: string;
  readonly costSaved: string;
}

/**
 * One sentence on what the stopping rule did: where it held, how much was sent.
 *
 * @param e - the `earlyStop` section of the results
 * @returns plain text (the rule in backticks)
 * @example
 * earlyStopSentence(results.earlyStop); // 'Stopping rule `ci_width(accuracy) <= 0.3` (first check after 10 items, then every 5) held after 20 of 40 items (3 checks): the other 20 were never sent, and every figure of this report is computed on the 20 sent.'
 */
export function earlyStopSentence(e: EarlyStopResult): string {
  const rule = `Stopping rule \`${e.when}\` (first check after ${formatCount(e.minItems)} items, then every ${formatCount(e.checkEvery)})`;
  const where = e.stopped
    ? `held after ${formatCount(e.itemsSent)} of ${formatCount(e.itemsTotal)} items (${countNoun(e.looks, 'check')}): the other ${formatCount(e.itemsTotal - e.itemsSent)} were never sent, and every figure of this report is computed on the ${formatCount(e.itemsSent)} sent`
    : e.ruleHeld
      ? `held only once all ${formatCount(e.itemsTotal)} items were sent`
      : `never held: all ${formatCount(e.itemsTotal)} items were sent`;
  return `${rule} ${where}.`;
}

/**
 * The note that says which interval decides and which is for reference: the stopping rule's
 * confidence sequence (at `e.confidence`) decides; the bootstrap interval (at `ci`) is shown
 * for reference only, since it assumes a fixed number of items.
 *
 * @param e - the `earlyStop` section of the results
 * @param ci - the bootstrap intervals' confidence level, e.g. 0.95
 * @returns plain text
 * @example
 * earlyStopNote(results.earlyStop, 0.95); // "The rule reads the confidence sequence (Waudby-Smith & Ramdas' betting sequence at 95%), …The bootstrap interval (95%) assumes…"
 */
export function earlyStopNote(e: EarlyStopResult, ci: number): string {
  return `The rule reads the confidence sequence (Waudby-Smith & Ramdas' betting sequence at ${Number((100 * e.confidence).toFixed(2))}%), which stays valid however often it is checked. The bootstrap interval (${fmt(100 * ci, 0)}%) assumes the number of items was fixed in advance, so it is too narrow for a decision made by looking repeatedly; it is shown for reference. Cost saved is an estimate: requests saved × the mean cost of the model's answers.`;
}

/**
 * The table rows of the early-stop section: one per model and followed metric.
 *
 * @param e - the `earlyStop` section of the results
 * @returns plain-text cells
 * @example
 * earlyStopRows(results.earlyStop)[0].sequence; // '[0.620, 0.910]'
 */
export function earlyStopRows(e: EarlyStopResult): EarlyStopRow[] {
  return e.models.flatMap((m) =>
    m.sequences.map((s) => ({
      model: m.model,
      metric: s.metric,
      items: formatCount(s.n),
      value: fmt(s.mean, 4),
      sequence: sequenceIsEmpty(s)
        ? 'empty (bounds crossed)'
        : `[${fmt(s.lower, 3)}, ${fmt(s.upper, 3)}]`,
      bootstrap:
        s.bootstrapLow === null || s.bootstrapHigh === null
          ? fmt(null)
          : `[${fmt(s.bootstrapLow, 3)}, ${fmt(s.bootstrapHigh, 3)}]`,
      requestsSaved: formatCount(m.requestsSaved),
      costSaved: formatUsd(m.costSavedUsd),
    })),
  );
}
