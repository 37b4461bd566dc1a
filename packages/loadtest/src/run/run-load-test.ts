import { setMaxListeners } from 'node:events';
import {
  type ChatMessage,
  type CompletionRequest,
  createClient,
  type ModelClient,
} from '@assay/clients';
import { arrivalName } from '../arrival/arrival-schedule.js';
import { LoadTestError } from '../errors.js';
import { runStep } from '../generator/run-step.js';
import type { AnswerJudge } from '../generator/send-request.js';
import type { StepLoad, StepProgress } from '../generator/step-plan.js';
import type { LoadRecord } from '../metrics/load-record.js';
import { servedModelMismatch } from '../metrics/served-models.js';
import {
  LOADTEST_SCHEMA_VERSION,
  type LoadProfile,
  type LoadTestResult,
  type StepResult,
} from '../metrics/step-result.js';
import { summarizeRecords } from '../metrics/summarize-records.js';
import { RecordStore } from '../records/record-store.js';
import { measuredNothing } from '../report/interruption-note.js';
import { sweepFindings } from '../report/sweep-answer.js';
import { scoringOrder } from '../workload/scoring-order.js';
import type { Workload } from '../workload/workload.js';
import { buildStepResult, pooledHarness } from './build-step-result.js';
import { stepItems, warmupOverlap } from './item-order.js';
import { DEFAULT_FULL_CONCURRENCY, type ResolvedLoadTest } from './load-test-options.js';
import { findMaxRate, sweepRates } from './search-rate.js';
import type { StepRunner } from './step-runner.js';

/** What a run needs besides its options: prompts, optional scoring and callbacks. */
export interface LoadTestRuntime {
  readonly workload: Workload;
  readonly judge?: AnswerJudge | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((p: StepProgress) => void) | undefined;
  /** Every record as its request ends (during the step), e.g. to stream `--records` to disk. */
  readonly onRecord?: ((r: LoadRecord) => void) | undefined;
  /** Called after each step with its result. */
  readonly onStep?: ((step: StepResult, index: number) => void) | undefined;
  /**
   * Where the run keeps its records (a new store when absent): pass an empty one to keep what
   * a run that throws had recorded, or to share it with an `.arrow` records sink.
   */
  readonly records?: RecordStore | undefined;
}

/**
 * A finished run: the results JSON and every record, in the order the requests ended (held
 * column by column: iterate it, or read one with `records.at(i)`).
 */
export interface LoadTestOutcome {
  readonly result: LoadTestResult;
  readonly records: RecordStore;
}

/**
 * The `profile` of a step's result for its load.
 *
 * @param load - the step's load
 * @returns its profile
 * @example
 * ```ts
 * profileOf({ kind: 'concurrency', concurrency: 8 }); // { kind: 'concurrency', concurrency: 8 }
 * profileOf({ kind: 'rate', rate: 5, arrival: { kind: 'poisson' } }).arrival; // 'poisson'
 * ```
 */
export function profileOf(load: StepLoad): LoadProfile {
  return load.kind === 'concurrency'
    ? { kind: 'concurrency', concurrency: load.concurrency }
    : { kind: 'rate', rate: load.rate, arrival: arrivalName(load.arrival) };
}

/**
 * One request per prompt of the workload, frozen (messages included): the client then builds
 * each body once and reuses it for every send of that prompt.
 */
function frozenRequests(workload: Workload): readonly CompletionRequest[] {
  const { prompts, messages } = workload;
  if (messages === undefined) return prompts.map((prompt) => Object.freeze({ prompt }));
  return messages.map((list) => {
    // frozen, so never changed: the client reads it and does not write to it
    const frozen = Object.freeze(list.map((m) => Object.freeze({ ...m }))) as ChatMessage[];
    return Object.freeze({ messages: frozen });
  });
}

