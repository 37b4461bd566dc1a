import type { Arrival } from '../arrival/arrival-schedule.js';
import type { LoadTestResult, MaxRate, StepResult, UpperEnd } from '../metrics/step-result.js';
import type { Slo } from '../slo/parse-slo.js';
import { KEPT_UP_SHARE, keptUp } from './kept-up.js';
import type { RunLoad } from './pick-load.js';
import type { StepRunner } from './step-runner.js';

/** Bisection stops when the bracket is narrower than this fraction of its upper end. */
export const BRACKET_TOLERANCE = 0.05;
/** Most bisection steps after the bracket is found. */
export const MAX_BISECTIONS = 6;
/** Most times the first upper end is doubled while it still passes. */
const DOUBLINGS = 3;

/**
 * The rate a closed-loop step shows the service sustains: completions per second while it was
 * sending (`steadyRequestsPerSec`), which leaves out the drain after the last start. On a short
 * step whose requests queue for seconds that drain halves `requestsPerSec` (2-s steps at
 * concurrency 64 against a 40/s server read 23/s), and the rates spaced from it would stop
 * far below capacity. A step too short to have a sending span falls back to `requestsPerSec`.
 *
 * @param step - a closed-loop step's result
 * @returns requests per second
 * @example
 * ```ts
 * sustainedRate(step); // 61.117… (steadyRequestsPerSec)
 * ```
 */
export function sustainedRate(step: StepResult): number {
  const { steadyRequestsPerSec, requestsPerSec } = step.throughput;
  return steadyRequestsPerSec > 0 ? steadyRequestsPerSec : requestsPerSec;
}

/**
 * GuideLLM's sweep: a synchronous step (concurrency 1), a throughput step (concurrency
 * `full`), then `k` open-loop rates evenly spaced strictly between the two measured rates
 * (each closed-loop step's {@link sustainedRate}).
 *
 * @param runner - runs steps on the run's client
 * @param k - how many rates
 * @param arrival - arrival process of the rate steps
 * @param full - concurrency of the throughput step
 * @param maxInFlight - open-loop in-flight bound
 * @returns the rates run
 * @example
 * ```ts
 * const runner = runnerFor(); // runs steps on one client, as runLoadTest does
 * const rates = await sweepRates(runner, 3, { kind: 'poisson' }, 8, undefined);
 * runner.steps.map((s) => s.profile.kind); // ['concurrency', 'concurrency', 'rate', 'rate', 'rate']
 * const [sync, full] = runner.steps.map((s) => sustainedRate(s));
 * rates.every((r) => r > Math.min(sync, full) && r < Math.max(sync, full)); // true (evenly between them)
 * ```
 */
export async function sweepRates(
  runner: StepRunner,
  k: number,
  arrival: Arrival,
  full: number,
  maxInFlight: number | undefined,
): Promise<number[]> {
  const sync = sustainedRate(await runner.run({ kind: 'concurrency', concurrency: 1 }));
  const max = sustainedRate(await runner.run({ kind: 'concurrency', concurrency: full }));
  const lo = Math.min(sync, max);
  const hi = Math.max(sync, max);
  const rates: number[] = [];
  for (let i = 1; i <= k; i++) {
    const rate = lo + ((hi - lo) * i) / (k + 1);
    if (!(rate > 0)) continue;
    rates.push(rate);
    await runner.run({ kind: 'rate', rate, arrival, maxInFlight });
  }
  return rates;
}

/**
 * A step meets the SLO when its bounds hold and the generator kept its schedule (the sweep's
 * and a single step's reading; `--find-max` counts by {@link rateStepOutcome}).
 *
 * @param step - a step result
 * @returns whether find-max counts it as a pass
 * @example
 * ```ts
 * stepMeetsSlo(result.steps[1]); // true
 * stepMeetsSlo(result.steps[2]); // false (the generator fell behind)
 * ```
 */
export function stepMeetsSlo(step: StepResult): boolean {
  return step.sloPassed?.passed === true && !step.harness.saturated;
}

