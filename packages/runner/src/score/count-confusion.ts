import { FOLD_BLOCK_ROWS } from '../folds/stratified-fold-kernels.js';
import type { MetricSpec } from '../metrics/metric-spec.js';
import { taskRanges } from '../pool/task-ranges.js';
import type { ConfusionTask, Grouping } from '../pool/task-types.js';
import type { ScoreJob } from './score-job.js';
import { track } from './track-progress.js';

/**
 * Computes every confusion metric from a K×K count matrix into `target` (at
 * the metric's index in `specs`); a metric that fails gets NaN and a warning.
 *
 * @param job - the job (its columns, and the warnings to add to)
 * @param specs - the job's metrics; row-based ones are left alone
 * @param target - the values of one selection (whole set, slice or fold)
 * @param counts - that selection's confusion counts, true-major
 */
export function confusionValues(
  job: ScoreJob,
  specs: readonly MetricSpec[],
  target: Float64Array,
  counts: Float64Array,
): void {
  const { columns, warnings } = job;
  const k = columns.classes.length;
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
}

/** Sums partial tables in index order as they arrive, holding only the out-of-order ones. */
function inOrderSum(): { add(index: number, part: Float64Array): void; total(): Float64Array } {
  let merged: Float64Array | undefined;
  let next = 0;
  const waiting = new Map<number, Float64Array>();
  return {
    add(index, part) {
      waiting.set(index, part);
      for (let ready = waiting.get(next); ready !== undefined; ready = waiting.get(next)) {
        waiting.delete(next);
        if (merged === undefined) merged = new Float64Array(ready.length);
        for (let i = 0; i < merged.length; i++) merged[i]! += ready[i]!;
        next++;
      }
    },
    total: () => merged!,
  };
}

/**
 * Counts the confusion matrix of the whole set and of every group of each
 * grouping in one pass over the rows, on the pool.
 *
 * @param job - the job
 * @param groupings - slices, splitter folds or the runner's stratified folds (assigned here)
 * @returns K×K counts of the whole set, then of each group of each grouping, in order
 */
export async function countConfusion(job: ScoreJob, groupings: Grouping[]): Promise<Float64Array> {
  const { columns, options } = job;
  // the stratified assignment works on whole blocks, so its ranges start on block boundaries
  const blockRows = groupings.some((g) => 'layout' in g) ? FOLD_BLOCK_ROWS : 1;
  const range: ConfusionTask = {
    kind: 'confusion',
    yTrue: columns.yTrue,
    yPred: columns.yPred,
    weight: columns.weight,
    nClasses: columns.classes.length,
    start: 0,
    end: 0,
    groupings,
  };
  if (columns.weight === null) {
    // integer counts: exact whatever the ranges or which worker took them
    const report = options.onProgress;
    const table = await job.pass(
      range,
      taskRanges(columns.n, blockRows, job.rangeRows),
      blockRows,
      columns.n,
      report === undefined
        ? undefined
        : (done, total) => report({ phase: 'confusion', done, total }),
    );
    return table as Float64Array;
  }
  // weighted sums: fixed chunks, added in chunk order, so the same for any worker count
  const ranges = taskRanges(columns.n, blockRows, job.chunkRows);
  const tasks = ranges.map(([start, end]) => job.exec.confusion({ ...range, start, end }));
  const sum = inOrderSum();
  await track(
    tasks.map((task, index) => task.then((part) => sum.add(index, part))),
    'confusion',
    options,
  );
  return sum.total();
}