/**
 * Runs a load test: one step (`concurrency`, `rate`) or several (`sweep`, `find-max`).
 *
 * @remarks
 * Every request goes through `@assay/clients` in benchmark mode (no retries, no cache) with
 * streaming, so TTFT and inter-token gaps are measured. Record times are ms since the run's
 * start, so records of all steps share one clock; a multi-step run's top-level figures pool
 * every measured record, and `steps` holds each step. A sweep runs GuideLLM's plan: a
 * synchronous step (concurrency 1), a throughput step at full concurrency
 * (`maxInFlight`, default 64), then K open-loop rates evenly spaced strictly between the two
 * rates measured. `find-max` bisects on rate (see {@link findMaxRate}).
 *
 * @param options - resolved options ({@link resolveLoadTest})
 * @param runtime - workload, scoring, callbacks
 * @returns the results and the records
 * @throws {@link LoadTestError} `INVALID_OPTION` (path `records`) when `runtime.records` is not empty
 * @example
 * ```ts
 * const options = resolveLoadTest({ baseUrl, model: 'assay-spam-nb', rate: 20, durationMs: 1000 });
 * const outcome = await runLoadTest(options, { workload: await loadDatasetWorkload('builtin:spam-assassin') });
 * outcome.result.profile; // { kind: 'rate', rate: 20, arrival: 'poisson' }
 * outcome.result.requests.failed; // 0
 * ```
 */
export async function runLoadTest(
  options: ResolvedLoadTest,
  runtime: LoadTestRuntime,
): Promise<LoadTestOutcome> {
  if (runtime.records !== undefined && runtime.records.length > 0) {
    // its records would be summed with this run's and their step numbers would clash
    throw new LoadTestError(
      'INVALID_OPTION',
      `runtime.records already holds ${runtime.records.length} record${runtime.records.length === 1 ? '' : 's'}; pass an empty RecordStore (one per run).`,
      'records',
    );
  }
  const client = createClient(options.client);
  const controller = new AbortController();
  // every request in flight listens on the one signal
  setMaxListeners(0, controller.signal);
  const onAbort = (): void => controller.abort();
  runtime.signal?.addEventListener('abort', onAbort, { once: true });
  // a signal aborted before the run never fires 'abort'
  if (runtime.signal?.aborted === true) controller.abort();
  const records = runtime.records ?? new RecordStore();
  const served = new Map<string, number>();
  const runner = stepRunner(options, runtime, { client, served }, controller.signal, records);
  const named = (result: LoadTestResult): LoadTestResult => {
    const mismatch = servedModelMismatch(options.client.model, served);
    return mismatch === undefined ? result : { ...result, servedModelMismatch: mismatch };
  };
  try {
    const load = options.load;
    if (load.kind === 'concurrency' || load.kind === 'rate') {
      const stepLoad: StepLoad =
        load.kind === 'concurrency' ? load : { ...load, maxInFlight: options.maxInFlight };
      const only = await runner.run(stepLoad);
      const result = controller.signal.aborted ? { ...only, interrupted: true as const } : only;
      return { result: named(result), records };
    }
    const result = await runSteps(runner, load, options, controller.signal, records);
    return { result: named(result), records };
  } finally {
    runtime.signal?.removeEventListener('abort', onAbort);
    await client.close();
  }
}

