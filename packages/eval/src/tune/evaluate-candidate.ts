import { join } from 'node:path';
import type { RunResults, ThresholdResult } from '@assay/report';
import type { Runner } from '@assay/runner';
import { parseRunConfig } from '../config/load-config.js';
import type { RunConfig } from '../config/run-config-schema.js';
import { EvaluationError } from '../errors.js';
import { runEvaluation } from '../run/run-from-config.js';
import { percentileBoundSize, percentileMetric } from '../summary/percentile-bound-size.js';
import { notRepresentative } from '../summary/representativeness.js';
import type { Candidate } from './candidates.js';
import { setConfigPath } from './config-paths.js';
import { paidInJournal } from './paid-requests.js';

/** What one candidate scored on one set of items. */
export interface CandidateEvaluation {
  /** the candidate's index in the grid */
  readonly candidate: number;
  /** the halving rung (0 for grid and random; `test` is the held-out evaluation) */
  readonly rung: number | 'test';
  /** hyperband's bracket (absent for other strategies) */
  readonly bracket?: number;
  /** nested cross-validation: the outer fold whose training part this evaluation belongs to */
  readonly outer?: number;
  /** the metric per fold of the evaluation's own cross-validation (the inner folds when nested) */
  readonly folds: readonly (number | null)[];
  /** items evaluated */
  readonly items: number;
  /** the ranking metric's value on these items, its bootstrap interval (null when undefined) */
  readonly value: number | null;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  /** distinct requests of this evaluation, and where they came from */
  readonly requests: number;
  readonly sent: number;
  readonly cached: number;
  readonly resumed: number;
  /**
   * of the `resumed` answers, those an earlier run of the search paid for (sent then); the others
   * came from the response cache then and cost nothing: a budget counts `sent + resumedPaid`
   */
  readonly resumedPaid: number;
  /**
   * dollars paid for this evaluation's requests, in this run and earlier runs of a resumed
   * search (`sent + resumedPaid`); answers from the response cache cost nothing and are left
   * out, though they keep the cost of the request that first paid for them (null without prices)
   */
  readonly costUsd: number | null;
  /** of `costUsd`, the dollars of the requests sent in this run (null without prices) */
  readonly sentCostUsd: number | null;
  /** tokens per item (input + output): the cost the one-standard-error rule compares */
  readonly tokensPerItem: number;
  /** 95th percentile latency of the answers sent (ms), null when all came from the cache */
  readonly p95LatencyMs: number | null;
  /** constraints not met, as `threshold (value)` */
  readonly constraintFailures: readonly string[];
  /**
   * constraints these items could not check (a percentile's interval end needs more timed
   * requests than the evaluation had), as `threshold not checkable (needs 72 timed requests)`:
   * not failures, so they neither prune nor demote the candidate (absent in older tune.json)
   */
  readonly constraintsUnchecked?: readonly string[];
  /** the run's output folder */
  readonly dir: string;
}

/** What every evaluation of a search shares. */
export interface EvaluationContext {
  /** the tune config without `search`, as read (paths relative to `baseDir`) */
  readonly raw: Record<string, unknown>;
  /** the folder of the config file */
  readonly baseDir: string;
  /** where the search writes (each evaluation in `candidates/`) */
  readonly outDir: string;
  /** the ranking metric */
  readonly metric: string;
  /** `search.constraints`: they replace the config's thresholds while tuning */
  readonly constraints: readonly string[];
  /** stops the evaluation in progress */
  readonly signal?: AbortSignal;
  /** stops it gently: requests in flight finish and are journaled first */
  readonly drain?: AbortSignal;
  /** one scoring pool for every evaluation (starting a pool per evaluation cost more than scoring) */
  readonly runner?: Runner;
  /** nested cross-validation: tuning evaluations score candidates by stratified k-fold with this k */
  readonly innerFolds?: number;
  /** as `assay run --retry-failed`: requests journaled as failed are sent again */
  readonly retryFailed?: boolean;
}

