import type { LoadRecord } from '../metrics/load-record.js';
import type { Harness } from '../metrics/step-result.js';
import type { HarnessReading } from './harness-monitor.js';

/** Schedule lag above which a request counts as late, and the p99 lag limit, ms. */
export const LATE_MS = 5;
/** Most late requests allowed, as a fraction. */
export const MAX_LATE_FRACTION = 0.01;
/** Least achieved rate, as a fraction of the target. */
export const MIN_RATE_FRACTION = 0.98;
/** Most event-loop utilisation. */
export const MAX_ELU = 0.9;
/**
 * Sends more than {@link LATE_MS} late that it takes before lateness voids a step, when none
 * was later than {@link STALL_MS}. One or two are what a single stall makes at tens of
 * requests per second (a major garbage collection of 5–17 ms, which V8's memory reducer starts
 * on its own timer, or the machine descheduling the process). From 201 sends on, a p99 above
 * {@link LATE_MS} or more than 1% late needs 3 late sends anyway, so there the rule is the bare one.
 */
export const MIN_LATE_SENDS = 3;
/**
 * A send later than this, ms, always counts: a stall that long (a blocked event loop, a long
 * collection) is the client's delay in every latency it touches, however rare.
 */
export const STALL_MS = 25;
/**
 * Event-loop utilisation is judged over a step that ran at least this long, ms (warm-up
 * included), or that sent {@link MIN_ELU_SENDS} requests: three requests in 20 ms measure the
 * start-up's work, not the generator's pace.
 */
export const MIN_ELU_SPAN_MS = 1000;
/** See {@link MIN_ELU_SPAN_MS}. */
export const MIN_ELU_SENDS = 100;
/** Requests in flight from which a saturated open loop names the service's backlog as a cause. */
export const BACKLOG_IN_FLIGHT = 256;

/**
 * A possible cause of a saturated open loop: a large backlog of requests in flight. Worded as
 * a possibility: a service that keeps up holds rate × latency requests in flight too (20/s of
 * 15-s answers is 300), so the count alone does not show that it fell behind.
 */
function backlogReason(peak: number, bound: number | undefined): string {
  const what = `up to ${peak} requests were in flight at once (handed to the client, each on a connection or waiting for one)`;
  const fix =
    bound === undefined
      ? '--max-in-flight bounds them (requests beyond it are counted as dropped), so the schedule can be kept'
      : `a lower --max-in-flight than ${bound} bounds them further (requests beyond it are counted as dropped)`;
  return `${what}: if the service answered slower than they arrived, that backlog also slowed the generator; ${fix}`;
}

/**
 * The generator's verdict on its own step: saturated when it could not keep its schedule.
 *
 * @remarks
 * A step is invalid (the figures describe the client, not the server) when any holds:
 * - schedule lag p99 above {@link LATE_MS} ms, or more than 1% of requests late by that much,
 *   counted once at least {@link MIN_LATE_SENDS} sends were that late or one was more than
 *   {@link STALL_MS} ms late: in a step of a few dozen requests, one stall (a 10-ms garbage
 *   collection) makes one late send, 2–3% of the step, which says nothing about the
 *   generator's pace; from 201 sends on this is the bare rule;
 * - open loop: the achieved rate (requests started or dropped per second over the measured
 *   schedule, `handled / (last handled - schedule start)`, the schedule starting `handled /
 *   rate` before its last arrival) below 0.98x the target rate. The measured arrivals' gaps are
 *   rescaled to end exactly `handled / rate` after the schedule's start (`arrivalOffsets`),
 *   so the schedule asks for the target rate itself, even in a short step (before, a short
 *   step's Poisson draws could ask for less: 15 arrivals in 3 s at 5/s came out 4.57/s);
 * - event-loop utilisation above 0.9, in a step that ran at least {@link MIN_ELU_SPAN_MS} ms
 *   (warm-up included) or sent {@link MIN_ELU_SENDS} requests (three requests in 20 ms
 *   measure the start-up's work, not the generator's pace).
 *
 * When an open loop is saturated with {@link BACKLOG_IN_FLIGHT} or more requests in flight at
 * some moment (`reading.peakInFlight`, warm-up included), one more sentence names a possible
 * cause: if the service fell behind, its backlog slowed the generator too; it points to
 * `--max-in-flight` (or a lower one than `reading.maxInFlight`).
 *
 * @param records - the step's records (warm-up skipped here)
 * @param reading - the harness monitor's reading
 * @param targetRate - the open-loop rate, `undefined` for closed loop
 * @param lagP99 - the step's schedule lag p99, ms (`null` when nothing was sent)
 * @returns the `harness` object of the step
 * @example
 * ```ts
 * const monitor = new HarnessMonitor();
 * // ... run the step ...
 * const figures = summarizeRecords(records);
 * const harness = judgeStep(records, monitor.stop(), 50, figures.scheduleLagMs.p99);
 * harness.saturated; // false
 * ```
 */
