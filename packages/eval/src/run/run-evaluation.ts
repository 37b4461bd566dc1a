import type { ModelProgress, ServedModelMismatch } from '@assay/report';
import type { RunConfig } from '../config/run-config-schema.js';
import type { DatasetItem } from '../datasets/dataset-item.js';
import { EvaluationError } from '../errors.js';
import { humanGrades } from '../judges/human-grades.js';
import { executeJudge, type JudgeExecution, judgeSubjects } from '../judges/judge-run.js';
import type { PromptMessage } from '../prompt/build-messages.js';
import type { TaskModule } from '../tasks/task-module.js';
import type { Outcome, RunJournal } from './journal.js';
import type { SendingTime } from './journal-sending.js';
import {
  lastPositiveLabel,
  type ModelRequests,
  resumeModelRequests,
  type SentCounts,
} from './model-requests.js';
import { openRunState } from './open-run-state.js';
import type { RequestPlan } from './plan.js';
import { distinctPrompts, planRun } from './plan-run.js';
import type { PredictionRow } from './prediction-row.js';
import { predictionRows } from './prediction-rows.js';
import { refuseMissingKeysToSend } from './refuse-missing-keys.js';
import { servedModelWarning } from './run-warnings.js';
import { type EarlyStop, sendRunRequests } from './send-until-known.js';
import { sendingWarnings } from './sending-warnings.js';
import { checkGateSizes } from './uncheckable-gates.js';
import { unreachableError } from './unreachable-watch.js';

/** Options of {@link executeRun}. */
export interface ExecuteRunOptions {
  /** re-send requests recorded as failed in the journal (default: reuse the failures) */
  retryFailed?: boolean;
  /** stops the run: no new requests, requests in flight aborted, nothing lost */
  signal?: AbortSignal;
  /**
   * stops the run gently: no new requests, those in flight finish and are journaled (so a
   * rerun pays for none of them twice), then the run ends as `signal` would end it
   */
  drain?: AbortSignal;
  /** called whenever a request finishes (and once when sending starts) */
  onProgress?: (progress: readonly ModelProgress[]) => void;
  /**
   * told about things worth a line on the terminal (a stale lock taken over, files discarded,
   * a journal without answers taken over for a changed endpoint)
   */
  onNote?: ((message: string) => void) | undefined;
  /**
   * the models are answered by a server the caller started for this run (`assay demo`'s
   * reference server, on a new port each run, always the same model): a rerun's resumed
   * answers then get no warning that a service changed since is not measured
   */
  inProcessServer?: boolean;
  /**
   * a threshold that can only end badly whatever the service answers (see `checkGateSizes`): a
   * percentile's interval end the planned requests cannot bound, a Wilson end (`error_rate`,
   * `unparseable_rate`, accuracy) no outcome of the planned count can pass, a TTFT or TPOT
   * figure of a model that is not streamed: `refuse` the run before anything is sent
   * (`assay run`), or `warn` (default: a note before sending, and a `results.json` warning;
   * `assay tune`, whose constraints are checked per candidate, on fewer items at first)
   */
  uncheckableGates?: 'refuse' | 'warn';
}

/** One model's distinct requests and where this run got their outcomes. */
export interface ModelRequestCounts {
  /** the outcome of each distinct request */
  outcomes: Outcome[];
  /** outcomes taken from the journal */
  resumed: number;
  /** requests sent to the service this run */
  sent: number;
  /** answers served from the response cache this run */
  cached: number;
  /** wall-clock milliseconds from the first request sent this run to the last one done */
  sendingMs: number;
  /** output tokens of the answers the service gave this run (not resumed, not cached) */
  sentOutputTokens: number;
  /** requests sent this run that the service answered (not cached, not failed) */
  sentAnswered: number;
  /** requests that failed this run without the retries they had left: the retry budget was spent */
  notRetriedBudget?: number;
  /**
   * the sending of the earlier runs that answered resumed requests, when the journal recorded
   * it: a resumed run's throughput covers their sending with this run's
   */
  earlierSending?: SendingTime;
}

/** Everything the run produced before statistics: items, folds and one row per prediction. */
export interface ExecutedRun {
  /** the validated configuration */
  config: RunConfig;
  /** the evaluated items */
  items: DatasetItem[];
  /** number of folds (across repeats) */
  folds: number;
  /** few-shot example ids per fold */
  fewShotIds: string[][];
  /** prediction rows, all models */
  rows: PredictionRow[];
  /** every distinct prompt, all models together, by prompt hash (`prompt_hash` of the rows) */
  prompts: Map<string, PromptMessage[]>;
  /** per model: the outcome of each distinct request, and where this run got them */
  requests: Map<string, ModelRequestCounts>;
  /** the judge's draws per model and its request counts, when the run has a `judge` */
  judge?: JudgeExecution | undefined;
  /** when the run started */
  startedAt: Date;
  /** journal path */
  journalPath: string;
  /** what `evaluation.stop` did (then `items` and `rows` are the items sent), when configured */
  earlyStop?: EarlyStop | undefined;
  /**
   * what the run's answers make doubtful, for `results.json` `warnings`: a model whose
   * answers (nearly) all came from the journal of an earlier run, a service that says another
   * model answered than the one asked for
   */
  warnings?: string[] | undefined;
  /**
   * the answers and judge grades the service says another model gave, for `results.json`
   * `servedModelMismatches` (each is also one of `warnings`)
   */
  servedModelMismatches?: ServedModelMismatch[] | undefined;
}

