import type { DatasetItem } from '../datasets/dataset-item.js';
import { selectIds } from '../run/load-run-dataset.js';
import type { RequestPlan } from '../run/plan.js';
import { planRunOn } from '../run/plan-run.js';
import type { Candidate } from './candidates.js';
import { type EvaluationContext, type Stage, stageConfig } from './evaluate-candidate.js';

/** What every candidate of the grid asks, planned before anything is sent. */
export interface GridPlan {
  /** per candidate (by index): its distinct requests on every tuning item */
  readonly tuning: readonly number[];
  /** per candidate: its distinct requests on the test part (0 without one) */
  readonly test: readonly number[];
  /** the tuning items (under nested CV: every item) */
  readonly tuningItems: number;
  /** nested cross-validation's outer folds, or null */
  readonly outer: number | null;
}

/** A full grid's requests, and whether the figure is extrapolated rather than planned. */
export interface GridRequests {
  readonly requests: number;
  readonly extrapolated: boolean;
}

/**
 * Plans what a full grid asks: every candidate's run config on every tuning item and on the
 * test part, planned as the run would plan it (prompts that repeat, e.g. of texts cut short by
 * `maxFieldChars`, are one request each). Planning reads nothing but the items given, so a
 * whole grid costs less than loading the data set once.
 *
 * @param ctx - the search
 * @param grid - every candidate
 * @param items - the data set's items, as loaded for the search (no `dataset.ids`)
 * @param ids - the tuning and test items' ids
 * @param outer - nested cross-validation's outer folds, or null
 * @returns the plan of each candidate's requests
 * @example
 * const ids = { tuning: tuneItems.slice(0, 30).map((i) => i.id), test: tuneItems.slice(30).map((i) => i.id) };
 * planGridRequests(ctx, gridCandidates(setup.space), tuneItems, ids, null).tuning; // [30, 30]
 */
export function planGridRequests(
  ctx: EvaluationContext,
  grid: readonly Candidate[],
  items: readonly DatasetItem[],
  ids: { readonly tuning: readonly string[]; readonly test: readonly string[] },
  outer: number | null,
): GridPlan {
  const asked = (c: Candidate, stageIds: readonly string[], stage: Stage): number => {
    const config = stageConfig(ctx, c, stageIds, stage);
    const own =
      config.dataset.ids === undefined ? [...items] : selectIds(items, config.dataset.ids);
    return distinctRequests(planRunOn(config, own).plans.get(config.models[0]!.name)!);
  };
  return {
    tuning: grid.map((c) => asked(c, ids.tuning, { rung: 0 })),
    test: grid.map((c) => (ids.test.length === 0 ? 0 : asked(c, ids.test, { rung: 'test' }))),
    tuningItems: ids.tuning.length,
    outer,
  };
}

/** One request per distinct prompt and sample: what the run's journal keys. */
function distinctRequests(plan: RequestPlan): number {
  return new Set(plan.tasks.map((t) => `${t.promptHash}#${t.sample}`)).size;
}

/**
 * The one definition of "a full grid" that every message and `tune.json`
 * (`gridRequestsEstimate`) use: every candidate scored on every tuning item, then the winner
 * on the test part, counted in distinct requests (sent or answered by the cache alike). Until
 * a winner is chosen, the test part counts the candidate that asks the most there. Under
 * nested cross-validation the grid runs once per outer fold on the other folds (the chosen
 * candidate then scored on the held-out fold) and once on every item: those folds are not
 * planned, so their requests are extrapolated from each candidate's requests per item.
 *
 * @param plan - what each candidate asks ({@link planGridRequests})
 * @param winner - the winner's index, or null before one is chosen
 * @returns the requests, and whether they are extrapolated
 * @example
 * gridRequests({ tuning: [240, 224], test: [60, 57], tuningItems: 240, outer: null }, 1); // { requests: 521, extrapolated: false }
 */
export function gridRequests(plan: GridPlan, winner: number | null): GridRequests {
  const tuning = plan.tuning.reduce((a, b) => a + b, 0);
  const mostTest = Math.max(0, ...plan.test);
  const test = winner === null ? mostTest : (plan.test[winner] ?? mostTest);
  if (plan.outer === null) return { requests: tuning + test, extrapolated: false };
  // the outer folds' training parts hold every item outer − 1 times, their held-out parts once
  const n = Math.max(1, plan.tuningItems);
  const mostPerItem = Math.max(0, ...plan.tuning.map((t) => t / n));
  return {
    requests: Math.round(tuning * plan.outer + mostPerItem * plan.tuningItems),
    extrapolated: true,
  };
}

/**
 * A full grid's requests in words, the same in the warnings, the summary and report.html.
 *
 * @param grid - the figure ({@link gridRequests})
 * @param items - the tuning and test items
 * @returns the phrase
 * @example
 * fullGridPhrase({ requests: 1366, extrapolated: false }, { tuning: 240, test: 60 }); // 'a full grid asks 1366 requests, sent or answered by the cache (every candidate on the 240 tuning items, then the winner on the 60 test items)'
 */
export function fullGridPhrase(
  grid: GridRequests,
  items: { readonly tuning: number; readonly test: number },
): string {
  if (grid.extrapolated)
    return `a full grid asks about ${grid.requests} requests, sent or answered by the cache (every candidate by inner CV on each outer fold's training part, the chosen one on the held-out fold, then every candidate on all ${items.tuning} items; extrapolated from each candidate's requests per item)`;
  const test = items.test === 0 ? '' : `, then the winner on the ${items.test} test items`;
  return `a full grid asks ${grid.requests} requests, sent or answered by the cache (every candidate on the ${items.tuning} tuning items${test})`;
}
