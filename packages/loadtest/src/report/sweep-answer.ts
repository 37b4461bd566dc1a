import {
  type LoadTestResult,
  measuredRequests,
  type StepResult,
  type SweepAnswer,
} from '../metrics/step-result.js';
import { KEPT_UP_SHARE, keptUpShortfall } from '../run/kept-up.js';
import { type RateStepOutcome, sustainedRate } from '../run/search-rate.js';
import { stepLabel } from './loadtest-table.js';
import { measurementValid } from './step-cells.js';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * How the steps of a sweep or search fared against the SLO, counted apart from the validity of
 * each measurement: `SLO met at 5 of 5 steps; 1 measurement not valid (step 2: the load generator fell
 * behind), so its figures describe the client, not the server`. With `--find-max`'s outcomes, a
 * step that met the bounds but fell behind its rate is counted as the search counts it, a miss:
 * `SLO met at 4 of 7 steps (missed at step 0, step 3; step 6 met the bounds but fell behind its
 * rate: kept up 0.71 < 0.95)`.
 *
 * @param steps - the run's steps
 * @param outcomes - how `--find-max` counted each rate step (`findMaxOutcomes`); none for a sweep
 * @returns the sentence, without a final period
 * @example
 * ```ts
 * stepCounts(result.steps);
 * // 'SLO met at 5 of 5 steps; 1 measurement not valid (step 2: the load generator fell behind), so its figures describe the client, not the server'
 * ```
 */
