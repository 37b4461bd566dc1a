import type { LoadTestResult, StepResult } from '../metrics/step-result.js';
import { stepLabel } from './loadtest-table.js';
import { measurementValid } from './step-cells.js';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * How the steps of a sweep or search fared against the SLO, counted apart from the validity of
 * each measurement: `SLO met at 5 of 5 steps; 1 measurement not valid (step 2: the load generator fell
 * behind), so its figures describe the client, not the server`.
 *
 * @param steps - the run's steps
 * @returns the sentence, without a final period
 * @example
 * ```ts
 * stepCounts(result.steps);
 * // 'SLO met at 5 of 5 steps; 1 measurement not valid (step 2: the load generator fell behind), so its figures describe the client, not the server'
 * ```
 */
export function stepCounts(steps: readonly StepResult[]): string {
  const judged = steps.filter((s) => s.sloPassed !== undefined);
  const met = judged.filter((s) => s.sloPassed?.passed === true).length;
  const missed = steps.flatMap((s, i) => (s.sloPassed?.passed === false ? [`step ${i}`] : []));
  const invalid = steps.flatMap((s, i) =>
    s.requests.scheduled > 0 && !measurementValid(s)
      ? [
          `step ${i}: ${s.harness.saturated ? 'the load generator fell behind' : 'no request succeeded'}`,
        ]
      : [],
  );
  const slo = `SLO met at ${met} of ${plural(judged.length, 'step', 'steps')}${missed.length === 0 ? '' : ` (missed at ${missed.join(', ')})`}`;
  const valid =
    invalid.length === 0
      ? 'every measurement valid'
      : `${plural(invalid.length, 'measurement', 'measurements')} not valid (${invalid.join('; ')}), so ${invalid.length === 1 ? 'its figures describe' : 'their figures describe'} the client, not the server`;
  return `${slo}; ${valid}`;
}

/**
 * Whether a step that met the SLO answers for the service, by `--find-max`'s rule: a valid
 * measurement, or one whose generator sent late (latencies count from the intended start, so
 * lateness only adds to them) while the service was still offered the step's rate.
 */
function countsForSlo(s: StepResult): boolean {
  return measurementValid(s) || (s.harness.saturated && s.harness.rateShort !== true);
}

/** The throughput step: the closed-loop step at the largest concurrency. */
function throughputStep(steps: readonly StepResult[]): number {
  let best = -1;
  steps.forEach((s, i) => {
    if (s.profile.kind !== 'concurrency') return;
    if (best < 0 || (s.profile.concurrency ?? 0) > (steps[best]!.profile.concurrency ?? 0))
      best = i;
  });
  return best;
}

/**
 * A sweep's answer: the largest rate measured within the SLO (over the steps that met it and
 * answer for the service, as `--find-max` counts them; between the measured rates nothing is
 * known), and the throughput step's rate. A rate
 * averaged over all steps of a sweep describes no load that ran, so none is given.
 *
 * @param result - a load test's result
 * @returns the sentence, or undefined for a run that is not a sweep
 * @example
 * ```ts
 * sweepAnswer(result); // 'Largest rate measured within the SLO: 388.93 requests/s (step 1: concurrency 64; …). …'
 * ```
 */
export function sweepAnswer(result: LoadTestResult): string | undefined {
  const steps = result.steps;
  if (result.profile.kind !== 'sweep' || steps === undefined || steps.length === 0)
    return undefined;
  const out: string[] = [];
  if (result.goodput !== undefined) {
    const within = steps
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => s.sloPassed?.passed === true && countsForSlo(s))
      .sort((a, b) => b.s.throughput.requestsPerSec - a.s.throughput.requestsPerSec)[0];
    const late = within !== undefined && !measurementValid(within.s);
    out.push(
      within === undefined
        ? 'No valid step met the SLO.'
        : `Largest rate measured within the SLO: ${within.s.throughput.requestsPerSec.toFixed(2)} requests/s (${stepLabel(within.s, within.i)}${late ? ', met although the generator sent late, which only adds to the latencies' : ''}; only the rates in the table were tried, --find-max searches between them).`,
    );
  }
  const t = throughputStep(steps);
  if (t >= 0) {
    const s = steps[t]!;
    const slo = s.sloPassed === undefined ? '' : s.sloPassed.passed ? ', SLO met' : ', SLO missed';
    // an interruption in the last step ran it short: its rate is not the full step's
    const cut =
      result.interrupted === true && t === steps.length - 1
        ? ' (cut short by the interruption)'
        : '';
    out.push(
      `Throughput step (${stepLabel(s, t)}): ${s.throughput.requestsPerSec.toFixed(2)} requests/s${cut}${slo}${measurementValid(s) ? '' : ', not valid'}.`,
    );
  }
  return out.join(' ');
}
