import { candidateStatus } from './candidate-status.js';
import { type Candidate, candidateLabel } from './candidates.js';
import type { Winner } from './choose-winner.js';
import type { CandidateEvaluation } from './evaluate-candidate.js';
import { type GridPlan, gridRequests } from './grid-requests.js';
import type { MarginalMean } from './marginal-means.js';
import type { NestedEstimate } from './nested-estimate.js';
import type { PaidInJournal } from './paid-requests.js';
import type { PairedGap } from './paired-gap.js';
import { paidRequests, type SearchState, type Spent } from './search-state.js';
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
  /**
   * the halving rung the budget stopped partway while this candidate was in it (evaluated on it
   * or not): its evaluation there, if any, is kept but not compared; null otherwise
   */
  readonly budgetStoppedAtRung: number | null;
  /**
   * the evaluation the final choice compared it on (rung, bracket, items): the leaderboard's
   * row; null for a candidate dropped before the final comparison
   */
  readonly rankedOn: {
    readonly rung: number | 'test';
    readonly bracket: number | null;
    readonly items: number;
  } | null;
  /**
   * the above in words, as the leaderboards show it: `winner`, `winner, chosen on rung 0 (the
   * budget stopped rung 1)`, `pruned after rung 0`, `stopped at rung 1 by the budget`, or empty
   */
  readonly status: string;
}

/** The content of tune.json. */
export interface TuneResults {
  readonly schemaVersion: 1;
  /**
   * false while the search runs (tune.json and report.html are rewritten after every
   * evaluation): then no winner has been chosen yet, and a search that stopped on an error or
   * an interruption leaves it false
   */
  readonly finished: boolean;
  /** what the search did that its config may not say (random search's n, no budget) */
  readonly warnings: readonly string[];
  readonly name: string;
  readonly strategy: string;
  readonly metric: string;
  readonly greaterIsBetter: boolean;
  readonly ci: number;
  readonly space: Readonly<Record<string, readonly unknown[]>>;
  readonly items: { readonly total: number; readonly tuning: number; readonly test: number };
  readonly budget: { readonly requests: number | null; readonly costUsd: number | null };
  /**
   * requests sent, answered by the cache, resumed from journals; dollars of those paid for
   * (`costUsd`: null, never 0, when what some paid requests cost is unknown, a model without a
   * price)
   */
  readonly spent: Spent;
  /**
   * what a full grid asks (`gridRequests`, the one definition every message uses): every
   * candidate's distinct requests on every tuning item, planned before anything was sent, then
   * the winner's on the test part (before a winner, the candidate that asks the most there);
   * sent or answered by the cache alike. Null only in a tune.json written before it was planned.
   */
  readonly gridRequestsEstimate: number | null;
  /**
   * whether `gridRequestsEstimate` is extrapolated rather than planned (nested CV: the outer
   * folds' parts are scaled from each candidate's requests per item; a grid too large to plan
   * item by item: each candidate planned on evenly spaced items and scaled)
   */
  readonly gridRequestsExtrapolated: boolean;
  /** how `gridRequestsEstimate` was had: `nested` and `sampled` are the extrapolated ones */
  readonly gridRequestsBasis: 'planned' | 'sampled' | 'nested';
  /**
   * what every search into this output folder paid for, as the journals of its candidate folders
   * record it (earlier searches' included, their folders moved to `superseded/` too); `spent`
   * is this search's alone. Null while the search runs.
   */
  readonly paidInFolder: PaidInJournal | null;
  /** why the search stopped early (the budget), or null */
  readonly stoppedBy: string | null;
  /**
   * when the budget stopped the search: what the whole search is estimated to pay for, the
   * budget that lets a rerun (which resumes) finish its rungs and score the test part; fewer
   * requests where prompts repeat. `costUsd` scales the dollars paid so far per request (null
   * without prices). Null when the search was not stopped by its budget.
   */
  readonly budgetToFinish: { readonly requests: number; readonly costUsd: number | null } | null;
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
    /** under the one-standard-error rule: the standard error held against the shortfall, and whose */
    readonly standardError: Winner['standardError'];
    /**
     * the winner's score minus the runner-up's (the best-scoring other candidate that met the
     * constraints), paired on the same tuning items, with its interval and p-value
     */
    readonly versus: (PairedGap & { readonly label: string }) | null;
    /** the winner's score on the tuning items: optimistic, being chosen on them */
    readonly tuning: CandidateEvaluation;
    /** why the tuning score is optimistic, in words (`the best of 8 candidates ...`) */
    readonly tuningCaveat: string;
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
  /** whether the search is over (its winner chosen) */
  readonly finished: boolean;
  readonly warnings: readonly string[];
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
  /**
   * the whole search's requests, estimated before sending (`estimatedRequests`; for a search
   * that scores the whole grid, the full grid's figure)
   */
  readonly searchRequests: number;
  /** what each candidate of a full grid asks (`planGridRequests`) */
  readonly gridPlan: GridPlan;
  /** what every search into the output folder paid for (`paidInFolder`); null while it runs */
  readonly paidInFolder?: PaidInJournal | null;
}