export function judgeStep(
  records: Iterable<LoadRecord>,
  reading: HarnessReading,
  targetRate: number | undefined,
  lagP99: number | null,
): Harness {
  const reasons: string[] = [];
  let late = 0;
  let sent = 0;
  let measured = 0;
  let last = Number.NEGATIVE_INFINITY;
  let lastScheduled = Number.NEGATIVE_INFINITY;
  let latest = 0;
  for (const r of records) {
    if (r.warmup) continue;
    measured++;
    last = Math.max(last, r.sentMs ?? r.scheduledMs);
    lastScheduled = Math.max(lastScheduled, r.scheduledMs);
    if (r.sentMs === null) continue;
    sent++;
    const lag = r.sentMs - r.scheduledMs;
    if (lag > LATE_MS) late++;
    latest = Math.max(latest, lag);
  }
  // a p99 above LATE_MS means about 1% of sends that late: both rules need MIN_LATE_SENDS,
  // unless one send was so late that it is no stall of a few milliseconds
  const lateCounts = late >= MIN_LATE_SENDS || latest > STALL_MS;
  if (lateCounts && lagP99 !== null && lagP99 > LATE_MS)
    reasons.push(`schedule lag p99 ${lagP99.toFixed(2)} ms is above ${LATE_MS} ms`);
  if (lateCounts && late / sent > MAX_LATE_FRACTION)
    reasons.push(
      `${((100 * late) / sent).toFixed(1)}% of requests were sent more than ${LATE_MS} ms late`,
    );
  let achievedRate: number | null = null;
  let rateShort = false;
  if (targetRate !== undefined && measured > 0) {
    // the measured schedule starts measured / rate before its last arrival: its gaps are
    // rescaled to end there exactly (`arrivalOffsets`), so it asked for the target rate itself
    const scheduleStart = lastScheduled - (measured / targetRate) * 1000;
    achievedRate = measured / ((last - scheduleStart) / 1000);
    rateShort = achievedRate < MIN_RATE_FRACTION * targetRate;
    if (rateShort)
      reasons.push(
        `achieved rate ${achievedRate.toFixed(2)}/s is below ${MIN_RATE_FRACTION}x the ${targetRate >= 0.01 ? targetRate.toFixed(2) : String(+targetRate.toPrecision(2))}/s asked for (its last request went out ${((last - lastScheduled) / 1000).toFixed(2)} s after the schedule's last arrival)`,
      );
  }
  const eluCounts =
    reading.elapsedMs === undefined ||
    reading.elapsedMs >= MIN_ELU_SPAN_MS ||
    sent >= MIN_ELU_SENDS;
  if (eluCounts && reading.eventLoopUtilization > MAX_ELU)
    reasons.push(
      `event-loop utilisation ${reading.eventLoopUtilization.toFixed(2)} is above ${MAX_ELU}`,
    );
  const peak = reading.peakInFlight ?? null;
  if (reasons.length > 0 && targetRate !== undefined && peak !== null && peak >= BACKLOG_IN_FLIGHT)
    reasons.push(backlogReason(peak, reading.maxInFlight));
  return {
    eventLoopLagP99Ms: reading.eventLoopLagP99Ms,
    clientCpuUsPerRequest: sent === 0 ? 0 : reading.cpuUs / sent,
    saturated: reasons.length > 0,
    eventLoopUtilization: reading.eventLoopUtilization,
    achievedRate,
    peakInFlight: peak,
    reasons,
    ...(targetRate === undefined ? {} : { rateShort }),
  };
}
