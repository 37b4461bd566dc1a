import { type Price, priceFor } from '@assay/clients';
import { EvaluationError } from '../errors.js';
import { dryRun } from '../run/dry-run.js';
import { recordCandidate } from './candidate-folders.js';
import type { Candidate } from './candidates.js';
import {
  type CandidateEvaluation,
  type EvaluationContext,
  evaluateCandidate,
  type Stage,
  type StoppedSpending,
  stageConfig,
  stageDir,
} from './evaluate-candidate.js';
import type { SearchConfig } from './search-schema.js';

/**
 * Requests and dollars spent so far. What the search has paid for is `sent + resumedPaid`:
 * requests this run sent, and the answers resumed from journals that an earlier run of the
 * search sent; answers from the response cache (now or then) cost nothing.
 */
export interface Spent {
  /** requests this run sent to the service */
  sent: number;
  /** answers the response cache gave this run */
  cached: number;
  /** answers resumed from the journals of an earlier run */
  resumed: number;
  /** of `resumed`, those the earlier run paid for (the others came from the cache then) */
  resumedPaid: number;
  /**
   * dollars paid: for the requests sent, this run and by an earlier run (`sent + resumedPaid`);
   * null when what some of them cost is unknown (an evaluation that paid for requests has no
   * cost: its model has no price), so a known part is never reported as the whole
   */
  costUsd: number | null;
}

/**
 * The dollars spent after one more evaluation: unknown (null) once an evaluation that paid for
 * requests has no cost (its model has no price), whatever the others cost; an evaluation that
 * paid for nothing (every answer from the cache) leaves the sum as it was.
 *
 * @param spent - the dollars spent so far (null when unknown)
 * @param e - the evaluation: what it paid for (`sent`, `resumedPaid`) and its `costUsd`
 * @returns the new sum
 * @example
 * spentAfter(0.25, { sent: 40, resumedPaid: 0, costUsd: 0.5 }); // 0.75
 * spentAfter(0.25, { sent: 40, resumedPaid: 0, costUsd: null }); // null (that model has no price)
 * spentAfter(0.25, { sent: 0, resumedPaid: 0, costUsd: null }); // 0.25 (nothing paid for)
 */
export function spentAfter(
  spent: number | null,
  e: Pick<CandidateEvaluation, 'sent' | 'resumedPaid' | 'costUsd'>,
): number | null {
  if (e.sent + e.resumedPaid === 0) return spent;
  return spent === null || e.costUsd === null ? null : spent + e.costUsd;
}

/** The dollars of the evaluations whose cost is known (what a cost budget counts). */
function knownCostUsd(state: SearchState): number {
  return state.evaluations.reduce((a, e) => a + (e.costUsd ?? 0), 0);
}

/**
 * Requests the search has paid for, this run and earlier runs it resumed: what
 * `search.budget.requests` counts.
 *
 * @param spent - the search's spending
 * @returns `sent + resumedPaid`
 * @example
 * paidRequests({ sent: 0, cached: 0, resumed: 480, resumedPaid: 404, costUsd: 0 }); // 404
 */
export function paidRequests(spent: Spent): number {
  return spent.sent + spent.resumedPaid;
}

/**
 * What the evaluations sent so far were estimated to cost before sending, and what they cost:
 * their ratio scales the next estimate, so a tokenizer the estimate does not know (characters
 * / 4, where the server counted about one token per 3 characters) cannot let the search spend
 * past its budget.
 */
export interface CostCalibration {
  estimatedUsd: number;
  actualUsd: number;
}

/**
 * The factor to scale a cost estimate by: what earlier evaluations cost over their estimates,
 * but never below 4/3 when input tokens were only estimated as characters / 4 (English text
 * runs at 3 to 4 characters per token), nor below 1.
 *
 * @param calibration - estimates and costs so far
 * @param estimatedTokens - whether the next estimate counted characters / 4
 * @returns the factor
 * @example
 * costFactor({ estimatedUsd: 0.1559, actualUsd: 0.2131 }, true); // 1.3669…
 */
export function costFactor(calibration: CostCalibration, estimatedTokens: boolean): number {
  // never below the characters / 3 floor: earlier candidates dominated by the output bound
  // (ratio below 1) say nothing of how a later, input-heavy one is under-counted
  const floor = estimatedTokens ? 4 / 3 : 1;
  if (calibration.estimatedUsd > 0)
    return Math.max(floor, calibration.actualUsd / calibration.estimatedUsd);
  return floor;
}

/** What the search has done: every evaluation, what it spent, and why it stopped early. */
export interface SearchState {
  readonly evaluations: CandidateEvaluation[];
  readonly spent: Spent;
  /** pruned candidates: index -> rung at which they were dropped */
  readonly pruned: Map<number, number>;
  /**
   * candidates whose halving rung the budget stopped partway: index -> that rung (evaluated on
   * it or not, they are compared on the rung before, the last one they all completed)
   */
  readonly budgetStopped?: Map<number, number>;
  /** set when the budget stopped the search: the sentence saying so */
  stoppedBy: string | null;
  /** estimated against actual cost of the evaluations that sent requests */
  readonly calibration?: CostCalibration;
}

/** Called after every evaluation (the CLI prints a line; the search writes tune.json). */
export type EvaluationListener = (
  e: CandidateEvaluation,
  state: SearchState,
) => Promise<void> | void;

