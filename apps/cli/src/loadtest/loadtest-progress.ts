import {
  arrivalName,
  type LoadTestResult,
  plannedSteps,
  type RunLoad,
  type StepLoad,
  type StepProgress,
  type StepResult,
  searchBracket,
} from '@assay/loadtest';

/** How many steps a run of several takes (`of 5`, `of at most 10`); absent for one step. */
export interface StepCount {
  readonly count: number;
  readonly atMost: boolean;
}

/**
 * The step count a run's progress lines show: none for a single step (its lines read as
 * before), `of K + 2` for a sweep, `of at most 10` for a search.
 *
 * @param load - the run's load
 * @returns the count, or undefined for a single step
 * @example
 * ```ts
 * stepCountOf(resolved.load); // { count: 5, atMost: false } (--sweep 3)
 * ```
 */
export function stepCountOf(load: RunLoad): StepCount | undefined {
  return load.kind === 'sweep' || load.kind === 'find-max' ? plannedSteps(load) : undefined;
}

const rate = (r: number): string => (r >= 0.01 ? r.toFixed(2) : String(+r.toPrecision(2)));

/** The load a step offers: `rate 50.00/s poisson`, `concurrency 64`. */
function loadText(load: StepLoad | StepResult['profile']): string {
  if (load.kind === 'concurrency') return `concurrency ${load.concurrency}`;
  const arrival = typeof load.arrival === 'object' ? arrivalName(load.arrival) : load.arrival;
  return `rate ${rate(load.rate ?? 0)}/s ${arrival ?? ''}`.trim();
}

/** `step 2` alone, or `step 2 of at most 10 (rate 50.00/s poisson)` in a run of several. */
function stepHead(
  step: number,
  count: StepCount | undefined,
  load: StepLoad | StepResult['profile'] | undefined,
): string {
  if (count === undefined) return `step ${step}`;
  const of = `of ${count.atMost ? 'at most ' : ''}${count.count}`;
  return `step ${step} ${of}${load === undefined ? '' : ` (${loadText(load)})`}`;
}

/**
 * One progress line on stderr: step (in a sweep or search: `of N`, or `of at most N`, and the
 * load it offers), elapsed time, achieved rate, in flight, done, failed and dropped
 * (`--max-in-flight`; never counted as failed, as in the step's final line), e2e p50 / p99 so
 * far.
 *
 * @param p - the step's progress
 * @param count - the run's step count ({@link stepCountOf}); none for a single step
 * @returns the line, without a newline
 * @example
 * ```ts
 * process.stderr.write(`${progressLine(tracker.progress())}\n`);
 * ```
 */
export function progressLine(p: StepProgress, count?: StepCount): string {
  const ms = (v: number | null) => (v === null ? '-' : `${v.toFixed(0)} ms`);
  return `loadtest ${stepHead(p.step, count, p.load)}: ${(p.elapsedMs / 1000).toFixed(1)} s, ${p.rate.toFixed(1)} req/s, in flight ${p.inFlight}, done ${p.completed}${p.warmupCompleted > 0 ? ` (${p.warmupCompleted} warm-up)` : ''}, failed ${p.failed}, dropped ${p.dropped}, e2e p50 ${ms(p.p50)} p99 ${ms(p.p99)}`;
}

/** The step's SLO verdict: `, SLO met`, `, SLO missed (e2e_p99 = 52.1 > 40)`, or nothing. */
function verdict(s: StepResult): string {
  const v = s.sloPassed;
  if (v === undefined) return '';
  return v.passed ? ', SLO met' : `, SLO missed (${v.failures.join('; ')})`;
}

/** `--find-max`: the bracket after this step, as the search counts its steps. */
function bracket(steps: readonly StepResult[]): string {
  const { capacity, lo, hi } = searchBracket(steps);
  if (steps.length === 1)
    return `; capacity ${rate(capacity)} requests/s, which the search's first rate lies above`;
  const top = hi === undefined ? 'no miss yet' : `${rate(hi)}`;
  return `; bracket so far ${rate(lo)}-${top} requests/s`;
}

/**
 * The line that ends a step on stderr: its counts and rate, whether the generator was
 * saturated, its SLO verdict and, in `--find-max`, the bracket so far.
 *
 * @param steps - the run's steps so far, this one last
 * @param kind - the run's kind (`find-max` adds the bracket)
 * @param count - the run's step count; none for a single step
 * @returns the line, without a newline
 * @example
 * ```ts
 * stepDoneLine([step], 'concurrency', undefined); // 'loadtest step 0 done: 129 completed, 0 failed, 0 dropped, 42.89 req/s'
 * ```
 */
export function stepDoneLine(
  steps: readonly StepResult[],
  kind: LoadTestResult['profile']['kind'],
  count: StepCount | undefined,
): string {
  const i = steps.length - 1;
  const s = steps[i]!;
  const saturated = s.harness.saturated ? ' (generator saturated)' : '';
  const search = kind === 'find-max' ? bracket(steps) : '';
  return `loadtest ${stepHead(i, count, s.profile)} done: ${s.requests.completed} completed, ${s.requests.failed} failed, ${s.requests.dropped} dropped, ${s.throughput.requestsPerSec.toFixed(2)} req/s${saturated}${verdict(s)}${search}`;
}