/**
 * How `--find-max` counted one of its rate steps: `'pass'`; `'pass-late'`, a pass although the
 * generator was saturated by late sends or a busy event loop; or the miss's cause
 * ({@link UpperEnd}).
 */
export type RateStepOutcome = 'pass' | 'pass-late' | Exclude<UpperEnd, 'untested'>;

/**
 * How `--find-max` counts a rate step.
 *
 * @remarks
 * A step that met every SLO bound passes even when the generator sent some requests late or
 * its event loop was busy (`harness.saturated`), as long as the service was offered the rate
 * (`harness.rateShort` false): e2e and TTFT count from the intended start, so a late send
 * only adds its lateness to them, and late sends bunch the arrivals, a harder load than the
 * schedule's; the service met the SLO at that rate with the generator's delays counted against
 * it. On a busy machine a few sends 6–11 ms late voided such steps and the answer fell to half
 * the capacity. A step that fell behind a rate above capacity is a `'kept-up'` miss
 * ({@link keptUp}) first, saturated or not: the service could not complete the rate. Else a
 * saturated step that missed its SLO, or that was not offered its rate, is a miss caused by the
 * generator (`'generator'`): it says nothing about the service. Then an SLO miss (`'slo'`).
 *
 * @param step - the rate step
 * @param offered - its rate
 * @param capacity - the throughput step's {@link sustainedRate}
 * @returns the outcome
 * @example
 * ```ts
 * rateStepOutcome(result.steps[2], 143, 388); // 'pass-late' (met the SLO, some sends late)
 * ```
 */
export function rateStepOutcome(
  step: StepResult,
  offered: number,
  capacity: number,
): RateStepOutcome {
  const met = step.sloPassed?.passed === true;
  // a service that fell behind its rate is the cause, whatever the generator's health: a step
  // at 87/s (kept up 0.90, lag p99 7 ms) against an 80/s server read 'generator' and its answer
  // advised a quieter machine
  if (serviceFellBehind(step, offered, capacity)) return 'kept-up';
  if (step.harness.saturated && (!met || step.harness.rateShort === true)) return 'generator';
  if (!met) return 'slo';
  return step.harness.saturated ? 'pass-late' : 'pass';
}

/**
 * Whether the service fell behind a step's rate ({@link keptUp}). When the generator itself
 * fell short of the schedule (`harness.rateShort`) the shortfall against the scheduled rate is
 * its doing, so only the share of what did arrive counts then.
 */
function serviceFellBehind(step: StepResult, offered: number, capacity: number): boolean {
  if (keptUp(step, offered, capacity)) return false;
  if (step.harness.rateShort !== true) return true;
  return (step.throughput.keptUpShare ?? 1) < KEPT_UP_SHARE;
}

/** Whether an outcome counts as a pass. */
function passes(outcome: RateStepOutcome): boolean {
  return outcome === 'pass' || outcome === 'pass-late';
}

/**
 * The largest open-loop rate that meets the SLO, by bisection on rate.
 *
 * @remarks
 * A throughput step (closed loop at `full`) measures the service's capacity C (its
 * {@link sustainedRate}); the first
 * upper end is 1.25 C (doubled up to three times while it still passes). Then the bracket
 * [lo, hi] (lo = 0 at first) is halved: a rate passes by {@link rateStepOutcome} (its step met
 * every SLO bound with the rate offered, and, above C, kept up with it). It stops when
 * hi - lo < 5% of hi or after 6 bisections; the answer is lo with its bracket and
 * `upperEnd`, why the step at hi missed (`'generator'` when the generator, not the service,
 * voided it). An answer above the most the service was seen to complete per second (C, or
 * where higher a passing rate step's offered rate when it was judged and kept up, else its
 * {@link sustainedRate}: a closed loop of too few requests in flight reads below what an open
 * loop keeps up with) is capped there (`rate` and the bracket's
 * low end; `cappedFrom` keeps the rate that passed): a rate above that cannot be shown
 * sustained, and steps within 2% above C are not judged for keeping up. Each step runs the
 * run's full duration or request count.
 *
 * @param runner - runs steps on the run's client
 * @param slo - the SLO
 * @param arrival - arrival process
 * @param full - concurrency of the throughput step
 * @param maxInFlight - open-loop in-flight bound
 * @returns the rate, its bracket, the SLO and what set the upper end
 * @example
 * ```ts
 * const slo = parseSlo('e2e_p99<=500');
 * const runner = runnerFor(slo); // runs steps on one client, judged by the SLO, as runLoadTest does
 * const { rate, bracket } = await findMaxRate(runner, slo, { kind: 'poisson' }, 8, undefined);
 * rate > 0; // true
 * bracket[0] === rate; // true
 * ```
 */
