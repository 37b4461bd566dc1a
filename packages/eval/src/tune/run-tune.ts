import { createRunner, type Runner } from '@assay/runner';
import { higherIsBetter } from '../config/metric-names.js';
import type { DatasetItem } from '../datasets/dataset-item.js';
import { EvaluationError } from '../errors.js';
import { loadRunDataset } from '../run/load-run-dataset.js';
import type { ThresholdMetric } from './binary-decision-metrics.js';
import { setAsideStaleCandidates } from './candidate-folders.js';
import { type Candidate, candidateLabel, gridCandidates } from './candidates.js';
import type { Winner } from './choose-winner.js';
import { type DecideWinnerOptions, decideWinner } from './decide-winner.js';
import {
  type CandidateEvaluation,
  candidateConfig,
  type EvaluationContext,
} from './evaluate-candidate.js';
import { type GridRequests, gridRequests, planGridRequests } from './grid-requests.js';
import { stratifiedOrder } from './item-order.js';
import { marginalMeans } from './marginal-means.js';
import { type NestedEstimate, nestedEstimate } from './nested-estimate.js';
import { type PaidInJournal, paidInFolder } from './paid-requests.js';
import type { SearchConfig } from './search-schema.js';
import {
  type EvaluationListener,
  evaluateWithinBudget,
  refuseUnpricedModels,
  type SearchState,
} from './search-state.js';
import {
  estimatedRequests,
  noBudgetWarning,
  randomNWarning,
  scoresFullGrid,
} from './search-warnings.js';
import { runStrategy } from './strategies.js';
import { type ThresholdTuning, tuneThreshold } from './threshold-tuning.js';
import { type TuneResults, tuneResults } from './tune-results.js';
import type { TuneSetup } from './tune-setup.js';
import { searchStages, uncheckableConstraints } from './uncheckable-constraints.js';

/** Options of {@link runTune}. */
export interface RunTuneOptions {
  /** stops the search: the evaluation in progress ends as an interrupted run does (rerun to resume) */
  readonly signal?: AbortSignal;
  /** stops the search gently: the requests in flight finish and are journaled, then as `signal` */
  readonly drain?: AbortSignal;
  /** as `assay run --retry-failed`: re-send the requests an earlier search journaled as failed */
  readonly retryFailed?: boolean;
  /**
   * told, before anything is sent, what the search will do that the config may not say: random
   * search's `n` clipped to the grid or defaulted, no budget (with the requests estimated)
   */
  readonly onWarning?: (message: string) => void;
  /** told after every evaluation, with the results so far (tune.json is written from them) */
  readonly onEvaluation?: (e: CandidateEvaluation, results: TuneResults) => Promise<void> | void;
  /**
   * told when the search stops on an error or an interruption, before it is thrown, with the
   * results so far (`finished` false): a search that stopped at its first evaluation has told
   * `onEvaluation` nothing, and its tune.json must still say it has not finished
   */
  readonly onStop?: (results: TuneResults) => Promise<void> | void;
}

/** The results so far of a search under way, once it has its items and candidates. */
interface SearchProgress {
  snapshot?: () => TuneResults;
}

/**
 * Runs a search: orders the items (seeded, stratified), keeps a test part aside, evaluates the
 * candidates by the strategy within the budget, chooses the winner (one-standard-error rule
 * within the noise), and scores the winner once on the test part.
 *
 * @param setup - the checked tune config ({@link loadTuneConfig})
 * @param options - abort signal, progress, what to do when the search stops early
 * @returns the search's results (the content of tune.json)
 * @throws EvaluationError `INVALID_CONFIG` when a candidate makes an invalid run config (naming
 *   the candidate and the path); `RUN_FAILED` when an evaluation's requests failed beyond
 *   `evaluation.maxFailedFraction` (a dead or unreachable service); or as `assay run` does
 * @example
 * const found = await runTune(await tuneSetup({ ...setup.raw, search: setup.search, output: { dir: join(dir, 'tune') } }, dir));
 * found.winner?.settings; // { 'prompt.template': '{{text}}' }
 */
export async function runTune(
  setup: TuneSetup,
  options: RunTuneOptions = {},
): Promise<TuneResults> {
  const runner = createRunner();
  const progress: SearchProgress = {};
  try {
    return await runSearch(setup, options, runner, progress);
  } catch (error) {
    if (progress.snapshot !== undefined && options.onStop !== undefined) {
      // the stop's cause is what to report: failing to record it must not replace it
      await Promise.resolve(options.onStop(progress.snapshot())).catch(() => undefined);
    }
    throw error;
  } finally {
    await runner.close();
  }
}

