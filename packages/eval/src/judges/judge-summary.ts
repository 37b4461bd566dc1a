import {
  type AgreementPair,
  type AgreementWeights,
  type JudgeAgreement,
  judgeAgreement,
} from './judge-agreement.js';
import type { JudgeMode } from './judge-schema.js';
import { type Estimate, type JudgeBootstrap, judgeScoreInterval } from './judge-score-interval.js';
import type { PairwiseOutcome } from './pairwise-verdict.js';
import { defaultGradeLabels, type JudgeGrade } from './parse-grade.js';

/** A grade of one answer, or (pairwise) the combined outcome of one pair for one model. */
export type JudgeVerdict = JudgeGrade | PairwiseOutcome;

/** One judge draw: one grading of one answer (one repeat). */
export interface JudgedDraw {
  /** the item: the bootstrap's cluster */
  readonly item: string;
  /** the answer graded (item and sample): its repeats are compared for the flip rate */
  readonly answer: string;
  /** repeat index r, 0-based */
  readonly repeat: number;
  /** the grade, or why there is none (a failed request, an unreadable answer) */
  readonly verdict: JudgeVerdict;
  /** the item's human grade, one of the agreement labels; null or absent: none */
  readonly human?: string | null | undefined;
}

/** What `models[].judge` of `results.json` holds. */
export interface JudgeResult {
  client: string;
  mode: JudgeMode;
  temperature: number;
  seed: number | null;
  repeats: number;
  graded: number;
  unscored: number;
  unscoredReasons: Array<{ reason: string; count: number }>;
  grades: Record<string, number>;
  flipRate: number | null;
  swapInconsistency?: number | null;
  agreement?: JudgeAgreement & { column: string; weights: AgreementWeights };
}

/** The settings a summary records and uses. */
export interface JudgeSummaryOptions {
  /** the judge's name */
  readonly client: string;
  readonly mode: JudgeMode;
  readonly temperature: number;
  /** the seed sent with each request; null when the provider takes none */
  readonly seed: number | null;
  readonly repeats: number;
  /** resamples, level and seed of the intervals (the run's `evaluation`) */
  readonly bootstrap: JudgeBootstrap;
  /** the human grade column, when configured */
  readonly humanGrade?:
    | {
        readonly column: string;
        readonly weights: AgreementWeights;
        readonly labels?: readonly string[] | undefined;
      }
    | undefined;
}

/** A model's judge summary: the results block and its two metrics. */
export interface JudgeSummary {
  readonly result: JudgeResult;
  /** metric `judge_score`: mean grade score in [0, 1] */
  readonly score: Estimate;
  /** metric `judge_kappa`, with a human grade column */
  readonly kappa?: Estimate | undefined;
}

function countBy<T>(values: readonly T[]): Map<T, number> {
  const out = new Map<T, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
}

/**
 * Flip rate: the share of answers graded at least twice whose grades are not all equal.
 *
 * @param draws - scored draws
 * @param repeats - configured repeats; 1 gives null
 * @returns the share, or null with one repeat or no answer graded twice
 */
function flipRate(draws: readonly JudgedDraw[], repeats: number): number | null {
  if (repeats <= 1) return null;
  const byAnswer = new Map<string, Set<string>>();
  const graded = new Map<string, number>();
  for (const d of draws) {
    if (d.verdict.unscored) continue;
    const grades = byAnswer.get(d.answer) ?? new Set<string>();
    grades.add(d.verdict.grade);
    byAnswer.set(d.answer, grades);
    graded.set(d.answer, (graded.get(d.answer) ?? 0) + 1);
  }
  let eligible = 0;
  let flipped = 0;
  for (const [answer, grades] of byAnswer) {
    if (graded.get(answer)! < 2) continue;
    eligible++;
    if (grades.size > 1) flipped++;
  }
  return eligible === 0 ? null : flipped / eligible;
}

/**
 * Summarizes one model's judge draws: counts of grades and of unscored draws with their
 * reasons, the flip rate across repeats, the pairwise swap inconsistency, the mean score
 * with an item-and-draw bootstrap interval, and the agreement with the human grades.
 *
 * @remarks
 * `judge_score` is the mean score over scored draws ({@link judgeScoreInterval}); unscored
 * draws are counted, never scored as wrong. The flip rate is over answers graded at least
 * twice (null with `repeats` 1). The swap inconsistency (pairwise) is the share of scored
 * pairs whose two orders disagreed. The agreement ({@link judgeAgreement}) pairs every
 * scored draw with its item's human grade.
 * @param draws - every draw of the model (one per answer and repeat; pairwise: per pair and repeat)
 * @param options - the judge's settings and the bootstrap
 * @returns the results block and the metrics
 * @example
 * const s = summarizeJudge(
 *   [{ item: '1', answer: '1', repeat: 0, verdict: { unscored: false, grade: 'C', score: 1 } }],
 *   { client: 'j', mode: 'closedqa', temperature: 0, seed: 0, repeats: 1, bootstrap: { resamples: 0, level: 0.95, seed: 0 } },
 * );
 * s.score.value; // 1
 */
export function summarizeJudge(
  draws: readonly JudgedDraw[],
  options: JudgeSummaryOptions,
): JudgeSummary {
  const scored = draws.filter((d) => !d.verdict.unscored);
  const reasons = countBy(draws.flatMap((d) => (d.verdict.unscored ? [d.verdict.reason] : [])));
  const gradeCounts = countBy(scored.map((d) => (d.verdict.unscored ? '' : d.verdict.grade)));
  const order = defaultGradeLabels(options.mode);
  const grades: Record<string, number> = {};
  for (const g of [...order, ...[...gradeCounts.keys()].filter((g) => !order.includes(g))]) {
    const c = gradeCounts.get(g);
    if (c !== undefined) grades[g] = c;
  }
  const perItem = new Map<string, number[]>();
  for (const d of draws) {
    const scores = perItem.get(d.item) ?? [];
    if (!d.verdict.unscored) scores.push(d.verdict.score);
    perItem.set(d.item, scores);
  }
  const result: JudgeResult = {
    client: options.client,
    mode: options.mode,
    temperature: options.temperature,
    seed: options.seed,
    repeats: options.repeats,
    graded: scored.length,
    unscored: draws.length - scored.length,
    unscoredReasons: [...reasons]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    grades,
    flipRate: flipRate(draws, options.repeats),
  };
  if (options.mode === 'pairwise') {
    const inconsistent = scored.filter(
      (d) => 'swapInconsistent' in d.verdict && d.verdict.swapInconsistent,
    ).length;
    result.swapInconsistency = scored.length === 0 ? null : inconsistent / scored.length;
  }
  const score = judgeScoreInterval([...perItem.values()], options.bootstrap);
  const human = options.humanGrade;
  if (human === undefined) return { result, score };
  const pairs: AgreementPair[] = scored.flatMap((d) =>
    d.human === null || d.human === undefined || d.verdict.unscored
      ? []
      : [{ item: d.item, human: d.human, judge: d.verdict.grade }],
  );
  const agreement = judgeAgreement(pairs, {
    labels: human.labels ?? defaultGradeLabels(options.mode),
    weights: human.weights,
    bootstrap: options.bootstrap,
  });
  result.agreement = { column: human.column, weights: human.weights, ...agreement };
  return {
    result,
    score,
    kappa: { value: agreement.kappa, ciLow: agreement.ciLow, ciHigh: agreement.ciHigh },
  };
}
