import { type Arrival, arrivalOffsets } from '../arrival/arrival-schedule.js';
import { HarnessMonitor, type HarnessReading } from '../health/harness-monitor.js';
import type { LoadRecord } from '../metrics/load-record.js';
import { RecordStore } from '../records/record-store.js';
import { ArrivalClock, EARLY_MS } from './arrival-clock.js';
import { ArrivalPump } from './arrival-pump.js';
import { IdleScavenger } from './idle-scavenge.js';
import { droppedRecord, type SendContext, sendRequest } from './send-request.js';
import type { StepPlan, StepProgress } from './step-plan.js';
import { StepTracker } from './step-tracker.js';

/** Records of a step and the harness reading taken over it. */
export interface StepRun {
  readonly records: Iterable<LoadRecord>;
  readonly reading: HarnessReading;
}

/** Lead time before the first open-loop arrival, so it is not late by construction. */
const LEAD_MS = 5;

/** Connections an open loop without `maxInFlight` opens before its schedule starts. */
const OPEN_LOOP_PREOPEN = 64;

/**
 * Connections a step opens before it starts: as many as it can use at once, a closed loop's
 * concurrency (at most its request count, without a warm-up) or an open loop's
 * `maxInFlight`, else {@link OPEN_LOOP_PREOPEN} (an open loop opens more as bursts need them).
 */
function preopenCount(plan: StepPlan): number {
  const { load } = plan;
  if (load.kind === 'concurrency') {
    // --concurrency 30000 --requests 2 opened 30,000 connections for 2 requests
    const most = plan.requests !== undefined && plan.warmupMs === 0 ? plan.requests : Infinity;
    return Math.min(load.concurrency, most);
  }
  return Math.min(load.maxInFlight ?? OPEN_LOOP_PREOPEN, OPEN_LOOP_PREOPEN);
}

async function closedLoop(plan: StepPlan, ctx: SendContext, tracker: StepTracker): Promise<void> {
  if (plan.load.kind !== 'concurrency') return;
  const warmEnd = performance.now() + plan.warmupMs;
  const loadEnd = plan.durationMs === undefined ? undefined : warmEnd + plan.durationMs;
  let issued = 0;
  let measured = 0;
  let warmed = 0;
  // set when one worker fails (a throwing onRecord or request): the others stop sending too
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!ctx.signal.aborted && !failed) {
      const now = performance.now();
      if (loadEnd !== undefined && now >= loadEnd) return;
      const warmup = now < warmEnd;
      if (!warmup && plan.requests !== undefined && measured >= plan.requests) return;
      const k = warmup ? warmed++ : measured++;
      const i = issued++;
      try {
        const item = plan.itemOf?.(k, warmup) ?? i;
        const request = plan.request(item);
        tracker.started();
        tracker.finished(await sendRequest(ctx, request, i, warmup, now, item));
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: plan.load.concurrency }, worker));
}

/** An open loop's arrivals: `n` offsets from its start, the first `warmCount` the warm-up's. */
interface OpenSchedule {
  readonly warmCount: number;
  readonly n: number;
  readonly offsets: Float64Array;
}

/**
 * The arrivals of an open-loop step: rate x warm-up ones, then `requests` or rate x duration
 * measured ones (see {@link arrivalOffsets}).
 */
function openSchedule(plan: StepPlan, rate: number, arrival: Arrival): OpenSchedule {
  const warmCount = Math.round((plan.warmupMs / 1000) * rate);
  const n =
    plan.requests !== undefined
      ? warmCount + plan.requests
      : Math.ceil(((plan.warmupMs + (plan.durationMs ?? 0)) / 1000) * rate);
  // the measured arrivals span their count / rate, the step's duration give or take a gap; a
  // step shorter than one gap (--rate 1e-6 --duration 1s) has one arrival, due at its end, not
  // one gap (11 days) away
  const oneGapTooLong =
    plan.requests === undefined &&
    plan.durationMs !== undefined &&
    n - warmCount === 1 &&
    1000 / rate > plan.durationMs;
  const end = oneGapTooLong ? plan.durationMs : undefined;
  return { warmCount, n, offsets: arrivalOffsets(n, rate, arrival, plan.seed, warmCount, end) };
}