/** The steps of one run, on one client and one clock, into one record store. */
function stepRunner(
  options: ResolvedLoadTest,
  runtime: LoadTestRuntime,
  { client, served }: { readonly client: ModelClient; readonly served: Map<string, number> },
  signal: AbortSignal,
  records: RecordStore,
): StepRunner {
  // one clock for the whole run: record times are ms since the run's start
  const origin = performance.now();
  const { prompts } = runtime.workload;
  const requests = frozenRequests(runtime.workload);
  const request = (item: number): CompletionRequest => requests[item % requests.length]!;
  const order = itemOrder(runtime, options.seed);
  const steps: StepResult[] = [];
  return {
    steps,
    async run(load) {
      // a step after an interruption would send nothing, and a search would decide from it
      if (signal.aborted && steps.length > 0)
        throw new LoadTestError(
          'INTERRUPTED',
          `The load test was interrupted after step ${steps.length - 1}; no further step runs.`,
          'signal',
        );
      const index = steps.length;
      const items = stepItems(order);
      const run = await runStep({
        step: index,
        load,
        durationMs: options.durationMs,
        requests: options.requests,
        warmupMs: options.warmupMs,
        client,
        request,
        itemOf: items.itemOf,
        seed: options.seed + index,
        signal,
        origin,
        judge:
          runtime.judge === undefined
            ? undefined
            : (i, text) => runtime.judge!(i % prompts.length, text),
        onProgress: runtime.onProgress,
        onRecord: runtime.onRecord,
        records,
        servedModels: served,
      });
      const built = buildStepResult(profileOf(load), run.records, run.reading, options.slo);
      // an interruption that left nothing measured leaves nothing to judge: no verdict, rather
      // than a failed SLO whose statistics have no value (a step that measured nothing by
      // itself keeps that failure)
      const stepResult = signal.aborted && measuredNothing(built) ? withoutVerdict(built) : built;
      const { warmup, measured } = items.asked();
      const overlap = warmupOverlap(warmup, measured, order.length);
      const result = overlap === undefined ? stepResult : { ...stepResult, warmupOverlap: overlap };
      steps.push(result);
      runtime.onStep?.(result, index);
      return result;
    },
  };
}

/**
 * The one order every step asks the workload's items in ({@link stepItems}: measured requests
 * from its start, warm-up ones from its end), so every step's measured requests ask the same
 * items. Under `--score` it is {@link scoringOrder}'s seeded, stratified shuffle (in file
 * order, a step scored the items its request count reached: the first 1,235 of the built-in
 * data set are all ham); otherwise the workload's own order.
 */
function itemOrder(runtime: LoadTestRuntime, seed: number): readonly number[] {
  const { prompts, labels } = runtime.workload;
  if (runtime.judge === undefined) return prompts.map((_, i) => i);
  return scoringOrder(labels, seed);
}

/** A sweep or a search, to its end or to an interruption, and the pooled result. */
async function runSteps(
  runner: StepRunner,
  load: Extract<ResolvedLoadTest['load'], { kind: 'sweep' | 'find-max' }>,
  options: ResolvedLoadTest,
  signal: AbortSignal,
  records: RecordStore,
): Promise<LoadTestResult> {
  const full = options.maxInFlight ?? DEFAULT_FULL_CONCURRENCY;
  let maxRate: LoadTestResult['maxRate'];
  try {
    if (load.kind === 'sweep')
      await sweepRates(runner, load.steps, load.arrival, full, options.maxInFlight);
    else maxRate = await findMaxRate(runner, options.slo!, load.arrival, full, options.maxInFlight);
  } catch (error) {
    if (!(error instanceof LoadTestError && error.code === 'INTERRUPTED')) throw error;
  }
  const interrupted = signal.aborted;
  // the verdict is per step (and the search's answer is maxRate): pooled over steps of
  // different loads it would judge no load that was run
  const { sloPassed: _pooled, ...figures } = summarizeRecords(records, options.slo);
  const result: LoadTestResult = {
    schemaVersion: LOADTEST_SCHEMA_VERSION,
    profile: { kind: load.kind, arrival: arrivalName(load.arrival) },
    ...figures,
    harness: pooledHarness(runner.steps),
    steps: runner.steps,
    // an interrupted search has no answer: its bracket was never narrowed to the tolerance
    ...(maxRate === undefined || interrupted ? {} : { maxRate }),
    ...(interrupted ? { interrupted: true as const } : {}),
  };
  // the sweep's answer as data too, not only as the report's sentence
  const sweep = sweepFindings(result);
  return sweep === undefined ? result : { ...result, sweepAnswer: sweep };
}

/** A step's result without its goodput and SLO verdict. */
function withoutVerdict(step: StepResult): StepResult {
  const { goodput: _goodput, sloPassed: _verdict, ...rest } = step;
  return rest;
}