export async function findMaxRate(
  runner: StepRunner,
  slo: Slo,
  arrival: Arrival,
  full: number,
  maxInFlight: number | undefined,
): Promise<MaxRate> {
  const capacity = sustainedRate(await runner.run({ kind: 'concurrency', concurrency: full }));
  // the most the service was seen to complete per second: a closed loop of too few in flight
  // reads low (744/s at 64 in flight, where a 872/s open-loop step kept up to its end)
  let shown = capacity;
  const judged = async (rate: number): Promise<RateStepOutcome> => {
    const step = await runner.run({ kind: 'rate', rate, arrival, maxInFlight });
    const outcome = rateStepOutcome(step, rate, capacity);
    if (passes(outcome)) shown = Math.max(shown, shownRate(step, rate, capacity));
    return outcome;
  };
  let lo = 0;
  let hi = Math.max(capacity * 1.25, 0.5);
  let upperEnd: UpperEnd = 'untested';
  for (let doubling = 0; doubling < DOUBLINGS && upperEnd === 'untested'; doubling++) {
    const outcome = await judged(hi);
    if (passes(outcome)) {
      lo = hi;
      hi *= 2;
    } else upperEnd = outcome as UpperEnd;
  }
  // every rate tried passed: the upper end was never reached (its bracket end is untested)
  if (upperEnd === 'untested') return capped(lo, hi, shown, slo, upperEnd);
  for (let i = 0; i < MAX_BISECTIONS && hi - lo >= BRACKET_TOLERANCE * hi; i++) {
    const mid = (lo + hi) / 2;
    const outcome = await judged(mid);
    if (passes(outcome)) lo = mid;
    else {
      hi = mid;
      upperEnd = outcome as UpperEnd;
    }
  }
  return capped(lo, hi, shown, slo, upperEnd);
}

/**
 * What a passing rate step shows the service completes per second: its offered rate where it
 * was judged for keeping up and kept up ({@link keptUp}: above 1.02 C, with a measured share),
 * else its {@link sustainedRate}, which reads low by the latency's share of the sending span
 * (2-s answers at 872/s read 698/s).
 */
function shownRate(step: StepResult, rate: number, capacity: number): number {
  const share = step.throughput.keptUpShare;
  const judged = rate > capacity * 1.02 && share !== null && share !== undefined;
  return judged ? rate : sustainedRate(step);
}

/**
 * The answer with its low end capped at the most the service was seen to complete per second:
 * a rate above what any step completed cannot be shown sustained, however a short step judged
 * it (steps up to 2% above capacity are not judged for keeping up, so one can pass by chance:
 * 25.10/s passed against a measured 24.72/s, true 25/s).
 */
function capped(lo: number, hi: number, capacity: number, slo: Slo, upperEnd: UpperEnd): MaxRate {
  if (!(capacity > 0) || lo <= capacity)
    return { rate: lo, bracket: [lo, hi], slo: slo.spec, upperEnd };
  return { rate: capacity, bracket: [capacity, hi], slo: slo.spec, upperEnd, cappedFrom: lo };
}

/**
 * `--find-max`'s answer capped at the capacity of its own throughput step (`maxRate.cappedFrom`):
 * a rate above it passed, which a step too short for a queue to build allows (2-s steps passed
 * 41/s against a 40/s server), or a step within 2% above it, which is not judged for keeping
 * up. Only a hint about the step length: a closed loop of too few requests in flight can also
 * fall short of what the service sustains.
 *
 * @param result - a `--find-max` run's result
 * @returns the warning, or undefined when the answer was not capped
 * @example
 * ```ts
 * aboveCapacityWarning(result); // undefined (a sweep finds no largest rate)
 * ```
 */
