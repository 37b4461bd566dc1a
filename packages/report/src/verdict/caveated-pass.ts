import type { TextPart } from '../format/text-parts.js';
import type { ThresholdResult } from '../results/run-results-schema.js';

/**
 * A passed threshold whose check rests on less than it shows, as its `caveat` says: a `vs
 * baseline` difference of the few predictions both runs have, of a renamed model's
 * predecessor, or of items no paired answer differs on.
 *
 * @param t - one threshold result
 * @returns the sentence, its threshold expression marked as code, or null when the threshold
 *   failed or has no caveat
 * @example
 * const t = { threshold: 'f1_macro vs baseline >= -0.02', model: 'a', metric: 'f1_macro', value: 0, passed: true, caveat: 'only 5 predictions were paired with the baseline run' };
 * caveatedPass(t); // [{ code: 'f1_macro vs baseline >= -0.02' }, ' passes for a, but only 5 predictions were paired with the baseline run.']
 */
export function caveatedPass(t: ThresholdResult): TextPart[] | null {
  if (!t.passed || t.caveat === undefined) return null;
  return [{ code: t.threshold }, ` passes for ${t.model}, but ${t.caveat}.`];
}
