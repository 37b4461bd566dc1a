import type { Runner } from '@assay/runner';
import {
  bestOf,
  byMetric,
  cheaperThan,
  chooseWinner,
  eligibleOf,
  type Winner,
} from './choose-winner.js';
import type { CandidateEvaluation } from './evaluate-candidate.js';
import { type PairedGap, type PairedGapSettings, pairedGap } from './paired-gap.js';

/** What {@link decideWinner} needs to pair candidates. */
export interface DecideWinnerOptions {
  /** the scoring pool (one is made per comparison otherwise) */
  readonly runner?: Runner;
  /** the ranking metric */
  readonly metric: string;
  /** bootstrap resamples, level and seed of the paired comparisons */
  readonly settings: PairedGapSettings;
  /** whether to measure the winner against the runner-up (default true) */
  readonly versus?: boolean;
}

/**
 * Chooses the winner by the one-standard-error rule with the paired difference's standard
 * error ({@link chooseWinner}): each candidate cheap enough to be preferred is paired with the
 * best on the same items (as `assay compare` pairs two runs); then the winner is measured
 * against the runner-up, the best-scoring other candidate that met the constraints.
 *
 * @param evaluations - the candidates' evaluations on the same items
 * @param greater - whether higher metric values are better
 * @param options - runner, metric, bootstrap settings
 * @returns the winner with `versus`, or null when no candidate has a value and meets the constraints
 * @example
 * const finals = tuned.candidates.map(candidateRow);
 * const runner = createRunner();
 * const winner = await decideWinner(finals, true, { runner, metric: 'f1_macro', settings: { bootstrap: 1000, ci: 0.95, seed: 0 } });
 * await runner.close();
 * winner.evaluation.candidate; // 0
 */
export async function decideWinner(
  evaluations: readonly CandidateEvaluation[],
  greater: boolean,
  options: DecideWinnerOptions,
): Promise<Winner | null> {
  const best = bestOf(evaluations, greater);
  if (best === null) return null;
  const gap = (a: CandidateEvaluation, b: CandidateEvaluation) =>
    pairedGap(options.runner, a, b, options.metric, options.settings);
  const gaps = new Map<number, PairedGap>();
  for (const e of eligibleOf(evaluations)) {
    if (cheaperThan(e, best) && e.items === best.items) gaps.set(e.candidate, await gap(e, best));
  }
  const winner = chooseWinner(evaluations, greater, gaps, options.settings.ci)!;
  if (options.versus === false) return winner;
  const runnerUp = eligibleOf(evaluations)
    .filter((e) => e !== winner.evaluation)
    .sort(
      (a, b) =>
        byMetric(greater)(a, b) || a.tokensPerItem - b.tokensPerItem || a.candidate - b.candidate,
    )[0];
  if (runnerUp === undefined) return winner;
  const known = runnerUp === best ? gaps.get(winner.evaluation.candidate) : undefined;
  return { ...winner, versus: known ?? (await gap(winner.evaluation, runnerUp)) };
}