/** Every model's requests, resumed from the journal (see `resumeModelRequests`). */
function resumeAll(
  config: RunConfig,
  plans: ReadonlyMap<string, RequestPlan>,
  journal: RunJournal,
  task: TaskModule,
  retryFailed: boolean,
): ModelRequests[] {
  return config.models.map((model) =>
    resumeModelRequests(model, plans.get(model.name)!, journal, {
      retryFailed,
      scoring: task.logprobScoring,
      legacyScoreOf: lastPositiveLabel(config.output.dir),
    }),
  );
}

/** Every model's prediction rows from its answers, over all the planned items. */
function rowsOfModels(
  all: readonly ModelRequests[],
  plans: ReadonlyMap<string, RequestPlan>,
  items: readonly DatasetItem[],
  task: TaskModule,
): PredictionRow[] {
  return all.flatMap((r) =>
    predictionRows(
      r.model.name,
      plans.get(r.model.name)!,
      items,
      r.outcomes,
      (hash) => r.keys.get(hash)!,
      task,
    ),
  );
}

/** The error of a model whose service could not be reached, with what its journal holds. */
function unreachableFailure(
  config: RunConfig,
  journal: RunJournal,
  r: ModelRequests,
): EvaluationError {
  // the answers a rerun against another URL would find (and refuse to mix in)
  const answered = [...journal.load(r.model.name).values()].filter((o) => o.status === 'ok').length;
  return unreachableError(r.model, config.models.indexOf(r.model), r.unreachable, answered);
}

/**
 * The judge's verdicts on the run's answers, when the configuration has a judge.
 *
 * @returns the judge's execution, or undefined without a judge
 */
async function judgeRun(
  config: RunConfig,
  // built only when there is a judge: one per answer
  subjects: () => ReturnType<typeof judgeSubjects>,
  ctx: {
    readonly journal: RunJournal;
    readonly cache: Parameters<typeof executeJudge>[2]['cache'];
    readonly signal: AbortSignal;
    readonly options: ExecuteRunOptions;
    readonly onOutcome: (progress: ModelProgress) => void;
  },
): Promise<JudgeExecution | undefined> {
  if (config.judge === undefined) return undefined;
  return executeJudge({ ...config, judge: config.judge }, subjects(), {
    journal: ctx.journal,
    cache: ctx.cache,
    signal: ctx.signal,
    drain: ctx.options.drain,
    retryFailed: ctx.options.retryFailed === true,
    onOutcome: ctx.onOutcome,
  });
}

/** Each model's outcomes with where this run got them, by model name. */
function requestCounts(
  all: readonly ModelRequests[],
  sent: readonly SentCounts[],
  journal: RunJournal,
): Map<string, ModelRequestCounts> {
  const counts = new Map<string, ModelRequestCounts>();
  all.forEach((r, i) => {
    const outcomes = [...r.outcomes.values()];
    const earlierSending = journal.earlierSending(r.model.name, outcomes);
    counts.set(r.model.name, {
      outcomes,
      resumed: r.progress.resumed,
      ...sent[i]!,
      ...(earlierSending === undefined ? {} : { earlierSending }),
    });
  });
  return counts;
}

/**
 * Refuses to return a run that a signal or a drain stopped: its rows would be a part.
 *
 * @throws EvaluationError `INTERRUPTED` (everything finished is journaled)
 */
function throwIfInterrupted(options: ExecuteRunOptions): void {
  if (options.signal?.aborted || options.drain?.aborted) {
    throw new EvaluationError(
      'INTERRUPTED',
      'The run was interrupted; every finished request is saved in the journal. Run the same command again, without --fresh (which would discard the journal), to resume.',
    );
  }
}

/**
 * Runs the evaluation: load and split the data, build prompts per fold, query
 * every model (each distinct request once, journaled the moment it finishes,
 * responses cached), and parse the answers into prediction rows.
 *
 * @param config - the validated configuration
 * @param options - retry-failed, abort signal, progress callback
 * @returns items, folds and prediction rows; statistics are computed by `summarizeRun`
 * @throws EvaluationError `INTERRUPTED` when the signal fires (everything finished is journaled),
 *   `RUN_FAILED` at `models[i].baseUrl` when a model's first requests all failed to reach its
 *   service (see `UnreachableWatch`; every model's sending stops, what finished is journaled),
 *   `PLAN_TOO_LARGE` when the folds or predictions exceed the stated limits, `INVALID_CONFIG` at
 *   `thresholds[i]` for a gate that can only end badly (`uncheckableGates: 'refuse'`),
 *   or a data/config error
 * @example
 * const mailRun = await executeRun(await loadRunConfig(join(dir, 'run.yaml')));
 * mailRun.rows.map((row) => row.outcome); // ['correct', 'wrong', 'correct', 'wrong']
 */
