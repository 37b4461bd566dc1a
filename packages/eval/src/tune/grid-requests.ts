import type { DatasetItem } from '../datasets/dataset-item.js';
import { EvaluationError } from '../errors.js';
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
  /** whether the counts were planned on a sample of the items and scaled to them all */
  readonly sampled?: boolean;
}

/**
 * The prompts a grid's plan renders at most: past it, each candidate is planned on evenly
 * spaced items and its count scaled, so a large grid on a large data set costs seconds, not
 * minutes, before anything is sent.
 */
export const GRID_PLAN_RENDERS = 200_000;

/** Every `step`-th id, from the first: a sample spread over the whole list. */
function spread(ids: readonly string[], size: number): readonly string[] {
  if (size >= ids.length) return ids;
  const step = ids.length / size;
  return Array.from({ length: size }, (_, i) => ids[Math.floor(i * step)]!);
}

/** A full grid's requests, and whether the figure is extrapolated rather than planned. */
export interface GridRequests {
  readonly requests: number;
  readonly extrapolated: boolean;
  /** extrapolated over nested cross-validation's outer folds (else over a sample of items) */
  readonly nested?: boolean;
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
 * @param renders - the prompts to render at most (default {@link GRID_PLAN_RENDERS})
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
  renders = GRID_PLAN_RENDERS,
): GridPlan {
  const all = ids.tuning.length + ids.test.length;
  const share = Math.min(1, renders / Math.max(1, grid.length * all));
  const sample = {
    tuning: spread(ids.tuning, Math.max(1, Math.ceil(ids.tuning.length * share))),
    test: spread(ids.test, Math.ceil(ids.test.length * share)),
  };
  const asked = (c: Candidate, part: 'tuning' | 'test', stage: Stage): number => {
    const stageIds = sample[part];
    if (stageIds.length === 0) return 0;
    const config = stageConfig(ctx, c, stageIds, stage);
    const own =
      config.dataset.ids === undefined ? [...items] : selectIds(items, config.dataset.ids);
    let planned: number;
    try {
      planned = distinctRequests(planRunOn(config, own).plans.get(config.models[0]!.name)!);
    } catch (error) {
      if (!(error instanceof EvaluationError)) throw error;
      throw new EvaluationError(error.code, `candidate c${c.index}: ${error.message}`, {
        ...(error.path === undefined ? {} : { path: error.path }),
        cause: error,
      });
    }
    // a sample's distinct requests, scaled to the part's items
    return Math.round((planned * ids[part].length) / stageIds.length);
  };
  return {
    tuning: grid.map((c) => asked(c, 'tuning', { rung: 0 })),
    test: grid.map((c) => asked(c, 'test', { rung: 'test' })),
    tuningItems: ids.tuning.length,
    outer,
    ...(share < 1 ? { sampled: true } : {}),
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
  if (plan.outer === null) return { requests: tuning + test, extrapolated: plan.sampled === true };
  // the outer folds' training parts hold every item outer − 1 times, their held-out parts once
  const n = Math.max(1, plan.tuningItems);
  const mostPerItem = Math.max(0, ...plan.tuning.map((t) => t / n));
  return {
    requests: Math.round(tuning * plan.outer + mostPerItem * plan.tuningItems),
    extrapolated: true,
    nested: true,
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
  if (grid.extrapolated && !grid.nested) {
    const test = items.test === 0 ? '' : `, then the winner on the ${items.test} test items`;
    return `a full grid asks about ${grid.requests} requests, sent or answered by the cache (every candidate on the ${items.tuning} tuning items${test}; each candidate planned on evenly spaced items and scaled, the grid being too large to plan item by item)`;
  }
  if (grid.extrapolated)
    return `a full grid asks about ${grid.requests} requests, sent or answered by the cache (every candidate by inner CV on each outer fold's training part, the chosen one on the held-out fold, then every candidate on all ${items.tuning} items; extrapolated from each candidate's requests per item)`;
  const test = items.test === 0 ? '' : `, then the winner on the ${items.test} test items`;
  return `a full grid asks ${grid.requests} requests, sent or answered by the cache (every candidate on the ${items.tuning} tuning items${test})`;
}
