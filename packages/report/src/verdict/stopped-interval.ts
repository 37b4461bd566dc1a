import { levelText } from '../format/format-number.js';
import { type EarlyStopResult, sequenceIsEmpty } from '../results/early-stop-schema.js';
import type { ModelResult } from '../results/run-results-schema.js';

/** A metric's interval as a verdict sentence quotes it. */
export interface QuotedInterval {
  readonly low: number;
  readonly high: number;
  /** its confidence level */
  readonly level: number;
  /** `sequence`: the confidence sequence a stopping rule read; `bootstrap`: the fixed-sample interval */
  readonly kind: 'sequence' | 'bootstrap';
  /** a bootstrap interval of a run that `evaluation.stop` ended early: too narrow */
  readonly afterStop: boolean;
}

/**
 * The interval a verdict sentence should quote for a model's metric: after `evaluation.stop`
 * ended the run early, the confidence sequence its rule read for that metric (a bootstrap
 * interval assumes a sample size fixed in advance, and is too narrow for a stop decided by
 * looking repeatedly); otherwise, or for a metric the rule did not follow, the bootstrap one.
 *
 * @param m - the model's results
 * @param metric - the metric
 * @param ci - `evaluation.ci`
 * @param stop - the results' `earlyStop`, if any
 * @returns the interval, or null when the metric has none
 * @example
 * quotedInterval(model, 'accuracy', 0.95, results.earlyStop)?.kind; // 'sequence'
 */
export function quotedInterval(
  m: ModelResult,
  metric: string,
  ci: number,
  stop: EarlyStopResult | undefined,
): QuotedInterval | null {
  if (stop?.stopped) {
    const seq = stop.models
      .find((x) => x.model === m.name)
      ?.sequences.find((x) => x.metric === metric);
    // an empty sequence bounds nothing: quote the bootstrap interval, as the summary does
    if (seq !== undefined && !sequenceIsEmpty(seq)) {
      const level = stop.confidence;
      return { low: seq.lower, high: seq.upper, level, kind: 'sequence', afterStop: false };
    }
  }
  const s = m.metrics[metric];
  if (!s || s.ciLow === null || s.ciHigh === null) return null;
  const afterStop = stop?.stopped === true;
  return { low: s.ciLow, high: s.ciHigh, level: ci, kind: 'bootstrap', afterStop };
}

/**
 * `95% interval` or `97.5% confidence sequence`: what a sentence calls a quoted interval.
 *
 * @param q - the interval
 * @returns the words
 * @example
 * intervalName({ low: 0.9, high: 0.95, level: 0.95, kind: 'sequence', afterStop: false }); // '95% confidence sequence'
 */
export function intervalName(q: QuotedInterval): string {
  return `${levelText(q.level)} ${q.kind === 'sequence' ? 'confidence sequence' : 'interval'}`;
}
