import { type QueuedBootstrap, queueBootstrap } from '../bootstrap/queue-bootstrap.js';
import { confusionOnRows } from '../metrics/compute-metric-values.js';
import type { JobMetrics } from './job-metrics.js';
import type { ScoreJob } from './score-job.js';
import { track } from './track-progress.js';
import type { WholeSetCounts } from './whole-set-pass.js';

/**
 * Multinomial bootstrap tasks per worker (each replicate has its own seed, so any batching
 * gives the same result). One: the tasks share out the replicates in batches through a shared
 * counter, which balances the workers, and each further task cost a round trip through the
 * calling thread (2–5 ms on two busy cores).
 */
export const TASKS_PER_WORKER = 1;

/** A job's bootstrap outcome (empty without a bootstrap). */
export interface BootstrapIntervals {
  /** Per selection (whole set, then each slice), per metric: the interval or null. */
  readonly intervals: ([number, number] | null)[][];
  /** How each metric was resampled. */
  readonly method: Record<string, 'multinomial-counts' | 'rows'>;
}

/**
 * Queues the bootstrap replicates of the whole set and of each slice, ahead
 * of the fold pass. Without whole-set counts (too many classes or cells to
 * count), confusion metrics are resampled by rows like every other metric.
 *
 * @param job - the job
 * @param metrics - the job's metrics
 * @param counts - the whole-set pass's counts (multinomial draws resample them)
 * @returns the queued bootstrap, or null when the job asks for none
 */
export function queueJobBootstrap(
  job: ScoreJob,
  metrics: JobMetrics,
  counts: WholeSetCounts,
): QueuedBootstrap | null {
  if (job.bootstrap <= 0) return null;
  return queueBootstrap({
    run: (task) => job.exec.values(task),
    track: (promises) => track(promises, 'bootstrap', job.options),
    columns: job.columns,
    specs:
      counts.overall === null ? metrics.specs.map((spec) => confusionOnRows(spec)) : metrics.specs,
    overallCounts: counts.overall,
    sliceCounts: counts.slices,
    seed: job.seed,
    bootstrap: job.bootstrap,
    ci: job.ci,
    tasks: Math.max(1, job.workers) * TASKS_PER_WORKER,
  });
}

/**
 * Waits for the queued bootstrap and adds its warnings to the job's.
 *
 * @param job - the job
 * @param queued - from {@link queueJobBootstrap}
 * @returns the intervals and methods (empty when `queued` is null)
 */
export async function bootstrapIntervals(
  job: ScoreJob,
  queued: QueuedBootstrap | null,
): Promise<BootstrapIntervals> {
  if (queued === null) return { intervals: [], method: {} };
  const result = await queued.done;
  for (const e of result.warnings) if (!job.warnings.includes(e)) job.warnings.push(e);
  return { intervals: result.intervals, method: queued.method };
}
