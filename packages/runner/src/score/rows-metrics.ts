import { isZeroWeightFailure } from '../metrics/zero-weight-failure.js';
import type { Selection } from '../pool/task-types.js';
import { type JobMetrics, rowTaskNames } from './job-metrics.js';
import type { ScoreJob } from './score-job.js';
import { track } from './track-progress.js';
import type { SetValues } from './whole-set-pass.js';

/**
 * Queues metrics computed from rows, one task per selection (each computed whole
 * by one worker), writing each selection's values into its target.
 *
 * @param job - the job
 * @param metrics - the job's metrics
 * @param rowNames - the metrics to compute (at least one; see `rowTaskNames`)
 * @param selections - the rows of each selection
 * @param targets - per selection, the values to fill (indexed like `metrics.names`)
 * @returns settles when every value is in; a rejection is already handled, so it
 *   may be awaited at the end of the job
 */
export function queueRowsMetrics(
  job: ScoreJob,
  metrics: JobMetrics,
  rowNames: readonly string[],
  selections: Selection[],
  targets: Float64Array[],
): Promise<void> {
  const { exec, columns, options, warnings } = job;
  const { names } = metrics;
  const done = track(
    selections.map((selection) =>
      exec.values({ kind: 'rows', columns, metrics: rowNames, selections: [selection] }),
    ),
    'metrics',
    options,
  ).then((results) => {
    results.forEach((result, s) => {
      // the report explains a selection whose weights sum to 0 once, naming it (see
      // undefinedSliceWarnings); the metric's own message names none
      for (const e of result.errors) {
        if (!isZeroWeightFailure(e) && !warnings.includes(e)) warnings.push(e);
      }
      rowNames.forEach((name, r) => {
        targets[s]![names.indexOf(name)] = result.values[r]!;
      });
    });
  });
  done.catch(() => undefined);
  return done;
}

/**
 * Queues the row-based metrics of the whole set and of each slice (and their
 * confusion metrics when the whole-set pass did not count them).
 *
 * @param job - the job
 * @param metrics - the job's metrics
 * @param values - receives the values
 * @param counted - whether the whole-set pass counted the whole set and the slices
 * @returns settles when they are in (a rejection is already handled); null
 *   when there is nothing to compute from rows
 */
export function queueSetRowsMetrics(
  job: ScoreJob,
  metrics: JobMetrics,
  values: SetValues,
  counted: boolean,
): Promise<void> | null {
  const rowNames = rowTaskNames(job, metrics, counted);
  if (rowNames.length === 0) return null;
  const { columns } = job;
  return queueRowsMetrics(
    job,
    metrics,
    rowNames,
    [null, ...columns.sliceValues.map((_, s) => ({ ids: columns.slice!, value: s }))],
    [values.overall, ...values.slices],
  );
}
