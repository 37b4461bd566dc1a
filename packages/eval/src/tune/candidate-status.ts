/** What a candidate's status says: whether it won, where halving dropped it, where the budget stopped it. */
export interface CandidateStatusFacts {
  /** whether it is the search's winner */
  readonly winner: boolean;
  /** the rung after which successive halving dropped it (null when it was not dropped) */
  readonly prunedAtRung: number | null;
  /** the halving rung the budget stopped partway while it was in it (null otherwise) */
  readonly budgetStoppedAtRung: number | null;
  /** the rung the final comparison used for it (null when it was dropped before) */
  readonly rankedOnRung: number | 'test' | null;
}

/**
 * A candidate's status in words, the same in `tune.json`, the terminal leaderboard and
 * report.html: `winner`; `winner, chosen on rung 0 (the budget stopped rung 1)` for a winner
 * compared on the rung before the one the budget stopped (it was not dropped: it won);
 * `pruned after rung 0` (halving dropped it there); `stopped at rung 1 by the budget` (compared
 * on the rung before); empty otherwise.
 *
 * @param c - what is known of the candidate
 * @returns the status
 * @example
 * candidateStatus({ winner: true, prunedAtRung: null, budgetStoppedAtRung: 1, rankedOnRung: 0 }); // 'winner, chosen on rung 0 (the budget stopped rung 1)'
 * candidateStatus({ winner: false, prunedAtRung: 0, budgetStoppedAtRung: null, rankedOnRung: null }); // 'pruned after rung 0'
 */
export function candidateStatus(c: CandidateStatusFacts): string {
  if (c.winner) {
    if (c.budgetStoppedAtRung === null) return 'winner';
    const on = c.rankedOnRung === null ? '' : `, chosen on rung ${c.rankedOnRung}`;
    return `winner${on} (the budget stopped rung ${c.budgetStoppedAtRung})`;
  }
  if (c.prunedAtRung !== null) return `pruned after rung ${c.prunedAtRung}`;
  if (c.budgetStoppedAtRung !== null)
    return `stopped at rung ${c.budgetStoppedAtRung} by the budget`;
  return '';
}
