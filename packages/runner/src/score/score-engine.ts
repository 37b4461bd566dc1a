import { queueBootstrap } from '../bootstrap/queue-bootstrap.js';
import { FOLD_BLOCK_ROWS } from '../folds/stratified-fold-kernels.js';
import { taskRanges } from '../pool/task-ranges.js';
import type { ConfusionTask, Grouping, Selection } from '../pool/task-types.js';
import type { Folding } from './build-folds.js';
import type { Executor } from './executor.js';
import { foldSummary } from './fold-summary.js';
import { resolveJobMetrics } from './job-metrics.js';
import { planFolds } from './plan-folds.js';
import type { PredictionInput } from './prediction-input.js';
import { prepareJob } from './prepare-job.js';
import type { ScoreOptions } from './score-options.js';
import type { MetricValue, ScoreReport } from './score-report.js';

/** Multinomial bootstrap tasks per worker (each replicate has its own seed, so any batching gives the same result). */
export const TASKS_PER_WORKER = 4;

export type { Executor } from './executor.js';

function nullable(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

async function track<T>(
  promises: Promise<T>[],
  phase: 'confusion' | 'metrics' | 'bootstrap',
  options: ScoreOptions,
): Promise<T[]> {
  const total = promises.length;
  let done = 0;
  const report = options.onProgress;
  if (report !== undefined) {
    report({ phase, done, total });
    for (const p of promises) {
      p.then(
        () => report({ phase, done: ++done, total }),
        () => undefined,
      );
    }
  }
  return Promise.all(promises);
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
  const { seed, bootstrap, ci, chunkRows, rangeRows, pass, columns, prepared, coded } = job;
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
  const nSlices = columns.sliceValues.length;
  const names = specs.map((s) => s.name);
  const overall = new Float64Array(names.length).fill(Number.NaN);
  const sliceValues = columns.sliceValues.map(() =>
    new Float64Array(names.length).fill(Number.NaN),
  );
  const sliceSizes = new Array<number>(nSlices).fill(0);
  if (columns.slice !== null) for (let i = 0; i < columns.n; i++) sliceSizes[columns.slice[i]!]!++;
  const cells = k * k;
  const computeConfusion = (target: Float64Array, counts: Float64Array) => {
    specs.forEach((spec, j) => {
      if (spec.kind !== 'confusion') return;
      try {
        target[j] = spec.compute(counts, k, columns);
      } catch (error) {
        const message = `${spec.name}: ${(error as Error).message}`;
        if (!warnings.includes(message)) warnings.push(message);
        target[j] = Number.NaN;
      }
    });
  };
  const confusionPass = async (groupings: Grouping[]): Promise<Float64Array> => {
    // the stratified assignment works on whole blocks, so its ranges start on block boundaries
    const blockRows = groupings.some((g) => 'layout' in g) ? FOLD_BLOCK_ROWS : 1;
    const range: ConfusionTask = {
      kind: 'confusion',
      yTrue: columns.yTrue,
      yPred: columns.yPred,
      weight: columns.weight,
      nClasses: k,
      start: 0,
      end: 0,
      groupings,
    };
    if (columns.weight === null) {
      // integer counts: exact whatever the ranges or which worker took them
      const report = options.onProgress;
      const table = await pass(
        range,
        taskRanges(columns.n, blockRows, rangeRows),
        blockRows,
        columns.n,
        report === undefined
          ? undefined
          : (done, total) => report({ phase: 'confusion', done, total }),
      );
      return table as Float64Array;
    }
    // weighted sums: fixed chunks, added in chunk order, so the same for any worker count
    const ranges = taskRanges(columns.n, blockRows, chunkRows);
    const tasks = ranges.map(([start, end]) => exec.confusion({ ...range, start, end }));
    // added as soon as the next one in order is in: only out-of-order parts are held
    let merged: Float64Array | undefined;
    let next = 0;
    const waiting = new Map<number, Float64Array>();
    const addInOrder = (index: number, part: Float64Array) => {
      waiting.set(index, part);
      for (let ready = waiting.get(next); ready !== undefined; ready = waiting.get(next)) {
        waiting.delete(next);
        if (merged === undefined) merged = new Float64Array(ready.length);
        for (let i = 0; i < merged.length; i++) merged[i]! += ready[i]!;
        next++;
      }
    };
    await track(
      tasks.map((task, index) => task.then((part) => addInOrder(index, part))),
      'confusion',
      options,
    );
    return merged!;
  };
  const rowsPass = (selections: Selection[], targets: Float64Array[]): Promise<void> =>
    track(
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

  // 1. the whole set and the slices: confusion counts over fixed chunks
  let overallCounts: Float64Array | null = null;
  let sliceCounts: Float64Array | null = null;
  let stratifiedCounts: Float64Array | null = null;
  if (columns.task === 'classification') {
    if (coded !== null && columns.weight === null && columns.slice === null) {
      // the census counted the whole set already; the stratified folds get their own pass
      // (in foldsDone), queued behind the bootstrap tasks, with no barrier in between
      overallCounts = coded.confusion;
    } else {
      const groupings: Grouping[] =
        columns.slice === null ? [] : [{ ids: columns.slice, nGroups: nSlices }];
      // the stratified folds are assigned and counted in this same pass
      if (stratifiedPromise !== null) groupings.push(await stratifiedPromise);
      const merged = await confusionPass(groupings);
      if (stratifiedPromise !== null) stratifiedCounts = merged.slice(cells + nSlices * cells);
      overallCounts = merged.slice(0, cells);
      if (columns.slice !== null) sliceCounts = merged.slice(cells, cells + nSlices * cells);
    }
    computeConfusion(overall, overallCounts);
    if (sliceCounts !== null) {
      for (let s = 0; s < nSlices; s++) {
        computeConfusion(sliceValues[s]!, sliceCounts.subarray(s * cells, (s + 1) * cells));
      }
    }
  }
  // 2. row-based metrics, one task per selection (each computed whole by one worker)
  // rows tasks are awaited at the end; a failure meanwhile must not go unhandled
  const pending: Promise<void>[] = [];
  const defer = (promise: Promise<void>): void => {
    promise.catch(() => undefined);
    pending.push(promise);
  };
  if (rowNames.length > 0) {
    defer(
      rowsPass(
        [null, ...columns.sliceValues.map((_, s) => ({ ids: columns.slice!, value: s }))],
        [overall, ...sliceValues],
      ),
    );
  }

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
      stratifiedCounts = (await confusionPass([await stratifiedPromise])).slice(cells);
    }
    if (rowNames.length > 0) {
      defer(
        rowsPass(
          list.map((f) => ({ ids: f.folding.ids, value: f.fold })),
          values,
        ),
      );
    }
    if (columns.task === 'classification') {
      let foldCounts = stratifiedCounts;
      if (foldCounts === null) {
        const merged = await confusionPass(
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
        computeConfusion(values[f]!, foldCounts!.subarray(f * cells, (f + 1) * cells));
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
    overall: metricRecord(overall, 0),
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
      metrics: names,
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
        { n: sliceSizes[s]!, metrics: metricRecord(sliceValues[s]!, s + 1) },
      ]),
    );
  }
  if (prepared.dropped > 0) report.dropped = prepared.dropped;
  if (prepared.unseenPredLabels.length > 0) report.unseenPredLabels = prepared.unseenPredLabels;
  return report;
}