/**
 * The run config of a candidate on given items: the space's values set at their paths, the
 * items named by id, the metric computed, the constraints as thresholds and the search's one
 * response cache (so an answer paid for once is never paid for again).
 *
 * @param ctx - the search
 * @param candidate - the settings
 * @param ids - the items
 * @param dir - the run's output folder
 * @param evaluation - fields that replace the config's `evaluation` ones (the split)
 * @returns the validated run config
 * @throws EvaluationError `INVALID_CONFIG` naming the path when a value breaks the run schema
 * @example
 * const [first] = gridCandidates(setup.space);
 * candidateConfig(ctx, first, ['spam-2/00001', 'easy-ham-2/00001'], join(dir, 'c0-r0')).prompt.template; // '{{text}}'
 */
export function candidateConfig(
  ctx: EvaluationContext,
  candidate: Candidate,
  ids: readonly string[] | null,
  dir: string,
  evaluation: Readonly<Record<string, unknown>> = {},
): RunConfig {
  let raw = ctx.raw;
  for (const [path, value] of Object.entries(candidate.settings))
    raw = setConfigPath(raw, path, value);
  const dataset = (raw.dataset ?? {}) as Record<string, unknown>;
  const written = { ...((raw.evaluation ?? {}) as Record<string, unknown>) };
  // a space that adds few-shot examples to a zero-shot config ('all', which has no training part):
  // those candidates take the default split with examples, stratified k-fold
  const fewShot = ((raw.prompt as { fewShot?: { count?: unknown } } | undefined)?.fewShot?.count ??
    0) as number;
  if (written.method === 'all' && fewShot > 0) delete written.method;
  // a split the search sets replaces the user's: the user's k, testSize and repeats were not
  // written for it (the split's own k, if any, comes with it), so no warning names them
  if (evaluation.method !== undefined) {
    delete written.k;
    delete written.testSize;
    delete written.repeats;
  }
  const metrics = Array.isArray(written.metrics) ? (written.metrics as unknown[]) : [];
  raw = {
    ...raw,
    dataset: ids === null ? dataset : { ...dataset, ids: [...ids] },
    evaluation: {
      ...written,
      metrics: metrics.includes(ctx.metric) ? metrics : [...metrics, ctx.metric],
      ...evaluation,
    },
    thresholds: [...ctx.constraints],
    cache: join(ctx.outDir, 'cache.sqlite'),
  };
  return parseRunConfig(raw, { baseDir: ctx.baseDir, outputDir: dir });
}

/** What an evaluation that stopped partway had paid for, as its journal holds it. */
export interface StoppedSpending {
  /** requests its journal gained this run */
  readonly sent: number;
  /** requests an earlier run had journaled (resumed, paid for then) */
  readonly resumedPaid: number;
  /** the journal's cost in all, when the model has a price */
  readonly costUsd: number | null;
}

/**
 * Runs one candidate on the given items (resuming its journal if the folder has one) and
 * reads what the search needs from its results.
 *
 * @param ctx - the search
 * @param candidate - the settings
 * @param ids - the items
 * @param stage - which rung (or `test`) and bracket
 * @param onStopped - told, before the error goes on, what an evaluation that stopped partway
 *   (an interruption, a failing service) had paid for
 * @returns the evaluation
 * @example
 * const [first] = gridCandidates(setup.space);
 * const ids = input.tuneIds.slice(0, 10);
 * const e = await evaluateCandidate(ctx, first, ids, { rung: 0 });
 * e.items; // 10
 */
export async function evaluateCandidate(
  ctx: EvaluationContext,
  candidate: Candidate,
  ids: readonly string[] | null,
  stage: Stage,
  onStopped?: (paid: StoppedSpending) => void,
): Promise<CandidateEvaluation> {
  const config = stageConfig(ctx, candidate, ids, stage);
  const model = config.models[0]!.name;
  const before = paidInJournal(config.output.dir, model);
  let results: RunResults;
  try {
    results = await runEvaluation(config, {
      ...(ctx.signal === undefined ? {} : { signal: ctx.signal }),
      ...(ctx.drain === undefined ? {} : { drain: ctx.drain }),
      ...(ctx.runner === undefined ? {} : { runner: ctx.runner }),
      ...(ctx.retryFailed === true ? { retryFailed: true } : {}),
    }).catch((error: unknown) => {
      throw unreachableStop(error, config, candidate, stage);
    });
    refuseFailedService(results, config, candidate, stage);
  } catch (error) {
    // what the journal gained was sent and paid for, though the evaluation stopped
    const stopped = paidInJournal(config.output.dir, model);
    onStopped?.({
      sent: Math.max(0, stopped.requests - before.requests),
      resumedPaid: before.requests,
      costUsd: stopped.costUsd,
    });
    throw error;
  }
  const after = paidInJournal(config.output.dir, model);
  const paid = {
    costUsd: after.costUsd,
    sentCostUsd: after.costUsd === null ? null : Math.max(0, after.costUsd - (before.costUsd ?? 0)),
  };
  return {
    ...readEvaluation(results, candidate.index, stage.rung, ctx.metric, config),
    ...paid,
    ...(stage.bracket === undefined ? {} : { bracket: stage.bracket }),
    ...(stage.outer === undefined ? {} : { outer: stage.outer }),
  };
}