export function aboveCapacityWarning(result: LoadTestResult): string | undefined {
  const throughputStep = result.steps?.[0];
  const from = result.maxRate?.cappedFrom;
  if (from === undefined || throughputStep?.profile.kind !== 'concurrency') return;
  const capacity = result.maxRate!.rate;
  const k = capacityStep(result);
  const where =
    k === 0
      ? `with ${throughputStep.profile.concurrency} in flight (step 0)`
      : `at most, in any step (step ${k})`;
  return `a step offered ${from.toFixed(2)} requests/s passed, above the ${capacity.toFixed(2)} requests/s the service completed ${where}, so the answer is capped at ${capacity.toFixed(2)}: a rate above what the service was seen to complete cannot be shown sustained, and a step too short for a queue to build passes one. Lengthen --duration (or --requests) until a step holds many times the requests in flight, or raise --max-in-flight (the throughput step's in-flight count) if ${throughputStep.profile.concurrency} could not load the service fully.`;
}

/**
 * The step whose completed rate capped a `--find-max` answer: the one whose
 * {@link sustainedRate} (or, judged and kept up, offered rate) the capped answer reads (the
 * throughput step, 0, unless a rate step was seen to complete more).
 *
 * @param result - a `--find-max` run's result
 * @returns the step's index
 * @example
 * ```ts
 * capacityStep(result); // 0
 * ```
 */
export function capacityStep(result: LoadTestResult): number {
  const rate = result.maxRate?.rate;
  // a judged step that kept up shows its offered rate, any other step its sustained rate
  const k = (result.steps ?? []).findIndex(
    (s) => sustainedRate(s) === rate || s.profile.rate === rate,
  );
  return Math.max(0, k);
}

/**
 * How many steps a run will take: a single step, a sweep's K + 2, or at most a search's
 * throughput step, its 3 doublings and {@link MAX_BISECTIONS} bisections (it stops once the
 * bracket is narrow enough, or after the doublings when every rate passed), for a progress
 * line's `step 3 of at most 10`.
 *
 * @param load - the run's load
 * @returns the count, and whether it is only an upper bound
 * @example
 * ```ts
 * plannedSteps({ kind: 'sweep', steps: 3, arrival: { kind: 'poisson' } }); // { count: 5, atMost: false }
 * plannedSteps({ kind: 'find-max', arrival: { kind: 'poisson' } }); // { count: 10, atMost: true }
 * ```
 */
export function plannedSteps(load: RunLoad): { readonly count: number; readonly atMost: boolean } {
  if (load.kind === 'sweep') return { count: load.steps + 2, atMost: false };
  if (load.kind === 'find-max') return { count: 1 + DOUBLINGS + MAX_BISECTIONS, atMost: true };
  return { count: 1, atMost: false };
}

/**
 * `--find-max`'s bracket after the steps run so far, counted as the search counts them
 * ({@link rateStepOutcome} against the first step's capacity): the largest rate that passed
 * (0 before any) and the smallest that missed (undefined before any), for the progress line.
 *
 * @param steps - the search's steps so far (the throughput step first)
 * @returns the bracket so far, and the capacity its throughput step measured
 * @example
 * ```ts
 * searchBracket(result.steps.slice(0, 1)).lo; // 0 (no rate step yet)
 * searchBracket(result.steps.slice(0, 1)).hi; // undefined
 * ```
 */
export function searchBracket(steps: readonly StepResult[]): {
  readonly capacity: number;
  readonly lo: number;
  readonly hi: number | undefined;
} {
  const capacity = steps[0] === undefined ? 0 : sustainedRate(steps[0]);
  let lo = 0;
  let hi: number | undefined;
  for (const s of steps.slice(1)) {
    const rate = s.profile.rate;
    if (s.profile.kind !== 'rate' || rate === undefined) continue;
    if (passes(rateStepOutcome(s, rate, capacity))) lo = Math.max(lo, rate);
    else hi = Math.min(hi ?? rate, rate);
  }
  return { capacity, lo, hi };
}
