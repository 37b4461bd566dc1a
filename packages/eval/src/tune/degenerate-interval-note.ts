import type { CandidateEvaluation } from './evaluate-candidate.js';

/**
 * The note for a score whose bootstrap interval has no width: every resample scored the same
 * (30 of 30 right, say), so the bootstrap cannot show how sure the figure is. With no error
 * among n items, the rule of three bounds the error rate below 3/n at 95% confidence.
 *
 * @param e - an evaluation (the winner's test part, say)
 * @param metric - the metric it scores: the error-rate bound is given for `accuracy` only
 * @returns the note, or null when the interval has width or there is none
 * @remarks Rule of three: for 0 events in n trials, the one-sided 95% upper bound of the rate
 *   is about 3/n (Hanley & Lippman-Hand, JAMA 1983; exactly 1 − 0.05^(1/n)).
 * @example
 * const perfect = { ...candidateRow(tuned.candidates[0]), items: 30, value: 1, ciLow: 1, ciHigh: 1 };
 * degenerateIntervalNote(perfect, 'accuracy'); // 'every bootstrap resample of the 30 items scored 1.0000, so the interval has no width …'
 */
export function degenerateIntervalNote(e: CandidateEvaluation, metric: string): string | null {
  if (e.value === null || e.ciLow === null || e.ciHigh === null || e.ciLow !== e.ciHigh)
    return null;
  const head = `every bootstrap resample of the ${e.items} items scored ${e.value.toFixed(4)}, so the interval has no width and cannot show how sure the figure is`;
  // the rule of three bounds a share of items answered wrong: accuracy alone is that share
  if (metric !== 'accuracy' || e.value !== 1 || e.items === 0) return `${head}.`;
  const bound = 1 - 0.05 ** (1 / e.items);
  return `${head}: with no error among ${e.items} items, the error rate is below ${bound.toFixed(3)} at 95% confidence (the rule of three, about 3/n), more items would narrow it.`;
}
