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

/**
 * What a leaderboard row says of the constraints: those missed, as `threshold (value)`, then
 * those the evaluation's items could not check, as `threshold not checkable (needs 72 timed
 * requests)`: a point value shown there would read as a miss it is not.
 *
 * @param e - an evaluation
 * @returns the notes, empty when every constraint was met
 * @example
 * constraintNotes({ constraintFailures: ['error_rate <= 0.01 (0.05)'], constraintsUnchecked: ['p95_latency_ms.ci_high <= 2000 not checkable (needs 72 timed requests)'] });
 * // ['error_rate <= 0.01 (0.05)', 'p95_latency_ms.ci_high <= 2000 not checkable (needs 72 timed requests)']
 */
export function constraintNotes(
  e: Pick<CandidateEvaluation, 'constraintFailures' | 'constraintsUnchecked'>,
): string[] {
  return [...e.constraintFailures, ...(e.constraintsUnchecked ?? [])];
}
