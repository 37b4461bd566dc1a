import type { CandidateEvaluation } from './evaluate-candidate.js';
import type { TunedCandidate } from './tune-results.js';

/**
 * The evaluation a candidate's leaderboard row shows (terminal and report.html alike): the one
 * the final choice compared (`rankedOn`), else its evaluation on the most items.
 *
 * @param c - a candidate of `tune.json`
 * @returns its row's evaluation
 * @example
 * candidateRow(tuned.candidates[0]).items; // 32: the tuning items its score was compared on
 */
export function candidateRow(c: TunedCandidate): CandidateEvaluation {
  const tuning = c.evaluations.filter((e) => e.rung !== 'test');
  const on = c.rankedOn;
  const ranked =
    on === null
      ? undefined
      : tuning.find(
          (e) => e.rung === on.rung && (e.bracket ?? null) === on.bracket && e.items === on.items,
        );
  return ranked ?? tuning.reduce((a, b) => (b.items > a.items ? b : a));
}
