import type { ServiceStats } from '../results/run-results-schema.js';
import { fmt, MISSING_VALUE } from './format-number.js';

/** Below this many output tokens per answer, a decode speed measures the request, not decoding. */
const MIN_OUTPUT_TOKENS = 2;

/**
 * Why the decode speed is missing for short answers: the footnote beside its {@link MISSING_VALUE}.
 *
 * @example
 * SHORT_ANSWERS_NOTE; // 'decode tok/s per request: — where answers average fewer than 2 output tokens…'
 */
export const SHORT_ANSWERS_NOTE =
  'decode tok/s per request: — where answers average fewer than 2 output tokens (a one-token label); tokens over request time then measure the round trip, not decoding.';

/**
 * Whether a model's answers are too short for a decode speed: fewer than 2 output tokens per
 * answered request on average.
 *
 * @param s - the model's service figures
 * @returns true when the figure would mean nothing
 * @example
 * shortAnswers({ ...service, answered: 200, outputTokens: 200 }); // true
 */
export function shortAnswers(s: Pick<ServiceStats, 'answered' | 'outputTokens'>): boolean {
  return s.answered > 0 && s.outputTokens / s.answered < MIN_OUTPUT_TOKENS;
}

/**
 * The per-request decode speed to show: one decimal, or {@link MISSING_VALUE} when the answers
 * are too short for it (see {@link shortAnswers}) or there is none.
 *
 * @param s - the model's service figures
 * @returns the text
 * @example
 * decodeSpeedText({ ...service, outputTokensPerSecond: 9.5, answered: 200, outputTokens: 200 }); // '—'
 */
export function decodeSpeedText(
  s: Pick<ServiceStats, 'answered' | 'outputTokens' | 'outputTokensPerSecond'>,
): string {
  return shortAnswers(s) ? MISSING_VALUE : fmt(s.outputTokensPerSecond, 1);
}