export async function executeRun(
  config: RunConfig,
  options: ExecuteRunOptions = {},
): Promise<ExecutedRun> {
  const startedAt = new Date();
  const runPlan = await planRun(config);
  // a gate no answer can pass is known now, not after every request was paid for
  const gateWarnings = checkGateSizes(config, runPlan.plans, options);
  // read before anything is sent, so a bad human grade costs no request
  const grades = humanGrades(runPlan.items, config.judge);
  const state = openRunState(config, options.onNote);
  const stops = runStops(options);
  let done: SentAndJudged;
  try {
    done = await sendAndJudge(config, runPlan, { ...state, stops, grades, options });
  } finally {
    state.journal.close();
    state.cache.close();
  }
  if (stops.failure !== undefined) throw stops.failure;
  throwIfInterrupted(options);
  const { warnings, mismatches, modelPlans, earlyStop, ...rest } = done;
  return {
    config,
    ...rest,
    folds: runPlan.splits.length,
    fewShotIds: modelPlans.get(config.models[0]!.name)!.fewShotIds,
    startedAt,
    journalPath: state.journalPath,
    ...(earlyStop === undefined ? {} : { earlyStop }),
    warnings: [...gateWarnings, ...warnings],
    ...(mismatches.length === 0 ? {} : { servedModelMismatches: mismatches }),
  };
}

/** What stops a run's sending, and the failure of a model whose service cannot be reached. */
interface RunStops {
  /** the caller's hard stop, or one that never fires */
  readonly signal: AbortSignal;
  /** the caller's gentle stop, or an unreachable service's */
  readonly drain: AbortSignal;
  /** fired when a model's service cannot be reached */
  readonly unreachable: AbortController;
  /** the first unreachable model's error, thrown once its journal is closed */
  failure?: EvaluationError;
}

function runStops(options: ExecuteRunOptions): RunStops {
  // A model whose service cannot be reached stops every model's sending, as a gentle stop: the
  // run fails anyway, and the other models' requests in flight finish and are journaled (they
  // were aborted, and a rerun paid for them again).
  const unreachable = new AbortController();
  return {
    signal: options.signal ?? new AbortController().signal,
    drain: options.drain
      ? AbortSignal.any([options.drain, unreachable.signal])
      : unreachable.signal,
    unreachable,
  };
}

/** A run's sending and judging, before its journal closes. */
interface SentAndJudged {
  items: DatasetItem[];
  modelPlans: ReadonlyMap<string, RequestPlan>;
  earlyStop: EarlyStop | undefined;
  prompts: Map<string, PromptMessage[]>;
  requests: Map<string, ModelRequestCounts>;
  rows: PredictionRow[];
  judge: JudgeExecution | undefined;
  warnings: string[];
  mismatches: ServedModelMismatch[];
}

/** Sends every model's requests left to send, then has the judge grade the answers. */
async function sendAndJudge(
  config: RunConfig,
  runPlan: Awaited<ReturnType<typeof planRun>>,
  ctx: ReturnType<typeof openRunState> & {
    stops: RunStops;
    grades: ReturnType<typeof humanGrades>;
    options: ExecuteRunOptions;
  },
): Promise<SentAndJudged> {
  const { journal, cache, stops, options } = ctx;
  const all = resumeAll(config, runPlan.plans, journal, runPlan.task, options.retryFailed === true);
  refuseMissingKeysToSend(config, new Map(all.map((r) => [r.model.name, r.todo.size])));
  const progress = all.map((r) => r.progress);
  options.onProgress?.(progress);
  const sending = await sendRunRequests(config, runPlan, all, {
    journal,
    cache,
    task: runPlan.task,
    signal: stops.signal,
    drain: stops.drain,
    onOutcome: () => options.onProgress?.(progress),
    onUnreachable: (r: ModelRequests) => {
      stops.failure ??= unreachableFailure(config, journal, r);
      stops.unreachable.abort();
    },
  });
  const { items, plans: modelPlans, earlyStop, sent } = sending;
  const prompts = distinctPrompts(modelPlans);
  const { warnings, mismatches } = sendingWarnings(
    config,
    all,
    sent,
    options.inProcessServer === true,
  );
  const requests = requestCounts(all, sent, journal);
  let rows: PredictionRow[] = [];
  let judge: JudgeExecution | undefined;
  if (!stops.signal.aborted && !stops.drain.aborted) {
    rows = rowsOfModels(all, modelPlans, runPlan.items, runPlan.task);
    judge = await judgeRun(config, () => judgeSubjects(rows, items, prompts, ctx.grades), {
      journal,
      cache,
      signal: stops.signal,
      options,
      onOutcome: (p) => options.onProgress?.([...progress, p]),
    });
    mismatches.push(...(judge?.mismatches ?? []));
    warnings.push(...(judge?.mismatches ?? []).map(servedModelWarning));
  }
  return { items, modelPlans, earlyStop, prompts, requests, rows, judge, warnings, mismatches };
}
