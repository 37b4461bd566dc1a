import { type Candidate, randomCandidates } from './candidates.js';
import { byMetric } from './choose-winner.js';
import type { DecideWinnerOptions } from './decide-winner.js';
import type { CandidateEvaluation, EvaluationContext } from './evaluate-candidate.js';
import { halvingRungs, survivorsOf } from './halving-rungs.js';
import type { SearchConfig } from './search-schema.js';
import { type EvaluationListener, evaluateWithinBudget, type SearchState } from './search-state.js';
import { DEFAULT_RANDOM_N } from './search-warnings.js';

/** What a strategy needs: the search, its state, the candidates and the tuning items in order. */
export interface StrategyInput {
  readonly ctx: EvaluationContext;
  readonly search: SearchConfig;
  readonly state: SearchState;
  readonly grid: readonly Candidate[];
  /** tuning item ids in the stratified order: a rung of n items is the first n */
  readonly tuneIds: readonly string[];
  readonly greater: boolean;
  readonly listener: EvaluationListener;
  /** nested cross-validation: the outer fold whose training part is searched */
  readonly outer?: number;
  /** how the winner is chosen: the paired comparisons of the one-standard-error rule */
  readonly pairing?: DecideWinnerOptions;
}

/**
 * Runs the configured strategy and returns the evaluations the winner is chosen from: every
 * candidate's on all tuning items (grid, random), the last rung reached (successive halving),
 * or every bracket's last rung (hyperband).
 *
 * @param input - the search
 * @returns the final evaluations (fewer when the budget stopped the search)
 * @example
 * const finals = await runStrategy(input);
 * finals.map((e) => e.candidate); // [0, 1]
 */
export async function runStrategy(input: StrategyInput): Promise<CandidateEvaluation[]> {
  const { search, grid, tuneIds } = input;
  switch (search.strategy) {
    case 'grid':
      return evaluateAll(input, grid, tuneIds, 0);
    case 'random':
      return evaluateAll(
        input,
        randomCandidates(grid, search.n ?? DEFAULT_RANDOM_N, search.seed),
        tuneIds,
        0,
      );
    case 'successive-halving':
      return halve(
        input,
        grid,
        halvingRungs(grid.length, tuneIds.length, search.eta, search.minItems),
      );
    case 'hyperband':
      return hyperband(input);
  }
}

async function evaluateAll(
  input: StrategyInput,
  candidates: readonly Candidate[],
  ids: readonly string[],
  rung: number,
  bracket?: number,
): Promise<CandidateEvaluation[]> {
  const out: CandidateEvaluation[] = [];
  for (const c of candidates) {
    const stage = {
      rung,
      ...(bracket === undefined ? {} : { bracket }),
      ...(input.outer === undefined ? {} : { outer: input.outer }),
    };
    const e = await evaluateWithinBudget(
      input.ctx,
      input.search,
      input.state,
      c,
      ids,
      stage,
      input.listener,
    );
    if (e === null) break;
    out.push(e);
  }
  return out;
}

/**
 * Successive halving over the given rungs: every candidate on the first rung's items, then the
 * best 1/eta on the next rung's (a superset, so their earlier answers come from the cache).
 */
async function halve(
  input: StrategyInput,
  candidates: readonly Candidate[],
  rungs: readonly number[],
  bracket?: number,
): Promise<CandidateEvaluation[]> {
  let alive = [...candidates];
  let last: CandidateEvaluation[] = [];
  for (let r = 0; r < rungs.length; r++) {
    const done = await evaluateAll(input, alive, input.tuneIds.slice(0, rungs[r]!), r, bracket);
    // stopped by the budget inside a rung: the last complete rung compares candidates fairly
    if (done.length < alive.length) {
      if (r === 0) return done;
      for (const c of alive) input.state.budgetStopped?.set(c.index, r);
      return last;
    }
    last = done;
    if (r === rungs.length - 1) break;
    // constraint failures rank after every candidate that meets them; equal scores go to the
    // cheaper candidate, as the final choice would
    const ranked = [...done].sort(
      (a, b) =>
        Number(a.constraintFailures.length > 0) - Number(b.constraintFailures.length > 0) ||
        byMetric(input.greater)(a, b) ||
        a.tokensPerItem - b.tokensPerItem,
    );
    const keep = new Set(
      ranked.slice(0, survivorsOf(done.length, input.search.eta)).map((e) => e.candidate),
    );
    for (const c of alive) if (!keep.has(c.index)) input.state.pruned.set(c.index, r);
    alive = alive.filter((c) => keep.has(c.index));
  }
  return last;
}

/**
 * Hyperband (Li et al., JMLR 2018): brackets of successive halving that trade the number of
 * candidates against the items each starts with; candidates drawn at random from the grid.
 */
async function hyperband(input: StrategyInput): Promise<CandidateEvaluation[]> {
  const { search, grid, tuneIds } = input;
  const sMax = halvingRungs(grid.length, tuneIds.length, search.eta, search.minItems).length - 1;
  const finals: CandidateEvaluation[] = [];
  for (let s = sMax; s >= 0; s--) {
    const n = Math.min(grid.length, Math.ceil(((sMax + 1) / (s + 1)) * search.eta ** s));
    const rungs = Array.from({ length: s + 1 }, (_, r) =>
      Math.ceil(tuneIds.length / search.eta ** (s - r)),
    );
    finals.push(...(await halve(input, randomCandidates(grid, n, search.seed + s), rungs, s)));
    if (input.state.stoppedBy !== null) break;
  }
  return finals;
}
