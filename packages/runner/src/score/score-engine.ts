import { queueBootstrap } from '../bootstrap/queue-bootstrap.js';
import type { Folding } from './build-folds.js';
import { confusionValues, countConfusion } from './count-confusion.js';
import type { Executor } from './executor.js';
import { foldSummary } from './fold-summary.js';
import { resolveJobMetrics } from './job-metrics.js';
import { planFolds } from './plan-folds.js';
import type { PredictionInput } from './prediction-input.js';
import { prepareJob } from './prepare-job.js';
import { queueRowsMetrics, queueSetRowsMetrics } from './rows-metrics.js';
import type { ScoreOptions } from './score-options.js';
import type { MetricValue, ScoreReport } from './score-report.js';
import { track } from './track-progress.js';
import { countsWithoutPass, countWholeSet, newSetValues, scoreWholeSet } from './whole-set-pass.js';

export type { Executor } from './executor.js';

/** Multinomial bootstrap tasks per worker (each replicate has its own seed, so any batching gives the same result). */
export const TASKS_PER_WORKER = 4;

function nullable(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

interface FoldRef {
  readonly fold: number;
  readonly repeat: number;
  readonly nTrain: number;
  readonly nTest: number;
  readonly folding: Folding;
}

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
  const { seed, bootstrap, ci, columns, prepared } = job;
  const { warnings } = job;
  const tasksPerPass = Math.max(1, workers) * TASKS_PER_WORKER;
  const prepMs = performance.now() - started;
  const computeStart = performance.now();
  const k = columns.classes.length;
  const metrics = resolveJobMetrics(job);
  const { specs, rowNames } = metrics;

  // the splitter or the stratified fold planning runs on the pool during the whole-set pass
  const plan = planFolds(job, metrics);
  const { cvText, foldings: foldingsPromise, stratified: stratifiedPromise } = plan;
  const { names } = metrics;
  const values = newSetValues(job, metrics);
  // nothing is awaited when the census counted the whole set, so the tasks below are
  // queued in the same turn as the fold planning's
  const counts = countsWithoutPass(job) ?? (await countWholeSet(job, stratifiedPromise));
  const { overall: overallCounts, slices: sliceCounts } = counts;
  let stratifiedCounts = counts.stratified;
  scoreWholeSet(job, metrics, counts, values);
  const cells = k * k;
  // rows tasks are awaited at the end; a failure meanwhile is already handled
  const pending: Promise<void>[] = [];
  const setRows = queueSetRowsMetrics(job, metrics, values);
  if (setRows !== null) pending.push(setRows);

  // 3. the folds, once the splitter is done: a second pass grouped by fold
  let folds: { list: FoldRef[]; values: Float64Array[] } | undefined;
  const foldsDone = async (): Promise<{ list: FoldRef[]; values: Float64Array[] }> => {
    const foldings = await foldingsPromise;
    const list: FoldRef[] = [];
    foldings.forEach((folding, repeat) => {
      folding.splits.forEach((s, i) => {
        list.push({ fold: folding.offset + i, repeat, nTrain: s.nTrain, nTest: s.nTest, folding });
      });
    });
    const values = list.map(() => new Float64Array(names.length).fill(Number.NaN));
    if (list.length === 0) return { list, values };
    if (stratifiedPromise !== null && stratifiedCounts === null) {
      // assigns the rows (writing the fold ids row metrics read below) and counts them
      stratifiedCounts = (await countConfusion(job, [await stratifiedPromise])).slice(cells);
    }
    if (rowNames.length > 0) {
      pending.push(
        queueRowsMetrics(
          job,
          metrics,
          list.map((f) => ({ ids: f.folding.ids, value: f.fold })),
          values,
        ),
      );
    }
    if (columns.task === 'classification') {
      let foldCounts = stratifiedCounts;
      if (foldCounts === null) {
        const merged = await countConfusion(
          job,
          foldings.map((f) => ({ ids: f.ids, nGroups: list.length })),
        );
        foldCounts = new Float64Array(list.length * cells);
        let offset = cells;
        for (let g = 0; g < foldings.length; g++) {
          for (let i = 0; i < foldCounts.length; i++) foldCounts[i]! += merged[offset + i]!;
          offset += list.length * cells;
        }
      }
      list.forEach((_, f) => {
        confusionValues(job, specs, values[f]!, foldCounts!.subarray(f * cells, (f + 1) * cells));
      });
    }
    return { list, values };
  };

  // 4. bootstrap on the whole set and on each slice (queued before the fold pass)
  let intervals: ([number, number] | null)[][] = [];
  let method: Record<string, 'multinomial-counts' | 'rows'> = {};
  if (bootstrap > 0) {
    const queued = queueBootstrap({
      run: (task) => exec.values(task),
      track: (promises) => track(promises, 'bootstrap', options),
      columns,
      specs,
      overallCounts,
      sliceCounts,
      seed,
      bootstrap,
      ci,
      tasks: tasksPerPass,
    });
    method = queued.method;
    folds = await foldsDone();
    const result = await queued.done;
    intervals = result.intervals;
    for (const e of result.warnings) if (!warnings.includes(e)) warnings.push(e);
  }

  if (folds === undefined) folds = await foldsDone();
  await Promise.all(pending);
  const foldValues = folds.values;
  const foldList = folds.list;

  const metricRecord = (values: Float64Array, si: number): Record<string, MetricValue> => {
    const out: Record<string, MetricValue> = {};
    names.forEach((name, j) => {
      const interval = intervals[si]?.[j];
      out[name] = interval
        ? { value: nullable(values[j]!), ci: interval }
        : { value: nullable(values[j]!) };
    });
    return out;
  };
  const report: ScoreReport = {
    n: columns.n,
    task: columns.task,
    labels: [...columns.classes],
    overall: metricRecord(values.overall, 0),
    folds: foldList.map((f, i) => ({
      fold: f.fold,
      repeat: f.repeat,
      nTrain: f.nTrain,
      nTest: f.nTest,
      metrics: Object.fromEntries(names.map((name, j) => [name, nullable(foldValues[i]![j]!)])),
    })),
    summary: foldSummary(names, foldValues),
    confusionMatrix:
      overallCounts === null
        ? null
        : {
            labels: [...columns.classes],
            counts: Array.from({ length: k }, (_, t) =>
              Array.from(overallCounts!.subarray(t * k, (t + 1) * k)),
            ),
          },
    warnings,
    settings: {
      metrics: [...names],
      cv: cvText,
      seed,
      bootstrap,
      ci,
      ...(bootstrap > 0 ? { bootstrapMethod: method } : {}),
    },
    timing: {
      loadMs: (options.loadMs ?? 0) + prepMs,
      computeMs: performance.now() - computeStart,
      workers,
    },
  };
  if (columns.slice !== null) {
    report.slices = Object.fromEntries(
      columns.sliceValues.map((value, s) => [
        String(value),
        { n: values.sliceSizes[s]!, metrics: metricRecord(values.slices[s]!, s + 1) },
      ]),
    );
  }
  if (prepared.dropped > 0) report.dropped = prepared.dropped;
  if (prepared.unseenPredLabels.length > 0) report.unseenPredLabels = prepared.unseenPredLabels;
  return report;
}
