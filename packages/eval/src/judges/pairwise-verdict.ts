import type { JudgeGrade } from './parse-grade.js';

/** The two orders of one pairwise comparison, combined from the first model's side. */
export type PairwiseOutcome =
  | {
      readonly unscored: false;
      /** from the first model's side: `win`, `tie` or `loss` */
      readonly grade: 'win' | 'tie' | 'loss';
      /** 1, 0.5 or 0 */
      readonly score: number;
      /** whether the two orders disagreed (then the outcome is a tie) */
      readonly swapInconsistent: boolean;
    }
  | { readonly unscored: true; readonly reason: string };

const GRADE_OF_SCORE = { 1: 'win', 0.5: 'tie', 0: 'loss' } as const;

/**
 * Combines a pairwise comparison asked in both orders: first with the first model as
 * assistant A, then with it as assistant B. The verdicts agree when the second, seen from
 * the first model's side, says the same; otherwise the pair counts as a tie and as
 * swap-inconsistent (a verdict that follows the position, not the answers).
 *
 * @remarks Either order unscored leaves the pair unscored (with that order's reason), so
 * the swap-inconsistency rate is over pairs whose both orders were read.
 * @param first - the verdict with the first model as A
 * @param second - the verdict with the first model as B
 * @returns the first model's outcome (the second model's is its mirror: {@link mirrorOutcome})
 * @example
 * combinePairwise({ unscored: false, grade: 'A', score: 1 }, { unscored: false, grade: 'A', score: 1 });
 * // { unscored: false, grade: 'tie', score: 0.5, swapInconsistent: true }
 */
export function combinePairwise(first: JudgeGrade, second: JudgeGrade): PairwiseOutcome {
  if (first.unscored) return { unscored: true, reason: `first order: ${first.reason}` };
  if (second.unscored) return { unscored: true, reason: `swapped order: ${second.reason}` };
  const a = first.score;
  const b = 1 - second.score;
  const agree = a === b;
  const score = agree ? a : 0.5;
  return {
    unscored: false,
    grade: GRADE_OF_SCORE[score as 1 | 0.5 | 0],
    score,
    swapInconsistent: !agree,
  };
}

/**
 * The same pair seen from the second model's side: a win becomes a loss.
 *
 * @param outcome - the first model's outcome
 * @returns the second model's
 * @example
 * mirrorOutcome({ unscored: false, grade: 'win', score: 1, swapInconsistent: false }).grade; // 'loss'
 */
export function mirrorOutcome(outcome: PairwiseOutcome): PairwiseOutcome {
  if (outcome.unscored) return outcome;
  const score = 1 - outcome.score;
  return { ...outcome, score, grade: GRADE_OF_SCORE[score as 1 | 0.5 | 0] };
}