/**
 * Evaluates a candidate unless the budget forbids it: a dry run of the evaluation (which
 * reads the journal and the shared cache) says how many requests it would send and their
 * most cost; when that would go past `search.budget`, nothing is sent and the state records
 * why the search stopped.
 *
 * @param ctx - the search
 * @param search - the search config (its budget)
 * @param state - the search so far (updated)
 * @param candidate - the candidate
 * @param ids - the items
 * @param stage - rung and bracket
 * @param listener - told about the evaluation
 * @returns the evaluation, or null when the budget stopped the search
 * @example
 * const [first] = gridCandidates(setup.space);
 * const ids = input.tuneIds.slice(0, 10);
 * const e = await evaluateWithinBudget(ctx, search, state, first, ids, { rung: 0 }, () => {});
 * e.items; // 10
 */
export async function evaluateWithinBudget(
  ctx: EvaluationContext,
  search: SearchConfig,
  state: SearchState,
  candidate: Candidate,
  ids: readonly string[] | null,
  stage: Stage,
  listener: EvaluationListener,
): Promise<CandidateEvaluation | null> {
  // once the budget stopped the search, the winner's test part is still scored if it fits
  const testing = stage.rung === 'test';
  if (state.stoppedBy !== null && !testing) return null;
  const stop = (why: string): null => {
    state.stoppedBy ??= why;
    return null;
  };
  const { requests, costUsd } = search.budget;
  let estimate = 0;
  if (requests !== undefined || costUsd !== undefined) {
    const plan = await dryRun(stageConfig(ctx, candidate, ids, stage), {
      retryFailed: ctx.retryFailed === true,
    });
    const toSend = plan.models.reduce((a, m) => a + m.toSend, 0);
    estimate = plan.models.reduce((a, m) => a + (m.estimate.costUsd ?? 0), 0);
    const counted = plan.models.some((m) => m.estimate.tokenCounting === 'estimate');
    const cost = estimate * costFactor(state.calibration ?? NO_CALIBRATION, counted);
    const paid = paidRequests(state.spent);
    if (requests !== undefined && paid + toSend > requests) {
      // journaled answers of an earlier, killed search were paid for then: they count, but
      // not those that came from the cache then (they cost nothing)
      return stop(
        `the request budget: ${paid} paid for (${paidParts(state.spent)}), and the next evaluation (c${candidate.index}, ${ids?.length ?? 'all'} items) would send ${toSend} more, past ${requests}`,
      );
    }
    // a cost budget refuses unpriced models before anything is sent: every cost is known here
    const spentUsd = knownCostUsd(state);
    if (costUsd !== undefined && toSend > 0 && spentUsd + cost > costUsd) {
      return stop(
        `the cost budget: $${spentUsd.toFixed(4)} spent, and the next evaluation (c${candidate.index}) is estimated at $${cost.toFixed(4)} more (scaled by what the evaluations so far cost against their estimates), past $${costUsd}`,
      );
    }
  }
  // which candidate's results the folder holds, before any: a later search may renumber them
  await recordCandidate(stageDir(ctx, candidate, stage), candidate, search.space);
  const e = await evaluateCandidate(ctx, candidate, ids, stage, (paid) => addStopped(state, paid));
  state.evaluations.push(e);
  state.spent.sent += e.sent;
  state.spent.cached += e.cached;
  state.spent.resumed += e.resumed;
  state.spent.resumedPaid += e.resumedPaid;
  state.spent.costUsd = spentAfter(state.spent.costUsd, e);
  const actual = e.sentCostUsd ?? 0;
  if (state.calibration !== undefined && estimate > 0 && e.sent > 0) {
    state.calibration.estimatedUsd += estimate;
    state.calibration.actualUsd += actual;
  }
  await listener(e, state);
  return e;
}

/**
 * Adds what an evaluation that stopped partway (an interruption, a failing service) had paid
 * for to the search's spending, so the tune.json written on the stop counts it (a resumed
 * search reports it as paid for by the earlier run).
 */
function addStopped(state: SearchState, paid: StoppedSpending): void {
  state.spent.sent += paid.sent;
  // those an earlier run journaled were paid for then; this run resumed them
  state.spent.resumed += paid.resumedPaid;
  state.spent.resumedPaid += paid.resumedPaid;
  state.spent.costUsd = spentAfter(state.spent.costUsd, paid);
}

/** `404 sent by this run` / `0 sent by this run, 404 by an earlier run it resumed` */
function paidParts(spent: Spent): string {
  const now = `${spent.sent} sent by this run`;
  return spent.resumedPaid === 0
    ? now
    : `${now}, ${spent.resumedPaid} by an earlier run it resumed`;
}

const NO_CALIBRATION: CostCalibration = { estimatedUsd: 0, actualUsd: 0 };

/**
 * A cost budget cannot hold for a model whose requests have no price: it would let every
 * request through. Refused (naming the model) rather than ignored.
 *
 * @param models - a candidate's models (their `model` id and `price`)
 * @throws EvaluationError `INVALID_CONFIG` at `search.budget.costUsd`
 * @example
 * refuseUnpricedModels([{ name: 'nb', model: 'assay-spam-nb', price: { inputPerMTok: 0.1, outputPerMTok: 0.4 } }]); // undefined (a model without a price throws)
 */
export function refuseUnpricedModels(
  models: ReadonlyArray<{ name: string; model: string; price?: Price | undefined }>,
): void {
  const unpriced = models.find((m) => priceFor(m.model, m.price) === undefined);
  if (unpriced === undefined) return;
  throw new EvaluationError(
    'INVALID_CONFIG',
    `search.budget.costUsd cannot be kept: model '${unpriced.name}' has no price, so what its requests cost is unknown; give it a price (models[].price: { inputPerMTok, outputPerMTok }) or budget requests instead (search.budget.requests).`,
    { path: 'search.budget.costUsd' },
  );
}
