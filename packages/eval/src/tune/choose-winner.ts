import type { CandidateEvaluation } from './evaluate-candidate.js';

/** A cheaper candidate must save at least this share of the best's tokens per item to be preferred. */
export const MIN_SAVING = 0.1;

/** The chosen candidate and why. */
export interface Winner {
  /** the chosen candidate's evaluation */
  readonly evaluation: CandidateEvaluation;
  /** `best`: the top score; `one-standard-error`: a cheaper candidate within the noise of the best */
  readonly rule: 'best' | 'one-standard-error';
  /** the candidate with the top score (the same as the winner under `best`) */
  readonly best: CandidateEvaluation;
  /** one sentence on the choice */
  readonly reason: string;
}

/**
 * Ranks two evaluations by the metric (nulls last).
 *
 * @param greater - whether higher values are better
 * @returns a comparator: negative when `a` ranks first
 * @example
 * evaluations.sort(byMetric(true));
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
 * Chooses among evaluations on the same items: the best candidate that meets the constraints,
 * or, when the intervals of cheaper candidates overlap its interval, the cheapest of those (the
 * one-standard-error rule, with the bootstrap interval as the noise).
 *
 * @param evaluations - the candidates' evaluations on the same items
 * @param greater - whether higher metric values are better
 * @returns the winner, or null when no candidate has a value and meets the constraints
 * @remarks An exact tie for the best score goes to the fewer tokens per item, then the lower
 *   candidate index. Cheaper means at least {@link MIN_SAVING} (10%) fewer tokens per item (ties broken by
 *   the better score, then the lower index; never by latency, which depends on the order the
 *   candidates ran in when the server caches prompts); a saving too small to matter never costs score. Hastie,
 *   Tibshirani & Friedman, *The Elements of Statistical Learning* (2009), section 7.10: the
 *   most parsimonious model whose error is within one standard error of the best.
 * @example
 * const winner = chooseWinner(finalRung, true);
 */
export function chooseWinner(
  evaluations: readonly CandidateEvaluation[],
  greater: boolean,
): Winner | null {
  const eligible = evaluations.filter((e) => e.value !== null && e.constraintFailures.length === 0);
  if (eligible.length === 0) return null;
  // an exact tie goes to the candidate with fewer tokens per item, then the lower index, so
  // every strategy breaks it alike (list order differs between them)
  const best = [...eligible].sort(
    (a, b) =>
      byMetric(greater)(a, b) || a.tokensPerItem - b.tokensPerItem || a.candidate - b.candidate,
  )[0]!;
  const tied = eligible.filter((e) => e !== best && e.value === best.value);
  const withinNoise = eligible.filter((e) => overlaps(e, best));
  // not by latency: a candidate measured after another with the same prompts finds them in
  // the server's cache (a prefix cache does the same), so its latency reflects the order run
  const cheapest = [...withinNoise].sort(
    (a, b) =>
      a.tokensPerItem - b.tokensPerItem || byMetric(greater)(a, b) || a.candidate - b.candidate,
  )[0]!;
  const alike = withinNoise.filter(
    (e) =>
      e !== cheapest && e.tokensPerItem === cheapest.tokensPerItem && e.value === cheapest.value,
  );
  if (cheapest === best || cheapest.tokensPerItem > (1 - MIN_SAVING) * best.tokensPerItem) {
    return {
      evaluation: best,
      rule: 'best',
      best,
      reason:
        tied.length === 0
          ? `c${best.candidate} has the best score.`
          : `c${best.candidate} has the best score, tied with ${tied.map((e) => `c${e.candidate}`).join(', ')}; ${tied.every((e) => e.tokensPerItem > best.tokensPerItem) ? `of those it uses the fewest tokens per item (${Math.round(best.tokensPerItem)})` : 'of those with the fewest tokens per item it has the lowest index'}.`,
    };
  }
  return {
    evaluation: cheapest,
    rule: 'one-standard-error',
    best,
    reason: `c${cheapest.candidate} scores ${fmt(cheapest.value)} [${fmt(cheapest.ciLow)}, ${fmt(cheapest.ciHigh)}], within the interval of the best, c${best.candidate} with ${fmt(best.value)} [${fmt(best.ciLow)}, ${fmt(best.ciHigh)}], and uses ${Math.round(cheapest.tokensPerItem)} tokens per item against ${Math.round(best.tokensPerItem)}: the cheaper one is chosen (one-standard-error rule)${alike.length === 0 ? '' : `; ${alike.map((e) => `c${e.candidate}`).join(', ')} score${alike.length === 1 ? 's' : ''} and cost${alike.length === 1 ? 's' : ''} the same, and the lower index wins`}.`,
  };
}

/** Whether `e`'s interval reaches the best's (no interval: only the best itself). */
function overlaps(e: CandidateEvaluation, best: CandidateEvaluation): boolean {
  if (e === best) return true;
  if (e.ciLow === null || e.ciHigh === null || best.ciLow === null || best.ciHigh === null)
    return false;
  return e.ciHigh >= best.ciLow && e.ciLow <= best.ciHigh;
}

function fmt(v: number | null): string {
  return v === null ? '—' : v.toFixed(4);
}