async function runSearch(
  setup: TuneSetup,
  options: RunTuneOptions,
  runner: Runner,
  progress: SearchProgress,
): Promise<TuneResults> {
  const started = Date.now();
  const { search } = setup;
  const { metric } = setup;
  const ctx = evaluationContext(setup, options, runner);
  const grid = gridCandidates(setup.space);
  checkCandidates(ctx, grid, search.space, search.budget.costUsd !== undefined);
  const { total, tuneIds, testIds, items } = await splitItems(setup, ctx, grid);
  const outer = search.nested === 'none' ? null : search.nested.outer;
  const gridPlan = planGridRequests(ctx, grid, items, { tuning: tuneIds, test: testIds }, outer);
  // a search that scores the whole grid is estimated by the grid's own plan: one figure
  const searchRequests = scoresFullGrid(search, grid.length)
    ? gridRequests(gridPlan, null).requests
    : estimatedRequests(search, grid.length, tuneIds.length, testIds.length);
  const warnings = searchWarnings(setup, grid.length, tuneIds.length, testIds.length, {
    estimate: searchRequests,
    grid: gridRequests(gridPlan, null),
  });
  // once the search is known to start: folders of another space's candidates are moved aside
  warnings.unshift(...(await setAsideStaleCandidates(ctx.outDir, grid, search.space)));
  for (const w of warnings) options.onWarning?.(w);
  const state = newSearchState();
  const greater = higherIsBetter(metric);
  // while the search runs there is no winner yet: evaluations on different rungs do not compare
  let nested: NestedEstimate | null = null;
  let threshold: ThresholdTuning | null = null;
  const pairing = pairingOf(setup, runner);
  // read from every journal of the folder: at the end (or a stop) only, not per evaluation
  const folderPaid = () => paidInFolder(ctx.outDir, setup.base.models[0]!.name);
  const snapshot = (
    finals: readonly CandidateEvaluation[] | null,
    winner: Winner | null,
    test: CandidateEvaluation | null,
    paid: PaidInJournal | null = null,
  ) =>
    tuneResults({
      setup,
      finished: finals !== null,
      warnings,
      metric,
      greater,
      grid,
      state,
      finals: finals ?? [],
      winner,
      test,
      items: { total, tuning: tuneIds.length, test: testIds.length },
      marginal: marginalOf(setup, grid, state),
      nested,
      threshold,
      wallMs: Date.now() - started,
      searchRequests,
      gridPlan,
      paidInFolder: paid,
    });
  progress.snapshot = () => snapshot(null, null, null, folderPaid());
  const listener: EvaluationListener = (e) => options.onEvaluation?.(e, snapshot(null, null, null));
  const input = { ctx, search, state, grid, tuneIds, greater, listener, pairing };
  if (search.nested !== 'none') {
    nested = await nestedEstimate(input, setup, search.nested.outer);
  }
  // the procedure on every tuning item chooses the settings that best.yaml keeps
  const finals = await runStrategy(input);
  const winner = await decideWinner(finals, greater, pairing);
  const test = await testWinner(ctx, search, state, grid, winner, testIds);
  if (search.threshold && winner !== null)
    threshold = await winnerThreshold(setup, winner, test, testIds.length);
  return snapshot(finals, winner, test, folderPaid());
}

/** The items' ids in search order (seeded, stratified): the tuning part, then the test part. */
async function splitItems(
  setup: TuneSetup,
  ctx: EvaluationContext,
  grid: readonly Candidate[],
): Promise<{ total: number; tuneIds: string[]; testIds: string[]; items: DatasetItem[] }> {
  const { search } = setup;
  const items = await loadRunDataset(candidateConfig(ctx, grid[0]!, null, ctx.outDir));
  const order = stratifiedOrder(items, search.seed);
  // nested CV estimates from its outer folds: no test part is kept aside
  const nTest =
    search.nested !== 'none' || order.length < 2
      ? 0
      : Math.max(1, Math.round(order.length * search.testFraction));
  const tuneIds = order.slice(0, order.length - nTest).map((it) => it.id);
  const testIds = order.slice(order.length - nTest).map((it) => it.id);
  return { total: order.length, tuneIds, testIds, items };
}

/** The winner scored once on the test part; `null` without a winner or a test part. */
async function testWinner(
  ctx: EvaluationContext,
  search: SearchConfig,
  state: SearchState,
  grid: readonly Candidate[],
  winner: Winner | null,
  testIds: readonly string[],
): Promise<CandidateEvaluation | null> {
  if (winner === null || testIds.length === 0) return null;
  return evaluateWithinBudget(
    ctx,
    search,
    state,
    grid[winner.evaluation.candidate]!,
    testIds,
    { rung: 'test' },
    () => undefined,
  );
}

/**
 * The decision threshold tuned on the winner's tuning answers, checked on its test answers;
 * without them (the budget stopped the search first) its verdict names the unscored items.
 */
function winnerThreshold(
  setup: TuneSetup,
  winner: Winner,
  test: CandidateEvaluation | null,
  testItems: number,
): Promise<ThresholdTuning> {
  return tuneThreshold(winner.evaluation.dir, test?.dir ?? null, {
    metric: setup.metric as ThresholdMetric,
    positiveLabel: (setup.base.task as { positiveLabel: string }).positiveLabel,
    folds: 5,
    seed: setup.search.seed,
    unscoredTestItems: test === null ? testItems : 0,
  });
}

