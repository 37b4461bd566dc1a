import type { Selection } from '../pool/task-types.js';
import type { JobMetrics } from './job-metrics.js';
import type { ScoreJob } from './score-job.js';
import { track } from './track-progress.js';
import type { SetValues } from './whole-set-pass.js';

/**
 * Queues the row-based metrics, one task per selection (each computed whole
 * by one worker), writing each selection's values into its target.
 *
 * @param job - the job
 * @param metrics - the job's metrics (at least one row-based)
 * @param selections - the rows of each selection
 * @param targets - per selection, the values to fill (indexed like `metrics.names`)
 * @returns settles when every value is in; a rejection is already handled, so it
 *   may be awaited at the end of the job
 */
export function queueRowsMetrics(
  job: ScoreJob,
  metrics: JobMetrics,
  selections: Selection[],
  targets: Float64Array[],
): Promise<void> {
  const { exec, columns, options, warnings } = job;
  const { names, rowNames } = metrics;
  const done = track(
    selections.map((selection) =>
      exec.values({ kind: 'rows', columns, metrics: rowNames, selections: [selection] }),
    ),
    'metrics',
    options,
  ).then((results) => {
    results.forEach((result, s) => {
      for (const e of result.errors) if (!warnings.includes(e)) warnings.push(e);
      rowNames.forEach((name, r) => {
        targets[s]![names.indexOf(name)] = result.values[r]!;
      });
    });
  });
  done.catch(() => undefined);
  return done;
}

/**
 * Queues the row-based metrics of the whole set and of each slice.
 *
 * @param job - the job
 * @param metrics - the job's metrics
 * @param values - receives the values
 * @returns settles when they are in (a rejection is already handled); null
 *   when the job has no row-based metric
 */
export function queueSetRowsMetrics(
  job: ScoreJob,
  metrics: JobMetrics,
  values: SetValues,
): Promise<void> | null {
  if (metrics.rowNames.length === 0) return null;
  const { columns } = job;
  return queueRowsMetrics(
    job,
    metrics,
    [null, ...columns.sliceValues.map((_, s) => ({ ids: columns.slice!, value: s }))],
    [values.overall, ...values.slices],
  );
}