async function openLoop(plan: StepPlan, ctx: SendContext, tracker: StepTracker): Promise<void> {
  if (plan.load.kind !== 'rate') return;
  const { rate, arrival, maxInFlight } = plan.load;
  const { warmCount, n, offsets } = openSchedule(plan, rate, arrival);
  const clock = await ArrivalClock.start(offsets);
  const start = performance.now() + LEAD_MS;
  let failure: unknown;
  const pump = new ArrivalPump(offsets, start, (i, scheduled) => {
    const warmup = i < warmCount;
    const item = plan.itemOf?.(warmup ? i : i - warmCount, warmup) ?? i;
    if (maxInFlight !== undefined && tracker.inFlight >= maxInFlight) {
      tracker.finished(droppedRecord(ctx, i, warmup, scheduled, item));
      return;
    }
    const request = plan.request(item);
    tracker.started();
    // sendRequest never rejects; the tracker counts what is in flight, so no promise per
    // request is kept for the end (they would outlive young-generation collections)
    void sendRequest(ctx, request, i, warmup, scheduled, item).then(finished);
  });
  // an arrival that fell due while this answer was handled goes now, not after the burst
  const finished = (record: LoadRecord): void => {
    try {
      tracker.finished(record);
      pump.sendDue(performance.now());
    } catch (error) {
      // a throwing onRecord or request ends the schedule here; the loop rethrows it
      failure ??= error;
      pump.close();
    }
  };
  const stop = (): void => {
    pump.close();
    void clock.stop();
  };
  ctx.signal.addEventListener('abort', stop, { once: true });
  clock.go(start);
  const idle = process.env.ASSAY_LOADTEST_IDLE_GC === '0' ? undefined : new IdleScavenger();
  try {
    while (pump.next < n && !ctx.signal.aborted) {
      // the clock thread wakes this loop just before the next arrival; the loop sleeps meanwhile
      const i = pump.next;
      const wake = clock.reached(i, pump.nextDueAt - EARLY_MS);
      if (wake !== undefined) await wake;
      if (clock.failure !== undefined) throw clock.failure;
      if (failure !== undefined) throw failure;
      const dueAt = pump.nextDueAt;
      let now = performance.now();
      // woken early by about the wake-up's own delay: wait out the rest here, never send early
      if (now < dueAt && dueAt - now <= 2 * EARLY_MS) {
        clock.until(dueAt);
        now = performance.now();
      }
      // every arrival that is due goes now, on the absolute schedule
      pump.sendDue(now);
      // collect young garbage now, in the gap, rather than when it falls on an arrival
      if (pump.next < n) idle?.gap(pump.nextDueAt - performance.now());
    }
    if (failure !== undefined) throw failure;
  } finally {
    // nothing more is sent once the loop has ended, whatever ended it (answers still in
    // flight would otherwise go on sending through `finished`)
    pump.close();
    ctx.signal.removeEventListener('abort', stop);
    await clock.stop();
  }
  await tracker.idle();
}

/** Longest wait for {@link preopenCount} connections; slower ones go on opening meanwhile. */
const PREOPEN_WAIT_MS = 2000;

/**
 * Opens the step's connections before it starts: handshakes are then not on its requests'
 * critical path, nor in its CPU figures. `ASSAY_LOADTEST_PREOPEN=0` skips it, to compare.
 */
async function preconnect(plan: StepPlan): Promise<void> {
  if (plan.signal.aborted || process.env.ASSAY_LOADTEST_PREOPEN === '0') return;
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, PREOPEN_WAIT_MS);
  });
  await Promise.race([plan.client.preconnect(preopenCount(plan)), waited]);
  clearTimeout(timer);
}

/**
 * Runs one step of a load test: closed loop (`concurrency` workers, each sending its next
 * request when the last ends) or open loop (arrivals on an absolute schedule from
 * `performance.now()`, never delayed by answers: due arrivals are also sent after each one).
 *
 * @remarks
 * Closed loop stops starting requests after warm-up + duration, or after `requests`
 * measured ones. Open loop draws `requests` + warm-up arrivals, or rate x (warm-up +
 * duration), with {@link arrivalOffsets}; at each wake-up, and after each answer, every due
 * arrival is sent ({@link ArrivalPump}), and one
 * that finds `maxInFlight` requests in flight is recorded as dropped. Requests in flight at
 * the end run to completion (bounded by the client's timeouts) unless `signal` aborts them.
 * Before it starts, the step opens the connections it can use at once (see
 * {@link preopenCount}), so that its first requests do not wait for handshakes.
 *
 * @param plan - the step
 * @returns its records (in the order they finished) and the harness reading
 * @example
 * ```ts
 * const client = createClient({ provider: 'openai-chat', baseUrl, model: 'assay-spam-nb',
 *   streaming: true, benchmarkMode: true });
 * const run = await runStep({ step: 0, load: { kind: 'concurrency', concurrency: 2 }, durationMs: undefined,
 *   requests: 10, warmupMs: 0, client, request: () => ({ prompt: 'WIN A FREE PRIZE NOW!!!' }), seed: 1,
 *   signal: new AbortController().signal });
 * [...run.records].length; // 10
 * [...run.records].every((r) => r.errorClass === null); // true
 * await client.close();
 * ```
 */
export async function runStep(plan: StepPlan): Promise<StepRun> {
  await preconnect(plan);
  const monitor = new HarnessMonitor();
  const stepStart = performance.now();
  const ctx: SendContext = {
    client: plan.client,
    origin: plan.origin ?? stepStart,
    step: plan.step,
    signal: plan.signal,
    judge: plan.judge,
    servedModels: plan.servedModels,
  };
  const store = plan.records ?? new RecordStore();
  const before = store.length;
  const tracker = new StepTracker(plan.step, stepStart, plan.onRecord, store);
  const timer =
    plan.onProgress === undefined
      ? undefined
      : setInterval(
          () =>
            plan.onProgress?.({ ...tracker.progress(), load: plan.load } satisfies StepProgress),
          1000,
        );
  try {
    if (plan.load.kind === 'concurrency') await closedLoop(plan, ctx, tracker);
    else await openLoop(plan, ctx, tracker);
  } finally {
    if (timer !== undefined) clearInterval(timer);
  }
  const reading = {
    ...monitor.stop(),
    peakInFlight: tracker.peakInFlight,
    maxInFlight: plan.load.kind === 'rate' ? plan.load.maxInFlight : undefined,
  };
  // finish order, the order `onRecord` streamed them in: a summary of these records then sums
  // in the same order as one recomputed from a streamed `--records` file
  return { records: store.range(before), reading };
}