export function stepCounts(
  steps: readonly StepResult[],
  outcomes: ReadonlyMap<number, RateStepOutcome> = new Map(),
): string {
  const judged = steps.filter((s) => s.sloPassed !== undefined).length;
  const behind = (i: number): boolean => outcomes.get(i) === 'kept-up';
  const met = steps.filter((s, i) => s.sloPassed?.passed === true && !behind(i)).length;
  const missed = steps.flatMap((s, i) => (s.sloPassed?.passed === false ? [`step ${i}`] : []));
  const fellBehind = steps.flatMap((s, i) =>
    s.sloPassed?.passed === true && behind(i)
      ? [
          `step ${i} met the bounds but fell behind its rate (${keptUpShortfall(s, s.profile.rate ?? 0) ?? `kept up < ${KEPT_UP_SHARE}`}), which --find-max counts as a miss`,
        ]
      : [],
  );
  const invalid = steps.flatMap((s, i) =>
    measuredRequests(s.requests) > 0 && !measurementValid(s)
      ? [
          `step ${i}: ${s.harness.saturated ? 'the load generator fell behind' : 'no request succeeded'}`,
        ]
      : [],
  );
  const why = [...(missed.length === 0 ? [] : [`missed at ${missed.join(', ')}`]), ...fellBehind];
  const slo = `SLO met at ${met} of ${plural(judged, 'step', 'steps')}${why.length === 0 ? '' : ` (${why.join('; ')})`}`;
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

/**
 * The rate a sweep's answer ranks steps by, the kind `--find-max` answers in: an open-loop
 * step's offered rate; a closed loop offers none, so its achieved rate.
 */
function rankRate(s: StepResult): number {
  return s.profile.kind === 'rate' ? (s.profile.rate ?? 0) : s.throughput.requestsPerSec;
}

/**
 * The answer's rate, labelled: `offered 19.46 requests/s, achieved 16.31/s` for an open-loop
 * step (achieved: completed requests/s, the table's `req/s`), `achieved 79.25 requests/s (a
 * closed loop offers no rate)` for a closed one.
 */
function rateClause(s: StepResult): string {
  const achieved = s.throughput.requestsPerSec.toFixed(2);
  return s.profile.kind === 'rate'
    ? `offered ${(s.profile.rate ?? 0).toFixed(2)} requests/s, achieved ${achieved}/s`
    : `achieved ${achieved} requests/s (a closed loop offers no rate)`;
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

/** The largest rate measured within the SLO: the steps that met it and answer for the service. */
function largestWithin(
  steps: readonly StepResult[],
): NonNullable<SweepAnswer['largestRateWithinSlo']> | null {
  const within = steps
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.sloPassed?.passed === true && countsForSlo(s))
    .sort((a, b) => rankRate(b.s) - rankRate(a.s))[0];
  if (within === undefined) return null;
  const { s, i } = within;
  return {
    step: i,
    offeredRate: s.profile.kind === 'rate' ? (s.profile.rate ?? 0) : null,
    achievedRate: s.throughput.requestsPerSec,
    sentLate: !measurementValid(s),
  };
}

/**
 * A sweep's answer as data (the results JSON's `sweepAnswer`): the throughput step, with the
 * capacity it measured (its completions per second while it was sending, from which the sweep
 * spaced its rates), and under an SLO the largest rate measured within it (over the steps that
 * met it and answer for the service, as `--find-max` counts them; between the measured rates
 * nothing is known).
 *
 * @param result - a load test's result
 * @returns the answer, or undefined for a run that is not a sweep
 * @example
 * ```ts
 * sweepFindings(result)?.throughputStep?.capacity; // 388.33… (step 1, at concurrency 64, achieved 388.93/s)
 * sweepFindings(result)?.largestRateWithinSlo?.step; // 1
 * ```
 */
export function sweepFindings(result: LoadTestResult): SweepAnswer | undefined {
  const steps = result.steps;
  if (result.profile.kind !== 'sweep' || steps === undefined || steps.length === 0)
    return undefined;
  const t = throughputStep(steps);
  const s = steps[t];
  const throughput: SweepAnswer['throughputStep'] =
    s === undefined
      ? null
      : {
          step: t,
          concurrency: s.profile.concurrency ?? 0,
          requestsPerSec: s.throughput.requestsPerSec,
          capacity: sustainedRate(s),
          valid: measurementValid(s),
          ...(s.sloPassed === undefined ? {} : { sloMet: s.sloPassed.passed }),
          // an interruption in the last step ran it short: its rate is not the full step's
          ...(result.interrupted === true && t === steps.length - 1 ? { cutShort: true } : {}),
        };
  const judged = steps.some((x) => x.sloPassed !== undefined);
  return {
    throughputStep: throughput,
    ...(judged ? { largestRateWithinSlo: largestWithin(steps) } : {}),
  };
}

/**
 * A sweep's answer as a sentence ({@link sweepFindings}): the largest rate measured within the
 * SLO, ranked and stated as `--find-max` states its answer, by the offered rate with the
 * achieved one beside it, and the throughput step's achieved rate and capacity. A rate
 * averaged over all steps of a sweep describes no load that ran, so none is given.
 *
 * @param result - a load test's result
 * @returns the sentence, or undefined for a run that is not a sweep
 * @example
 * ```ts
 * sweepAnswer(result); // 'Largest rate measured within the SLO: achieved 388.93 requests/s (a closed loop offers no rate) (step 1: concurrency 64; …). …'
 * ```
 */
export function sweepAnswer(result: LoadTestResult): string | undefined {
  const found = sweepFindings(result);
  const steps = result.steps;
  if (found === undefined || steps === undefined) return undefined;
  const out: string[] = [];
  const within = found.largestRateWithinSlo;
  if (within === null) out.push('No valid step met the SLO.');
  else if (within !== undefined) {
    const s = steps[within.step]!;
    out.push(
      `Largest rate measured within the SLO: ${rateClause(s)} (${stepLabel(s, within.step)}${within.sentLate ? ', met although the generator sent late, which only adds to the latencies' : ''}; only the rates in the table were tried, --find-max searches between them).`,
    );
  }
  const t = found.throughputStep;
  if (t !== null) {
    const s = steps[t.step]!;
    const slo = t.sloMet === undefined ? '' : t.sloMet ? ', SLO met' : ', SLO missed';
    const cut = t.cutShort === true ? ' (cut short by the interruption)' : '';
    out.push(
      `Throughput step (${stepLabel(s, t.step)}): achieved ${t.requestsPerSec.toFixed(2)} requests/s${cut}, ${t.capacity.toFixed(2)}/s while sending (the capacity the rates were spaced from)${slo}${t.valid ? '' : ', not valid'}.`,
    );
  }
  return out.join(' ');
}
