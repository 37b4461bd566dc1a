import type { ModelResult } from '@assay/report';
import { EvaluationError } from '../errors.js';
import type { PredictionRow } from '../run/prediction-row.js';
import type { TaskModule } from '../tasks/task-module.js';
import type { MeasuredMetric } from './compare-metrics.js';

/**
 * How far a value recomputed from `predictions.arrow` may lie from the run's own, relative to
 * its size (at least 1): the comparison sums the rows in the baseline's order, the run in its
 * own, and an `mse` in the 10^8 differs in its last digits (2.4e-7) between the two orders.
 */
export const OWN_VALUE_TOLERANCE = 1e-9;

/** One side of a comparison, as the check needs it. */
export interface OwnValuesSide {
  /** `baseline` or `candidate` (or `this run`) */
  readonly side: string;
  /** the results file, to name the run */
  readonly resultsFile: string;
  /** the compared model's own results (its `metrics[m].value`) */
  readonly model: Pick<ModelResult, 'name' | 'metrics'> & {
    readonly items?: { readonly scored: number } | undefined;
  };
  /** every row of that model in its run */
  readonly rows: readonly PredictionRow[];
  /** the rows of that model that entered the compared metrics (paired and scored on both sides) */
  readonly scored: number;
}

/** Whether a row enters the metrics (a generation task scores every answered row). */
function scores(r: PredictionRow, task: TaskModule): boolean {
  return r.outcome !== 'failed' && (task.generation !== undefined || task.entersMetrics(r));
}

/** The rows of a run's model that enter its own metrics. */
function ownScored(rows: readonly PredictionRow[], task: TaskModule): number {
  return rows.filter((r) => scores(r, task)).length;
}

/**
 * How many paired predictions enter the compared metrics on both sides.
 *
 * @param rowsA - the baseline's paired rows
 * @param rowsB - the candidate's rows of the same items, in the same order
 * @param task - the task module
 * @returns the count
 */
export function scoredPairCount(
  rowsA: readonly PredictionRow[],
  rowsB: readonly PredictionRow[],
  task: TaskModule,
): number {
  return rowsA.filter((r, i) => scores(r, task) && scores(rowsB[i]!, task)).length;
}

/**
 * Checks that each per-run value a comparison shows is the run's own: when the paired items
 * cover every scored prediction of a run's model (as many as its `results.json` counts), the value recomputed from its
 * `predictions.arrow` must equal the `results.json` value within {@link OWN_VALUE_TOLERANCE}.
 * A mismatch means the comparison reads the run otherwise than the run read itself (another
 * positive label, a `results.json` and `predictions.arrow` of different runs): refused rather
 * than shown as a difference.
 *
 * @param measured - the compared metrics (per-run values as `baseline`, `candidate`)
 * @param sides - the baseline's and the candidate's model, rows and scored count
 * @param task - the task module the comparison scored with
 * @param options - `checkCandidate: false` leaves the candidate side unchecked (a run of
 *   another task, scored here with the baseline's)
 * @throws EvaluationError `RUNS_DIFFER` naming the metric, the run, both values and why
 * @example
 * const side = (s, run) => ({ side: s, resultsFile: run.resultsFile, model: run.results.models[0], rows: run.rows, scored: 40 });
 * checkOwnValues(result.metrics, [side('baseline', baseline), side('candidate', candidate)], taskFor(baseline.task)); // undefined
 */
export function checkOwnValues(
  measured: readonly MeasuredMetric[],
  sides: readonly [OwnValuesSide, OwnValuesSide],
  task: TaskModule,
  options: { readonly checkCandidate?: boolean } = {},
): void {
  sides.forEach((s, i) => {
    if (i === 1 && options.checkCandidate === false) return;
    // a part of the run (items unpaired or failed on the other side), or a predictions file
    // holding fewer rows than the run scored: its value is another
    const own = ownScored(s.rows, task);
    if (s.scored !== own || (s.model.items !== undefined && s.model.items.scored !== own)) return;
    for (const m of measured) {
      const shown = i === 0 ? m.baseline : m.candidate;
      const stated = s.model.metrics[m.metric]?.value ?? null;
      if (shown === null || stated === null) continue;
      if (Math.abs(shown - stated) <= OWN_VALUE_TOLERANCE * Math.max(1, Math.abs(stated))) continue;
      throw new EvaluationError(
        'RUNS_DIFFER',
        `${m.metric} of the ${s.side} (model ${s.model.name}) recomputed from its predictions is ${shown}, but its own ${s.resultsFile} says ${stated}: the comparison would not show the run's own value (the runs' tasks are read differently, or results.json and predictions.arrow are of different runs); compare runs of the same task, each with its own predictions.arrow.`,
        { path: s.side },
      );
    }
  });
}