/**
 * Assembles tune.json's content from the search's state.
 *
 * @param input - the search and its outcome
 * @returns the results
 * @example
 * const grid = gridCandidates(setup.space);
 * const started = tuneResults({ setup, finished: false, warnings: [], metric: 'f1_macro', greater: true, grid, state, finals: [], winner: null, test: null, items: { total: 40, tuning: 32, test: 8 }, marginal: {}, nested: null, threshold: null, wallMs: 0, searchRequests: 140, gridPlan: { tuning: [32, 32], test: [8, 8], tuningItems: 32, outer: null } });
 * started.coverage; // { evaluated: 0, candidates: 2 }
 */
export function tuneResults(input: TuneResultsInput): TuneResults {
  const { setup, grid, state, winner } = input;
  const spaceAsWritten = setup.search.space;
  const asWritten = (c: Candidate) =>
    Object.fromEntries(Object.entries(c.valueIndex).map(([p, j]) => [p, spaceAsWritten[p]![j]]));
  const evaluated = new Set(state.evaluations.map((e) => e.candidate));
  const winnerCandidate = winner === null ? null : grid[winner.evaluation.candidate]!;
  const fullGrid = gridRequests(input.gridPlan, winnerCandidate?.index ?? null);
  return {
    schemaVersion: 1,
    finished: input.finished,
    warnings: input.warnings,
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
    gridRequestsEstimate: fullGrid.requests,
    gridRequestsExtrapolated: fullGrid.extrapolated,
    gridRequestsBasis: fullGrid.nested ? 'nested' : fullGrid.extrapolated ? 'sampled' : 'planned',
    paidInFolder: input.paidInFolder ?? null,
    stoppedBy: state.stoppedBy,
    budgetToFinish: state.stoppedBy === null ? null : budgetToFinish(state, input.searchRequests),
    coverage: { evaluated: evaluated.size, candidates: grid.length },
    candidates: grid
      .filter((c) => evaluated.has(c.index))
      .map((c) => {
        const prunedAtRung = state.pruned.get(c.index) ?? null;
        const budgetStoppedAtRung = state.budgetStopped?.get(c.index) ?? null;
        const ranked = rankedOn(input, c.index);
        return {
          index: c.index,
          label: candidateLabel(asWritten(c)),
          settings: asWritten(c),
          evaluations: state.evaluations.filter((e) => e.candidate === c.index),
          prunedAtRung,
          budgetStoppedAtRung,
          rankedOn: ranked,
          status: candidateStatus({
            winner: winnerCandidate?.index === c.index,
            prunedAtRung,
            budgetStoppedAtRung,
            rankedOnRung: ranked?.rung ?? null,
          }),
        };
      }),
    winner:
      winner === null || winnerCandidate === null
        ? null
        : {
            index: winnerCandidate.index,
            label: candidateLabel(asWritten(winnerCandidate)),
            settings: asWritten(winnerCandidate),
            rule: winner.rule,
            reason: winner.reason,
            standardError: winner.standardError,
            versus:
              winner.versus === null
                ? null
                : {
                    ...winner.versus,
                    label: candidateLabel(asWritten(grid[winner.versus.against]!)),
                  },
            tuning: winner.evaluation,
            tuningCaveat: tuningCaveat(winner, evaluated.size),
            test: input.test,
          },
    marginalMeans: input.marginal,
    nested: input.nested,
    threshold: input.threshold,
    wallMs: input.wallMs,
  };
}

/** The final comparison's evaluation of a candidate (the winner's own where it was chosen). */
function rankedOn(input: TuneResultsInput, index: number): TunedCandidate['rankedOn'] {
  const own = input.finals.filter((e) => e.candidate === index);
  const e =
    own.find((x) => x === input.winner?.evaluation) ??
    own.reduce<CandidateEvaluation | undefined>(
      (a, b) => (a === undefined || b.items > a.items ? b : a),
      undefined,
    );
  return e === undefined ? null : { rung: e.rung, bracket: e.bracket ?? null, items: e.items };
}

/**
 * Why the winner's tuning score is optimistic: it was chosen on the items it was scored on.
 * It is "the best of N" only when the rule kept the top score.
 */
function tuningCaveat(winner: Winner, candidates: number): string {
  const n = `${candidates} candidate${candidates === 1 ? '' : 's'}`;
  if (winner.rule === 'best')
    return candidates === 1
      ? 'optimistic: chosen on these items'
      : `optimistic: the best of ${n} scored on these items`;
  return `optimistic: chosen on these items among ${n}, though not the top score (c${winner.best.candidate} scored ${winner.best.value?.toFixed(4) ?? '—'}; the one-standard-error rule chose the cheaper one)`;
}

/**
 * The budget a search stopped by it needs to finish: the whole search's estimate (the budget
 * counts what earlier runs paid for, so a rerun needs the whole, not the rest), never below
 * what was paid; dollars at the cost so far per paid request.
 */
function budgetToFinish(
  state: SearchState,
  estimate: number,
): NonNullable<TuneResults['budgetToFinish']> {
  const paid = paidRequests(state.spent);
  const requests = Math.max(estimate, paid);
  const usd = state.spent.costUsd;
  return { requests, costUsd: usd === null || paid === 0 ? null : (usd / paid) * requests };
}
