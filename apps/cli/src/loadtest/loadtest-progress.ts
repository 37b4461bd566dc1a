import type { StepProgress } from '@assay/loadtest';

/**
 * One progress line on stderr: step, elapsed time, achieved rate, in flight, done, failed and
 * dropped (`--max-in-flight`; never counted as failed, as in the step's final line), e2e p50 /
 * p99 so far.
 *
 * @param p - the step's progress
 * @returns the line, without a newline
 * @example
 * ```ts
 * process.stderr.write(`${progressLine(tracker.progress())}\n`);
 * ```
 */
export function progressLine(p: StepProgress): string {
  const ms = (v: number | null) => (v === null ? '-' : `${v.toFixed(0)} ms`);
  return `loadtest step ${p.step}: ${(p.elapsedMs / 1000).toFixed(1)} s, ${p.rate.toFixed(1)} req/s, in flight ${p.inFlight}, done ${p.completed}${p.warmupCompleted > 0 ? ` (${p.warmupCompleted} warm-up)` : ''}, failed ${p.failed}, dropped ${p.dropped}, e2e p50 ${ms(p.p50)} p99 ${ms(p.p99)}`;
}
