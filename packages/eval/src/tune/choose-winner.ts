import { normalQuantile } from '@assay/stats';
import type { CandidateEvaluation } from './evaluate-candidate.js';
import type { PairedGap } from './paired-gap.js';

/** A cheaper candidate must save at least this share of the best's tokens per item to be preferred. */
export const MIN_SAVING = 0.1;

/** The chosen candidate and why. */
export interface Winner {
  /** the chosen candidate's evaluation */
  readonly evaluation: CandidateEvaluation;
  /** `best`: the top score; `one-standard-error`: a cheaper candidate within one standard error of the best */
  readonly rule: 'best' | 'one-standard-error';
  /** the candidate with the top score (the same as the winner under `best`) */
  readonly best: CandidateEvaluation;
  /** one sentence on the choice */
  readonly reason: string;
  /**
   * under `one-standard-error`: the standard error the winner's shortfall was held against, and
   * whose: the paired difference winner − best (`paired-difference`, the default), or the best's
   * own score (`best-score`, read from its interval) when the two could not be paired
   */
  readonly standardError: { readonly value: number; readonly of: SeSource } | null;
  /**
   * the winner's score minus the runner-up's (the best-scoring other candidate that met the
   * constraints), paired on the same items, with its interval and p-value; null when there is
   * no runner-up or the two could not be paired
   */
  readonly versus: PairedGap | null;
}

/** Which standard error the one-standard-error rule used. */
export type SeSource = 'paired-difference' | 'best-score';

/**
 * Ranks two evaluations by the metric (nulls last).
 *
 * @param greater - whether higher values are better
 * @returns a comparator: negative when `a` ranks first
 * @example
 * const evaluations = tuned.candidates.map(candidateRow);
 * evaluations.sort(byMetric(true))[0].value >= evaluations[1].value; // true
 */
export function byMetric(
  greater: boolean,
): (a: CandidateEvaluation, b: CandidateEvaluation) => number {
  return (a, b) => {
    if (a.value === null || b.value === null)
      return a.value === null ? (b.value === null ? 0 : 1) : -1;
    return greater ? b.value - a.value : a.value - b.value;
  };
}

/**
 * The best evaluation that meets the constraints: the top score, an exact tie going to the
 * fewer tokens per item, then the lower index (so every strategy breaks it alike).
 *
 * @param evaluations - the candidates' evaluations on the same items
 * @param greater - whether higher metric values are better
 * @returns the best, or null when none has a value and meets the constraints
 * @example
 * const finalRung = tuned.candidates.map(candidateRow);
 * bestOf(finalRung, true).candidate; // 0
 */
export function bestOf(
  evaluations: readonly CandidateEvaluation[],
  greater: boolean,
): CandidateEvaluation | null {
  const eligible = eligibleOf(evaluations);
  return (
    [...eligible].sort(
      (a, b) =>
        byMetric(greater)(a, b) || a.tokensPerItem - b.tokensPerItem || a.candidate - b.candidate,
    )[0] ?? null
  );
}

/** Evaluations with a value that meet every constraint. */
export function eligibleOf(evaluations: readonly CandidateEvaluation[]): CandidateEvaluation[] {
  return evaluations.filter((e) => e.value !== null && e.constraintFailures.length === 0);
}

/**
 * Whether a candidate saves enough tokens per item against the best to be preferred within
 * the noise ({@link MIN_SAVING}).
 *
 * @param e - the candidate
 * @param best - the best
 * @returns whether it uses at least 10% fewer tokens per item
 * @example
 * const [a, b] = tuned.candidates.map(candidateRow);
 * cheaperThan({ ...a, tokensPerItem: 80 }, { ...b, tokensPerItem: 100 }); // true: 20% fewer tokens per item
 */
export function cheaperThan(e: CandidateEvaluation, best: CandidateEvaluation): boolean {
  return e !== best && e.tokensPerItem <= (1 - MIN_SAVING) * best.tokensPerItem;
}

