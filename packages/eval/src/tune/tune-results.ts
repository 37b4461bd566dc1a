import { type Candidate, candidateLabel } from './candidates.js';
import type { Winner } from './choose-winner.js';
import type { CandidateEvaluation } from './evaluate-candidate.js';
import type { MarginalMean } from './marginal-means.js';
import type { NestedEstimate } from './nested-estimate.js';
import type { SearchState, Spent } from './search-state.js';
import type { ThresholdTuning } from './threshold-tuning.js';
import type { TuneSetup } from './tune-setup.js';

/** One candidate in tune.json. */
export interface TunedCandidate {
  readonly index: number;
  /** short settings label, e.g. `maxFieldChars=300` */
  readonly label: string;
  /** path -> value (a `file:` value as written in the space) */
  readonly settings: Readonly<Record<string, unknown>>;
  /** every evaluation of the candidate, rung by rung */
  readonly evaluations: readonly CandidateEvaluation[];
  /** the rung after which successive halving dropped it; null when it was not dropped */
  readonly prunedAtRung: number | null;
}

/** The content of tune.json. */
export interface TuneResults {
  readonly schemaVersion: 1;
  readonly name: string;
  readonly strategy: string;
  readonly metric: string;
  readonly greaterIsBetter: boolean;
  readonly ci: number;
  readonly space: Readonly<Record<string, readonly unknown[]>>;
  readonly items: { readonly total: number; readonly tuning: number; readonly test: number };
  readonly budget: { readonly requests: number | null; readonly costUsd: number | null };
  /** requests sent, answered by the cache, resumed from journals; dollars of those sent */
  readonly spent: Spent;
  /** a full grid's requests on every tuning item, for comparison (estimated from the first evaluation) */
  readonly gridRequestsEstimate: number | null;
  /** why the search stopped early (the budget), or null */
  readonly stoppedBy: string | null;
  /** how much of the space the search saw */
  readonly coverage: { readonly evaluated: number; readonly candidates: number };
  readonly candidates: readonly TunedCandidate[];
  /** the chosen candidate, or null when none met the constraints */
  readonly winner: {
    readonly index: number;
    readonly label: string;
    readonly settings: Readonly<Record<string, unknown>>;
    readonly rule: Winner['rule'];
    readonly reason: string;
    /** the winner's score on the tuning items: optimistic, being the best of several */
    readonly tuning: CandidateEvaluation;
    /** its score on the held-out test items: the honest estimate (null when not run) */
    readonly test: CandidateEvaluation | null;
  } | null;
  /** the effect of each parameter: mean score per value over the first rung's candidates */
  readonly marginalMeans: Readonly<Record<string, readonly MarginalMean[]>>;
  /** nested cross-validation: each outer fold's choice and its score, and the pooled estimate */
  readonly nested: NestedEstimate | null;
  /** `search.threshold`: the tuned decision threshold and its gain (null when not asked) */
  readonly threshold: ThresholdTuning | null;
  readonly wallMs: number;
}

/** Everything {@link tuneResults} assembles. */
export interface TuneResultsInput {
  readonly setup: TuneSetup;
  readonly metric: string;
  readonly greater: boolean;
  readonly grid: readonly Candidate[];
  readonly state: SearchState;
  readonly finals: readonly CandidateEvaluation[];
  readonly winner: Winner | null;
  readonly test: CandidateEvaluation | null;
  readonly items: TuneResults['items'];
  readonly marginal: TuneResults['marginalMeans'];
  readonly nested: NestedEstimate | null;
  readonly threshold: ThresholdTuning | null;
  readonly wallMs: number;
}

/**
 * Assembles tune.json's content from the search's state.
 *
 * @param input - the search and its outcome
 * @returns the results
 * @example
 * const json = JSON.stringify(tuneResults(input), null, 2);
 */
export function tuneResults(input: TuneResultsInput): TuneResults {
  const { setup, grid, state, winner } = input;
  const spaceAsWritten = setup.search.space;
  const asWritten = (c: Candidate) =>
    Object.fromEntries(Object.entries(c.valueIndex).map(([p, j]) => [p, spaceAsWritten[p]![j]]));
  const evaluated = new Set(state.evaluations.map((e) => e.candidate));
  const firstRung = state.evaluations.filter(
    (e) => e.rung === 0 && e.items > 0 && e.bracket === state.evaluations[0]?.bracket,
  );
  const winnerCandidate = winner === null ? null : grid[winner.evaluation.candidate]!;
  return {
    schemaVersion: 1,
    name: setup.base.name,
    strategy: setup.search.strategy,
    metric: input.metric,
    greaterIsBetter: input.greater,
    ci: setup.base.evaluation.ci,
    space: spaceAsWritten,
    items: input.items,
    budget: {
      requests: setup.search.budget.requests ?? null,
      costUsd: setup.search.budget.costUsd ?? null,
    },
    spent: { ...state.spent },
    gridRequestsEstimate: gridEstimate(firstRung, input.items.tuning, grid.length),
    stoppedBy: state.stoppedBy,
    coverage: { evaluated: evaluated.size, candidates: grid.length },
    candidates: grid
      .filter((c) => evaluated.has(c.index))
      .map((c) => ({
        index: c.index,
        label: candidateLabel(asWritten(c)),
        settings: asWritten(c),
        evaluations: state.evaluations.filter((e) => e.candidate === c.index),
        prunedAtRung: state.pruned.get(c.index) ?? null,
      })),
    winner:
      winner === null || winnerCandidate === null
        ? null
        : {
            index: winnerCandidate.index,
            label: candidateLabel(asWritten(winnerCandidate)),
            settings: asWritten(winnerCandidate),
            rule: winner.rule,
            reason: winner.reason,
            tuning: winner.evaluation,
            test: input.test,
          },
    marginalMeans: input.marginal,
    nested: input.nested,
    threshold: input.threshold,
    wallMs: input.wallMs,
  };
}

/**
 * What a full grid on every tuning item would ask: the first rung's distinct requests per item
 * (duplicate prompts, e.g. of truncated texts, are asked once), scaled to the tuning items and
 * to every candidate.
 */
function gridEstimate(
  firstRung: readonly CandidateEvaluation[],
  tuning: number,
  candidates: number,
): number | null {
  if (firstRung.length === 0) return null;
  const perItem = firstRung.reduce((a, e) => a + e.requests / e.items, 0) / firstRung.length;
  return Math.round(perItem * tuning * candidates);
}