/** What every evaluation of the search shares. */
function evaluationContext(
  setup: TuneSetup,
  options: RunTuneOptions,
  runner: Runner,
): EvaluationContext {
  const { search } = setup;
  return {
    raw: setup.raw,
    baseDir: setup.baseDir,
    outDir: setup.base.output.dir,
    metric: setup.metric,
    constraints: search.constraints,
    runner,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.drain === undefined ? {} : { drain: options.drain }),
    ...(search.nested === 'none' ? {} : { innerFolds: search.nested.inner }),
    ...(options.retryFailed === true ? { retryFailed: true } : {}),
  };
}

function newSearchState(): SearchState {
  return {
    evaluations: [],
    spent: { sent: 0, cached: 0, resumed: 0, resumedPaid: 0, costUsd: 0 },
    calibration: { estimatedUsd: 0, actualUsd: 0 },
    pruned: new Map(),
    budgetStopped: new Map(),
    stoppedBy: null,
  };
}

/**
 * How candidates are paired for the one-standard-error rule and the winner's paired
 * difference from the runner-up: as `assay compare`, with at least 1,000 resamples.
 */
function pairingOf(setup: TuneSetup, runner: Runner): DecideWinnerOptions {
  const { evaluation } = setup.base;
  return {
    runner,
    metric: setup.metric,
    settings: {
      bootstrap: Math.max(1000, evaluation.bootstrap),
      ci: evaluation.ci,
      seed: evaluation.seed,
    },
  };
}

/**
 * What the search will do that its config may not say, before anything is sent; a constraint
 * no evaluation of the search could check is refused here (`uncheckableConstraints`).
 */
function searchWarnings(
  setup: TuneSetup,
  candidates: number,
  tuning: number,
  test: number,
  requests: { estimate: number; grid: GridRequests },
): string[] {
  const { search } = setup;
  const out: string[] = [];
  const n = randomNWarning(search, candidates);
  if (n !== null) out.push(n);
  const task = setup.base.task as { samples?: number };
  out.push(
    ...uncheckableConstraints(
      search.constraints,
      searchStages(search, candidates, tuning, test),
      setup.base.evaluation.ci,
      task.samples ?? 1,
    ),
  );
  if (search.budget.requests === undefined && search.budget.costUsd === undefined)
    out.push(
      noBudgetWarning(search, candidates, requests.estimate, requests.grid, { tuning, test }),
    );
  return out;
}

/** A config path in one spelling: `models[0].params` and `models.0.params` read alike. */
const dotted = (path: string): string => path.replace(/\[(\d+)\]/g, '.$1');

/**
 * The space key a run-config error is about: the one whose path is, contains or lies within
 * the path of one of the error's issues (the longest such key); the first key when none does.
 */
function spaceKeyOf(error: EvaluationError, keys: readonly string[]): string {
  const issuePaths = [error.path, ...(error.issues ?? []).map((i) => i.path)]
    .filter((p): p is string => typeof p === 'string' && p !== '')
    .map(dotted);
  const related = keys.filter((k) => {
    const key = dotted(k);
    return issuePaths.some((p) => p === key || p.startsWith(`${key}.`) || key.startsWith(`${p}.`));
  });
  return related.sort((a, b) => dotted(b).length - dotted(a).length)[0] ?? keys[0]!;
}

/**
 * Every candidate must make a valid run config before anything is sent. The message names the
 * candidate as the progress lines do (its label, from the values as written: a `file:` value
 * by its file name), since the resolved values may be whole prompt files.
 */
function checkCandidates(
  ctx: EvaluationContext,
  grid: readonly Candidate[],
  space: Readonly<Record<string, readonly unknown[]>>,
  costBudget: boolean,
): void {
  for (const c of grid) {
    let config: ReturnType<typeof candidateConfig>;
    try {
      config = candidateConfig(ctx, c, null, ctx.outDir);
    } catch (error) {
      if (!(error instanceof EvaluationError) || error.code !== 'INVALID_CONFIG') throw error;
      const paths = Object.keys(c.settings);
      const at = spaceKeyOf(error, paths);
      const written = Object.fromEntries(paths.map((p) => [p, space[p]![c.valueIndex[p]!]]));
      throw new EvaluationError(
        'INVALID_CONFIG',
        `search.space.${at}: candidate c${c.index} (${candidateLabel(written)}) makes an invalid run config: ${error.message}`,
        { path: `search.space.${at}`, cause: error },
      );
    }
    // every candidate, before anything is sent: a search that varies the model must not pay
    // for priced candidates and then stop at an unpriced one
    if (costBudget) refuseUnpricedModels(config.models);
  }
}

/** Marginal means over the first rung, where every evaluated candidate saw the same items. */
function marginalOf(setup: TuneSetup, grid: readonly Candidate[], state: SearchState) {
  const first = new Map<number, number | null>();
  const firstItems = state.evaluations.find((e) => e.rung !== 'test')?.items;
  for (const e of state.evaluations) {
    if (e.rung === 0 && e.items === firstItems && !first.has(e.candidate))
      first.set(e.candidate, e.value);
  }
  return marginalMeans(
    setup.search.space,
    grid,
    (c) => first.get(c.index) ?? null,
    setup.base.evaluation.ci,
  );
}
