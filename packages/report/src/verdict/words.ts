import { fmt, levelText, MISSING_VALUE } from '../format/format-number.js';
import type { MetricSummary } from '../results/run-results-schema.js';

/**
 * A share as a percentage with one decimal (`4.1%`).
 *
 * @param part - the part
 * @param whole - the whole (0 gives {@link MISSING_VALUE}: a share of no items is undefined,
 *   and `0.0%` would read as a measured share)
 * @returns the text
 * @example
 * percentOf(57, 1396); // '4.1%'
 */
export function percentOf(part: number, whole: number): string {
  return whole === 0 ? MISSING_VALUE : `${((100 * part) / whole).toFixed(1)}%`;
}

/**
 * A metric's interval in words: `95% confidence: between 0.955 and 0.969`, or why there is none.
 *
 * @param s - the metric's summary
 * @param ci - the confidence level (`evaluation.ci`)
 * @returns the words, without parentheses
 * @example
 * intervalInWords({ ciLow: 0.955, ciHigh: 0.969 }, 0.95); // '95% confidence: between 0.955 and 0.969'
 */
export function intervalInWords(s: Pick<MetricSummary, 'ciLow' | 'ciHigh'>, ci: number): string {
  if (s.ciLow === null || s.ciHigh === null) return 'no interval: evaluation.bootstrap is 0';
  return `${Math.round(ci * 100)}% confidence: between ${fmt(s.ciLow)} and ${fmt(s.ciHigh)}`;
}

/**
 * A confidence sequence at the stopping time in words, for a run that `evaluation.stop` ended
 * early: `95% confidence sequence, valid at the stopping time: between 0.921 and 0.977`.
 *
 * @param s - the sequence's ends
 * @param confidence - its level (`earlyStop.confidence`)
 * @returns the words, without parentheses
 * @example
 * sequenceInWords({ lower: 0.921, upper: 0.977 }, 0.95); // '95% confidence sequence, valid at the stopping time: between 0.921 and 0.977'
 */
export function sequenceInWords(
  s: { readonly lower: number; readonly upper: number },
  confidence: number,
): string {
  return `${levelText(confidence)} confidence sequence, valid at the stopping time: between ${fmt(s.lower)} and ${fmt(s.upper)}`;
}

/**
 * Joins words as a reader would: `a`, `a and b`, `a, b and c`.
 *
 * @param items - the words
 * @returns the list
 * @example
 * listInWords(['full', 'short', 'shorter']); // 'full, short and shorter'
 */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
