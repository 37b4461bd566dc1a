import { fmt, levelText } from '../format/format-number.js';
import type { TextPart } from '../format/text-parts.js';
import type { ModelResult, ThresholdResult } from '../results/run-results-schema.js';

const PATTERN = /(>=|<=|==|>|<)\s*(-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*$/i;

/**
 * The sentence saying that a passed threshold on a task metric is not certain: the metric's
 * interval reaches past the bound, so the same model on other items of the same kind
 * could fail it.
 *
 * @param t - one threshold result
 * @param m - the model it was checked on
 * @param ci - the confidence level (`evaluation.ci`)
 * @returns the sentence, its threshold expression marked as code, or null when the threshold failed, names a service metric, has
 *   no interval, reads an interval end or a baseline, or the interval stays on the passing side
 * @example
 * uncertainPass(threshold, model, 0.95); // [{ code: 'f1_macro >= 0.8' }, ' passes for nb, but the 95% interval of f1_macro (0.749 to 0.899) reaches below 0.8: …']
 */
export function uncertainPass(t: ThresholdResult, m: ModelResult, ci: number): TextPart[] | null {
  const s = m.metrics[t.metric];
  const match = PATTERN.exec(t.threshold);
  if (!t.passed || !s || !match) return null;
  // after evaluation.stop the check read the confidence sequence its rule followed
  const sequence = t.interval === 'confidence-sequence';
  const low = sequence ? (t.ciLow ?? null) : s.ciLow;
  const high = sequence ? (t.ciHigh ?? null) : s.ciHigh;
  if (low === null || high === null) return null;
  // an interval threshold already gates on the interval; a baseline one on a difference
  if ((t.bound !== undefined && t.bound !== 'value') || t.against !== undefined) return null;
  const bound = Number(match[2]);
  const op = match[1]!;
  const crosses = op.startsWith('>') ? low < bound : op.startsWith('<') ? high > bound : false;
  if (!crosses) return null;
  const side = op.startsWith('>') ? 'below' : 'above';
  const name = sequence
    ? `${levelText(t.level ?? ci)} confidence sequence`
    : `${Math.round(ci * 100)}% interval`;
  return [
    { code: t.threshold },
    ` passes for ${m.name}, but the ${name} of ${t.metric} (${fmt(low)} to ${fmt(high)}) reaches ${side} ${match[2]}: on other items of the same kind it could fail.`,
  ];
}
