import { addWarnings } from './add-warning.js';
import { assembleReport } from './assemble-report.js';
import { bootstrapIntervals, queueJobBootstrap } from './bootstrap-intervals.js';
import type { Executor } from './executor.js';
import { foldClassWarnings } from './fold-class-warning.js';
import { scoreFolds } from './fold-metrics.js';
import { resolveJobMetrics } from './job-metrics.js';
import { locatingMissing } from './missing-values.js';
import { planFolds } from './plan-folds.js';
import type { PredictionInput } from './prediction-input.js';
import { prepareJob } from './prepare-job.js';
import { queueSetRowsMetrics } from './rows-metrics.js';
import type { ScoreOptions } from './score-options.js';
import type { ScoreReport } from './score-report.js';
import { unlistedProbaWarnings } from './unlisted-proba-warning.js';
import { countsWithoutPass, countWholeSet, newSetValues, scoreWholeSet } from './whole-set-pass.js';
import { blankZeroWeightSelections } from './zero-weight-selections.js';

export type { Executor } from './executor.js';

/**
 * Scores prepared predictions with an executor: the engine behind
 * `Runner.scorePredictions`.
 *
 * @param exec - where tasks run
 * @param workers - the pool size, for the report
 * @param input - the predictions
 * @param options - the scoring options
 * @returns the report
 * @throws {@link RunnerError} for bad options or data
 */
export async function scoreWith(
  exec: Executor,
  workers: number,
  input: PredictionInput,
  options: ScoreOptions,
): Promise<ScoreReport> {
  const started = performance.now();
  const job = await prepareJob(exec, workers, input, options);
  const prepMs = performance.now() - started;
  const computeStart = performance.now();
  // a value a metric cannot read (a brier score above 1) is named by its line in the file
  const metrics = await locatingMissing(input, () => resolveJobMetrics(job));
  job.warnings.push(...unlistedProbaWarnings(job.columns, options.labels, metrics));
  // the splitter or the stratified fold planning runs on the pool during the whole-set pass
  const plan = planFolds(job, metrics);
  const values = newSetValues(job, metrics);
  // nothing is awaited when the census counted the whole set, so the tasks below are
  // queued in the same turn as the fold planning's
  const counts = countsWithoutPass(job) ?? (await countWholeSet(job, plan.stratified));
  // queued first: the workers draw the replicates while this thread scores the whole set;
  // and before the fold pass, which then follows it on the pool with no barrier between
  const queued = queueJobBootstrap(job, metrics, counts);
  scoreWholeSet(job, metrics, counts, values);
  const setRows = queueSetRowsMetrics(job, metrics, values, counts.overall !== null);
  const folds = await scoreFolds(job, metrics, plan, counts);
  // after the fold pass, which writes the runner's own stratified folds' ids
  const foldings = await plan.foldings;
  options.onFoldIds?.(foldings.map((f) => f.ids));
  addWarnings(job.warnings, foldClassWarnings(job.columns, foldings, metrics.names));
  const bootstrap = await bootstrapIntervals(job, queued);
  await Promise.all([setRows, folds.rows]);
  const zeroWeight = blankZeroWeightSelections(job.columns, values, folds);
  job.warnings.push(...zeroWeight.warnings);
  const results = {
    cvText: plan.cvText,
    shuffle: plan.shuffle,
    values,
    counts,
    folds,
    bootstrap,
    zeroWeightFolds: zeroWeight.folds,
    prepMs,
    computeStart,
  };
  return assembleReport(job, metrics, results);
}
