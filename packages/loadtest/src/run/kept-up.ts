import type { StepResult } from '../metrics/step-result.js';

/** Below this share of its offered load completed, a step above capacity did not keep up. */
export const KEPT_UP_SHARE = 0.95;

/**
 * Below this share of its scheduled rate completed per second, a step above capacity did not
 * keep up: 1 / 1.02, the margin above capacity within which steps are not judged.
 */
export const KEPT_UP_RATE_SHARE = 0.98;

/**
 * Why a find-max rate step did not keep up, for {@link keptUp} and the reports: `kept up 0.87 <
 * 0.95` when it completed too little of what arrived in the second half of its sending span
 * (`throughput.keptUpShare`), `completed 0.94x its rate < 0.98` when it completed too few per
 * second there against its scheduled rate (`throughput.keptUpRate`). The share alone passed a
 * step whose second half happened to draw few Poisson arrivals: at 84/s against an 80/s server
 * it read 0.983 (119 arrivals there, 134 in the first half) while the step completed 78.96/s.
 * The rate is held against the share of the half's requests that did not fail without
 * queueing (`throughput.keptUpFailures`): refused connections are failures, not a backlog.
 *
 * @param step - the rate step
 * @param offered - its scheduled rate
 * @returns the shortfall, or undefined when it kept up or cannot be judged (share null)
 * @example
 * ```ts
 * keptUpShortfall(step, 84); // undefined (it kept up)
 * keptUpShortfall({ ...step, throughput: { ...step.throughput, keptUpShare: 0.87 } }, 84); // 'kept up 0.87 < 0.95'
 * ```
 */
export function keptUpShortfall(step: StepResult, offered: number): string | undefined {
  const { keptUpShare: share, keptUpRate: rate } = step.throughput;
  if (share === null || share === undefined) return undefined;
  if (share < KEPT_UP_SHARE) return `kept up ${share.toFixed(2)} < ${KEPT_UP_SHARE}`;
  if (rate === null || rate === undefined || !(offered > 0)) return undefined;
  // requests that failed without queueing (refused, an HTTP error) are no rate it fell short of
  const f = step.throughput.keptUpFailures;
  const answerable = f === undefined || !(f.scheduled > 0) ? 1 : 1 - f.failed / f.scheduled;
  const ofRate = rate / (offered * answerable);
  if (ofRate < KEPT_UP_RATE_SHARE)
    return `completed ${ofRate.toFixed(2)}x its rate < ${KEPT_UP_RATE_SHARE}`;
  return undefined;
}

/**
 * Whether a find-max rate step above the throughput step's capacity kept up with its offered
 * rate ({@link keptUpShortfall}): in the second half of its sending span it completed at least
 * {@link KEPT_UP_SHARE} of what arrived there (about 1 for a service that keeps up whatever its
 * latency), and at least {@link KEPT_UP_RATE_SHARE} of its scheduled rate per second. A step
 * too short for a queue to build can meet a latency SLO at a rate the service cannot sustain
 * (29.35/s passed `e2e_p99<=2000` against a 20/s server while completing 19.3/s); such a step
 * is a miss. Steps at or below capacity (within 2%) are not judged by it, nor steps whose share
 * cannot be measured (`keptUpShare` null: fewer than 10 arrivals in the half, or requests as
 * long as half the step).
 *
 * @param step - the rate step
 * @param offered - its rate
 * @param capacity - the throughput step's {@link sustainedRate}
 * @returns false when the step fell behind a rate above capacity
 * @example
 * ```ts
 * const behind = { ...step, throughput: { ...step.throughput, keptUpShare: 0.66 } };
 * keptUp(behind, 29.35, 19.73); // false (above capacity, it completed 66% of its arrivals)
 * keptUp(behind, 19, 19.73); // true (at or below capacity it is not judged)
 * ```
 */
export function keptUp(step: StepResult, offered: number, capacity: number): boolean {
  if (offered <= capacity * 1.02) return true;
  return keptUpShortfall(step, offered) === undefined;
}