/**
 * Stops the search when an evaluation's requests failed beyond `evaluation.maxFailedFraction`
 * (the rule by which `assay run` calls a run's metrics not representative). A dead or
 * unreachable service would otherwise leave every candidate without a score and the search
 * would end as if no candidate met the constraints; and since failures are journaled, a rerun
 * after the service came back would reuse them: the message names `--retry-failed`.
 */
function refuseFailedService(
  results: RunResults,
  config: RunConfig,
  candidate: Candidate,
  stage: Stage,
): void {
  const model = results.models[0];
  if (model === undefined) return;
  const [reason] = notRepresentative(model, {
    maxFailedFraction: config.evaluation.maxFailedFraction,
    maxUnparseableFraction: Number.POSITIVE_INFINITY,
  });
  if (reason === undefined) return;
  // the run's own first reason is this one with the HTTP statuses named (its outcomes, which
  // hold them, are not kept in the results)
  const named = model.notRepresentative?.[0] ?? reason;
  const at = stage.rung === 'test' ? 'the test part' : `rung ${stage.rung}`;
  throw new EvaluationError(
    'RUN_FAILED',
    `The search stopped at candidate c${candidate.index} (${at}, ${config.output.dir}): ${named.replace(/\.$/, '')}. No candidate can be ranked while the service fails; check the service and models[0].baseUrl (or --base-url), then rerun with --retry-failed to re-send the failed requests (answered ones are kept).`,
    { path: 'models[0].baseUrl' },
  );
}

/**
 * Names the candidate and stage in the error of a run whose service could not be reached
 * (its sending stopped early); any other error passes unchanged.
 */
function unreachableStop(
  error: unknown,
  config: RunConfig,
  candidate: Candidate,
  stage: Stage,
): unknown {
  if (!(error instanceof EvaluationError) || error.code !== 'RUN_FAILED') return error;
  // a service not reached (baseUrl), none of whose answers could be read (paths.text,
  // provider), or that refused every request as written (params: a value of search.space)
  if (!/^models\[\d+\]\.(baseUrl|paths\.text|provider|params)$/.test(error.path)) return error;
  const at = stage.rung === 'test' ? 'the test part' : `rung ${stage.rung}`;
  const settings = Object.entries(candidate.settings)
    .filter(([, v]) => typeof v !== 'string' || v.length <= 80)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join(', ');
  const space =
    error.path.endsWith('.params') && settings !== ''
      ? ` Its settings from search.space: ${settings}.`
      : '';
  return new EvaluationError(
    'RUN_FAILED',
    `The search stopped at candidate c${candidate.index} (${at}, ${config.output.dir}): ${error.message}${space}`,
    { path: error.path, cause: error },
  );
}

/**
 * The run config of an evaluation at a stage. Tuning rungs use the config's own split, or
 * stratified k-fold with nested CV's inner k. A test part is scored alone (`method: all` on its
 * items) for zero-shot prompts; with few-shot examples it is the named test part of a holdout
 * over every item, so the examples come from the training items and never from the items scored.
 *
 * @param ctx - the search
 * @param candidate - the settings
 * @param ids - the items of the stage (for a test stage: the test part)
 * @param stage - rung, bracket, outer fold
 * @returns the validated run config
 * @example
 * const [first] = gridCandidates(setup.space);
 * stageConfig(ctx, first, null, { rung: 'test' }).output.dir === join(dir, 'tune', 'candidates', 'c0-test'); // true
 */