/**
 * Chooses among evaluations on the same items by the one-standard-error rule (Breiman et al.,
 * *Classification and Regression Trees*, 1984; Hastie, Tibshirani & Friedman, *The Elements
 * of Statistical Learning*, 2009, section 7.10): the best candidate that meets the constraints,
 * unless a cheaper one (at least {@link MIN_SAVING}, 10%, fewer tokens per item) scores within
 * one standard error of it: then the cheapest of those.
 *
 * @param evaluations - the candidates' evaluations on the same items
 * @param greater - whether higher metric values are better
 * @param gaps - candidate index -> its paired difference from the best (candidate − best), for
 *   the cheaper candidates: the standard error of that difference is the one held against the
 *   shortfall (the candidates are scored on the same items, so the paired difference is the
 *   right noise); without one, the standard error of the best's own score (its interval's
 *   width over 2 z)
 * @param ci - the level of the intervals (for z)
 * @returns the winner (`versus` null: {@link decideWinner} fills it), or null when no candidate
 *   has a value and meets the constraints
 * @remarks An exact tie for the best score goes to the fewer tokens per item, then the lower
 *   candidate index. Among the cheaper candidates within one standard error, the fewest tokens
 *   win (then the better score, then the lower index; never latency, which depends on the
 *   order the candidates ran in when the server caches prompts).
 * @example
 * const finalRung = tuned.candidates.map(candidateRow);
 * chooseWinner(finalRung, true, new Map(), 0.95).evaluation.candidate; // 0
 */
export function chooseWinner(
  evaluations: readonly CandidateEvaluation[],
  greater: boolean,
  gaps: ReadonlyMap<number, PairedGap> = new Map(),
  ci = 0.95,
): Winner | null {
  const best = bestOf(evaluations, greater);
  if (best === null) return null;
  const eligible = eligibleOf(evaluations);
  const tied = eligible.filter((e) => e !== best && e.value === best.value);
  const noise = (e: CandidateEvaluation) => standardErrorOf(e, best, gaps, ci);
  const withinNoise = eligible.filter(
    (e) => cheaperThan(e, best) && within(e, best, greater, noise(e)),
  );
  const cheapest = [...withinNoise].sort(
    (a, b) =>
      a.tokensPerItem - b.tokensPerItem || byMetric(greater)(a, b) || a.candidate - b.candidate,
  )[0];
  if (cheapest === undefined) {
    return {
      evaluation: best,
      rule: 'best',
      best,
      standardError: null,
      versus: null,
      reason:
        tied.length === 0
          ? `c${best.candidate} has the best score.`
          : `c${best.candidate} has the best score, tied with ${tied.map((e) => `c${e.candidate}`).join(', ')}; ${tied.every((e) => e.tokensPerItem > best.tokensPerItem) ? `of those it uses the fewest tokens per item (${Math.round(best.tokensPerItem)})` : 'of those with the fewest tokens per item it has the lowest index'}.`,
    };
  }
  const se = noise(cheapest)!;
  const alike = withinNoise.filter(
    (e) =>
      e !== cheapest && e.tokensPerItem === cheapest.tokensPerItem && e.value === cheapest.value,
  );
  const shortfall = Math.abs(best.value! - cheapest.value!);
  return {
    evaluation: cheapest,
    rule: 'one-standard-error',
    best,
    standardError: se,
    versus: null,
    reason: `c${cheapest.candidate} scores ${fmt(cheapest.value)}, ${fmt(shortfall)} short of the best, c${best.candidate} with ${fmt(best.value)}: within one standard error (${fmt(se.value)}, ${se.of === 'paired-difference' ? 'of the paired difference' : "of the best's score"}), and it uses ${Math.round(cheapest.tokensPerItem)} tokens per item against ${Math.round(best.tokensPerItem)}: the cheaper one is chosen (one-standard-error rule)${alike.length === 0 ? '' : `; ${alike.map((e) => `c${e.candidate}`).join(', ')} score${alike.length === 1 ? 's' : ''} and cost${alike.length === 1 ? 's' : ''} the same, and the lower index wins`}.`,
  };
}

/** The standard error a candidate's shortfall is held against (null: none known). */
function standardErrorOf(
  e: CandidateEvaluation,
  best: CandidateEvaluation,
  gaps: ReadonlyMap<number, PairedGap>,
  ci: number,
): Winner['standardError'] {
  const paired = gaps.get(e.candidate)?.standardError;
  if (paired !== null && paired !== undefined) return { value: paired, of: 'paired-difference' };
  if (best.ciLow === null || best.ciHigh === null) return null;
  const z = normalQuantile(1 - (1 - ci) / 2);
  return { value: (best.ciHigh - best.ciLow) / (2 * z), of: 'best-score' };
}

/** Whether `e` scores within one standard error of the best (no standard error: no). */
function within(
  e: CandidateEvaluation,
  best: CandidateEvaluation,
  greater: boolean,
  se: Winner['standardError'],
): boolean {
  if (se === null) return false;
  const shortfall = greater ? best.value! - e.value! : e.value! - best.value!;
  return shortfall <= se.value + 1e-12;
}

function fmt(v: number | null): string {
  return v === null ? '—' : v.toFixed(4);
}
