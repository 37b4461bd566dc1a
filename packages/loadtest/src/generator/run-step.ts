import { arrivalOffsets } from '../arrival/arrival-schedule.js';
import { HarnessMonitor, type HarnessReading } from '../health/harness-monitor.js';
import type { LoadRecord } from '../metrics/load-record.js';
import { droppedRecord, type SendContext, sendRequest } from './send-request.js';
import type { StepPlan, StepProgress } from './step-plan.js';
import { StepTracker } from './step-tracker.js';

/** Records of a step and the harness reading taken over it. */
export interface StepRun {
  readonly records: LoadRecord[];
  readonly reading: HarnessReading;
}

/** The open loop waits the last this many ms before an arrival in `setImmediate` turns. */
const SPIN_MS = 2.5;

/** Lead time before the first open-loop arrival, so it is not late by construction. */
const LEAD_MS = 5;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const yieldToIo = (): Promise<void> => new Promise((r) => setImmediate(r));

/**
 * A turn of the wait loop shorter than this did nothing but wait: the loop had no I/O to run.
 * Such turns are idle time that event-loop utilisation would otherwise count as busy.
 */
const EMPTY_TURN_MS = 0.05;

async function closedLoop(plan: StepPlan, ctx: SendContext, tracker: StepTracker): Promise<void> {
  if (plan.load.kind !== 'concurrency') return;
  const warmEnd = performance.now() + plan.warmupMs;
  const loadEnd = plan.durationMs === undefined ? undefined : warmEnd + plan.durationMs;
  let issued = 0;
  let measured = 0;
  const worker = async (): Promise<void> => {
    while (!ctx.signal.aborted) {
      const now = performance.now();
      if (loadEnd !== undefined && now >= loadEnd) return;
      const warmup = now < warmEnd;
      if (!warmup && plan.requests !== undefined && measured >= plan.requests) return;
      if (!warmup) measured++;
      const i = issued++;
      tracker.started();
      tracker.finished(await sendRequest(ctx, plan.request(i), i, warmup, now));
    }
  };
  await Promise.all(Array.from({ length: plan.load.concurrency }, worker));
}

async function openLoop(
  plan: StepPlan,
  ctx: SendContext,
  tracker: StepTracker,
  monitor: HarnessMonitor,
): Promise<void> {
  if (plan.load.kind !== 'rate') return;
  const { rate, arrival, maxInFlight } = plan.load;
  const warmCount = Math.round((plan.warmupMs / 1000) * rate);
  const n =
    plan.requests !== undefined
      ? warmCount + plan.requests
      : Math.ceil(((plan.warmupMs + (plan.durationMs ?? 0)) / 1000) * rate);
  const offsets = arrivalOffsets(n, rate, arrival, plan.seed);
  const start = performance.now() + LEAD_MS;
  const running: Promise<void>[] = [];
  let i = 0;
  while (i < n && !ctx.signal.aborted) {
    const now = performance.now();
    const due = start + offsets[i]!;
    if (now < due) {
      // A timer wakes up on libuv's whole-millisecond clock, up to ~2 ms after it was asked
      // to: sleep only while more than SPIN_MS remain, and stop SPIN_MS short; the rest is
      // waited in setImmediate turns, which also run the I/O that is due meanwhile.
      if (due - now > SPIN_MS) await sleep(due - now - SPIN_MS);
      else {
        await yieldToIo();
        const turn = performance.now() - now;
        if (turn < EMPTY_TURN_MS) monitor.addSpinIdle(turn);
      }
      continue;
    }
    // every arrival that is due goes now, on the absolute schedule
    while (i < n && start + offsets[i]! <= now) {
      const scheduled = start + offsets[i]!;
      const warmup = i < warmCount;
      if (maxInFlight !== undefined && tracker.inFlight >= maxInFlight) {
        tracker.finished(droppedRecord(ctx, i, warmup, scheduled));
      } else {
        tracker.started();
        running.push(
          sendRequest(ctx, plan.request(i), i, warmup, scheduled).then((r) => tracker.finished(r)),
        );
      }
      i++;
    }
  }
  await Promise.all(running);
}

/**
 * Runs one step of a load test: closed loop (`concurrency` workers, each sending its next
 * request when the last ends) or open loop (arrivals on an absolute schedule from
 * `performance.now()`, never delayed by answers).
 *
 * @remarks
 * Closed loop stops starting requests after warm-up + duration, or after `requests`
 * measured ones. Open loop draws `requests` + warm-up arrivals, or rate x (warm-up +
 * duration), with {@link arrivalOffsets}; at each wake-up every due arrival is sent, and one
 * that finds `maxInFlight` requests in flight is recorded as dropped. Requests in flight at
 * the end run to completion (bounded by the client's timeouts) unless `signal` aborts them.
 *
 * @param plan - the step
 * @returns its records (in the order they finished) and the harness reading
 * @example
 * ```ts
 * const { records } = await runStep(plan);
 * ```
 */
export async function runStep(plan: StepPlan): Promise<StepRun> {
  const monitor = new HarnessMonitor();
  const stepStart = performance.now();
  const ctx: SendContext = {
    client: plan.client,
    origin: plan.origin ?? stepStart,
    step: plan.step,
    signal: plan.signal,
    judge: plan.judge,
  };
  const tracker = new StepTracker(plan.step, stepStart, plan.onRecord);
  const timer =
    plan.onProgress === undefined
      ? undefined
      : setInterval(() => plan.onProgress?.(tracker.progress() satisfies StepProgress), 1000);
  try {
    if (plan.load.kind === 'concurrency') await closedLoop(plan, ctx, tracker);
    else await openLoop(plan, ctx, tracker, monitor);
  } finally {
    if (timer !== undefined) clearInterval(timer);
  }
  const reading = monitor.stop();
  // finish order, the order `onRecord` streamed them in: a summary of these records then sums
  // in the same order as one recomputed from a streamed `--records` file
  return { records: tracker.records, reading };
}