export function stageConfig(
  ctx: EvaluationContext,
  candidate: Candidate,
  ids: readonly string[] | null,
  stage: Stage,
): RunConfig {
  const dir = stageDir(ctx, candidate, stage);
  if (stage.rung !== 'test') {
    const inner = ctx.innerFolds;
    return candidateConfig(
      ctx,
      candidate,
      ids,
      dir,
      inner === undefined ? {} : { method: 'stratified', k: inner },
    );
  }
  const own = candidateConfig(ctx, candidate, ids, dir);
  if (own.prompt.fewShot.count > 0 && ids !== null) {
    return candidateConfig(ctx, candidate, null, dir, { method: 'holdout', testIds: [...ids] });
  }
  return candidateConfig(ctx, candidate, ids, dir, { method: 'all' });
}

/** Where an evaluation is in the search: its rung, and its bracket under hyperband. */
export interface Stage {
  readonly rung: number | 'test';
  readonly bracket?: number;
  /** nested cross-validation's outer fold */
  readonly outer?: number;
}

/**
 * The output folder of a candidate's evaluation at a stage: `candidates/c<index>-[o<outer>-][b<bracket>-]r<rung>`
 * (or `-test`), so that a rerun finds the journal it resumes from.
 *
 * @param ctx - the search
 * @param candidate - the candidate
 * @param stage - rung and bracket
 * @returns the folder
 * @example
 * const [first] = gridCandidates(setup.space);
 * stageDir(ctx, first, { rung: 0 }) === join(dir, 'tune', 'candidates', 'c0-r0'); // true
 */
export function stageDir(ctx: EvaluationContext, candidate: Candidate, stage: Stage): string {
  const outer = stage.outer === undefined ? '' : `o${stage.outer}-`;
  const bracket = stage.bracket === undefined ? '' : `b${stage.bracket}-`;
  const rung = stage.rung === 'test' ? 'test' : `r${stage.rung}`;
  return join(ctx.outDir, 'candidates', `c${candidate.index}-${outer}${bracket}${rung}`);
}

function readEvaluation(
  results: RunResults,
  candidate: number,
  rung: number | 'test',
  metric: string,
  config: RunConfig,
): CandidateEvaluation {
  const model = results.models[0]!;
  const unchecked = results.thresholds.filter((t) => uncheckableNeed(t, config) !== null);
  const m = model.metrics[metric];
  const s = model.service;
  const items = model.items.total;
  return {
    candidate,
    rung,
    items,
    value: m?.value ?? null,
    ciLow: m?.ciLow ?? null,
    ciHigh: m?.ciHigh ?? null,
    folds: m?.folds ?? [],
    requests: s.requests,
    sent: s.sentThisRun,
    cached: s.cachedThisRun,
    resumed: s.resumedFromJournal,
    // the cache's answers this run and those resumed from the journal: only the latter were
    // journaled by an earlier run, and cost nothing there either
    resumedPaid: Math.max(0, s.resumedFromJournal - (s.cachedAnswers - s.cachedThisRun)),
    costUsd: s.costUsd,
    sentCostUsd: null,
    tokensPerItem: items === 0 ? 0 : (s.inputTokens + s.outputTokens) / items,
    p95LatencyMs: s.latencyMs.p95,
    constraintFailures: results.thresholds
      .filter((t) => !t.passed && !unchecked.includes(t))
      .map((t) => `${t.threshold} (${t.value ?? t.reason ?? 'no value'})`),
    constraintsUnchecked: unchecked.map(
      (t) => `${t.threshold} not checkable (needs ${uncheckableNeed(t, config)} timed requests)`,
    ),
    dir: config.output.dir,
  };
}

/**
 * The timed requests a failed threshold on a percentile's interval end needed, when that is
 * why it failed (the end does not exist for so few); null for any other threshold. Its
 * outcome then says nothing of the candidate: its point value is shown by the run, and may pass.
 */
function uncheckableNeed(t: ThresholdResult, config: RunConfig): number | null {
  if (t.passed || t.reason === undefined || t.bound === undefined || t.bound === 'value')
    return null;
  const percentile = percentileMetric(t.metric);
  if (percentile === undefined) return null;
  const size = percentileBoundSize(percentile.q, config.evaluation.ci);
  return t.bound === 'ci_high' ? size.high : size.low;
}
