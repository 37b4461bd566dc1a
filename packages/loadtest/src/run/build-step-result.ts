import type { HarnessReading } from '../health/harness-monitor.js';
import { judgeStep } from '../health/step-validity.js';
import type { LoadRecord } from '../metrics/load-record.js';
import {
  type Harness,
  LOADTEST_SCHEMA_VERSION,
  type LoadProfile,
  type StepResult,
} from '../metrics/step-result.js';
import { summarizeRecords } from '../metrics/summarize-records.js';
import type { Slo } from '../slo/parse-slo.js';

/**
 * The result of one step: the figures of its records and the generator's verdict on itself.
 *
 * @param profile - the step's load
 * @param records - its records: an array, a `RecordStore` or another iterable that can be walked
 *   twice (once for the figures, once for the verdict)
 * @param reading - the harness monitor's reading over it
 * @param slo - the SLO, when given
 * @returns the step result
 * @example
 * ```ts
 * const monitor = new HarnessMonitor();
 * // ... run the step, collecting its records ...
 * const stepResult = buildStepResult({ kind: 'rate', rate: 10, arrival: 'poisson' }, records, monitor.stop());
 * stepResult.requests; // { scheduled: 20, sent: 20, completed: 19, failed: 1, dropped: 0, byError: { http_429: 1 } }
 * ```
 */
export function buildStepResult(
  profile: LoadProfile,
  records: Iterable<LoadRecord>,
  reading: HarnessReading,
  slo?: Slo,
): StepResult {
  const figures = summarizeRecords(records, slo, profile.rate);
  const harness = judgeStep(records, reading, profile.rate, figures.scheduleLagMs.p99);
  return { schemaVersion: LOADTEST_SCHEMA_VERSION, profile, ...figures, harness };
}

/**
 * The harness figures of a run of several steps: the worst lag, CPU per request over all
 * steps, saturated when any step was, with each reason prefixed by its step.
 *
 * @param steps - the step results
 * @returns the pooled harness
 * @example
 * ```ts
 * pooledHarness(result.steps).saturated; // true
 * ```
 */
export function pooledHarness(steps: readonly StepResult[]): Harness {
  let cpu = 0;
  let sent = 0;
  const reasons: string[] = [];
  steps.forEach((s, i) => {
    cpu += s.harness.clientCpuUsPerRequest * s.requests.sent;
    sent += s.requests.sent;
    for (const r of s.harness.reasons) reasons.push(`step ${i}: ${r}`);
  });
  return {
    eventLoopLagP99Ms: Math.max(0, ...steps.map((s) => s.harness.eventLoopLagP99Ms)),
    clientCpuUsPerRequest: sent === 0 ? 0 : cpu / sent,
    saturated: steps.some((s) => s.harness.saturated),
    eventLoopUtilization: Math.max(0, ...steps.map((s) => s.harness.eventLoopUtilization)),
    achievedRate: null,
    peakInFlight: steps.reduce<number | null>(
      (m, s) => (s.harness.peakInFlight === null ? m : Math.max(m ?? 0, s.harness.peakInFlight)),
      null,
    ),
    reasons,
  };
}
