import { fitsCountingPass } from '../metrics/confusion-limits.js';
import { assignStratifiedOnMain } from './assign-stratified.js';
import type { Folding } from './build-folds.js';
import { confusionValues, countConfusion } from './count-confusion.js';
import { type JobMetrics, rowTaskNames } from './job-metrics.js';
import type { FoldPlan } from './plan-folds.js';
import { queueRowsMetrics } from './rows-metrics.js';
import type { ScoreJob } from './score-job.js';
import { foldWeightTotals } from './selection-weights.js';
import type { WholeSetCounts } from './whole-set-pass.js';

/** One CV test fold, as the report lists it. */
export interface FoldRef {
  /** Global fold number. */
  readonly fold: number;
  /** Repeat index (0 without repeated CV). */
  readonly repeat: number;
  readonly nTrain: number;
  readonly nTest: number;
  /** The repeat's folding, whose ids select this fold's rows. */
  readonly folding: Folding;
}

/** Every fold's metric values. */
export interface FoldScores {
  /** The folds, in splitter order (repeats one after another). */
  readonly list: FoldRef[];
  /** Per fold, per metric (indexed like the job's metric names). */
  readonly values: Float64Array[];
  /** Settles when the row-based metrics are in (a rejection is already handled); null without them. */
  readonly rows: Promise<void> | null;
  /** Per fold, the total weight of its test rows; null for unweighted rows. */
  readonly weights: Float64Array | null;
}

function foldRefs(foldings: readonly Folding[]): FoldRef[] {
  const list: FoldRef[] = [];
  foldings.forEach((folding, repeat) => {
    folding.splits.forEach((s, i) => {
      list.push({ fold: folding.offset + i, repeat, nTrain: s.nTrain, nTest: s.nTest, folding });
    });
  });
  return list;
}

/**
 * Adds up the per-fold counts of each repeat's grouping (each grouping counts
 * only its own repeat's folds; the others' tables stay zero).
 */
function sumRepeats(
  merged: Float64Array,
  nFolds: number,
  nRepeats: number,
  cells: number,
): Float64Array {
  const foldCounts = new Float64Array(nFolds * cells);
  let offset = cells;
  for (let g = 0; g < nRepeats; g++) {
    for (let i = 0; i < foldCounts.length; i++) foldCounts[i]! += merged[offset + i]!;
    offset += nFolds * cells;
  }
  return foldCounts;
}

/**
 * The runner's stratified folds' counts: the whole-set pass's, or their own
 * pass's, which assigns the rows (writing the fold ids row metrics read); when
 * those tables would exceed the confusion limits the rows are assigned without
 * counting and the result is null. Null too for any other CV.
 */
async function stratifiedFoldCounts(
  job: ScoreJob,
  plan: FoldPlan,
  counts: WholeSetCounts,
): Promise<Float64Array | null> {
  if (counts.stratified !== null || plan.stratified === null) return counts.stratified;
  const { columns } = job;
  const grouping = await plan.stratified;
  if (fitsCountingPass(columns, 1 + grouping.nGroups)) {
    const cells = columns.classes.length * columns.classes.length;
    return (await countConfusion(job, [grouping])).slice(cells);
  }
  assignStratifiedOnMain(job, grouping);
  return null;
}

/**
 * Scores every fold once the folds are built: queues the metrics computed from
 * rows per fold and computes the confusion metrics from per-fold counts (the
 * whole-set pass's, the stratified folds' own pass, or a pass grouped by the
 * splitter's folds), or from rows too when those counts would exceed the
 * confusion limits.
 *
 * @param job - the job
 * @param metrics - the job's metrics
 * @param plan - the folds on their way
 * @param counts - the whole-set pass's counts
 * @returns the folds and their values (row-based ones once `rows` settles)
 */
export async function scoreFolds(
  job: ScoreJob,
  metrics: JobMetrics,
  plan: FoldPlan,
  counts: WholeSetCounts,
): Promise<FoldScores> {
  const foldings = await plan.foldings;
  const list = foldRefs(foldings);
  const values = list.map(() => new Float64Array(metrics.names.length).fill(Number.NaN));
  if (list.length === 0) return { list, values, rows: null, weights: null };
  const { columns } = job;
  const cells = columns.classes.length * columns.classes.length;
  let foldCounts = await stratifiedFoldCounts(job, plan, counts);
  const countSplitterFolds =
    plan.stratified === null &&
    columns.task === 'classification' &&
    fitsCountingPass(columns, 1 + foldings.length * list.length);
  const rowNames = rowTaskNames(job, metrics, foldCounts !== null || countSplitterFolds);
  const rows =
    rowNames.length === 0
      ? null
      : queueRowsMetrics(
          job,
          metrics,
          rowNames,
          list.map((f) => ({ ids: f.folding.ids, value: f.fold })),
          values,
        );
  if (countSplitterFolds) {
    const merged = await countConfusion(
      job,
      foldings.map((f) => ({ ids: f.ids, nGroups: list.length })),
    );
    foldCounts = sumRepeats(merged, list.length, foldings.length, cells);
  }
  if (foldCounts !== null) {
    for (let f = 0; f < list.length; f++) {
      const foldCount = foldCounts.subarray(f * cells, (f + 1) * cells);
      confusionValues(job, metrics.specs, values[f]!, foldCount);
    }
  }
  return { list, values, rows, weights: foldWeights(columns.weight, list, foldCounts, cells) };
}

/**
 * Each fold's total weight: the sum of its weighted confusion counts where they were counted
 * (the runner's own stratified folds write no ids for label metrics), else of its rows.
 */
function foldWeights(
  weight: Float64Array | null,
  list: readonly FoldRef[],
  foldCounts: Float64Array | null,
  cells: number,
): Float64Array | null {
  if (weight === null) return null;
  if (foldCounts === null) return foldWeightTotals(weight, list);
  return Float64Array.from(list, (_, f) => {
    let total = 0;
    for (let c = f * cells; c < (f + 1) * cells; c++) total += foldCounts[c]!;
    return total;
  });
}
