import { fitsCountingPass } from '../metrics/confusion-limits.js';
import type { Grouping, StratifiedGrouping } from '../pool/task-types.js';
import { confusionValues, countConfusion } from './count-confusion.js';
import type { JobMetrics } from './job-metrics.js';
import type { ScoreJob } from './score-job.js';

/** The metric values of the whole set and of each slice, filled in by later stages. */
export interface SetValues {
  /** Per metric, on every row (NaN until computed). */
  readonly overall: Float64Array;
  /** Per slice value, per metric. */
  readonly slices: Float64Array[];
  /** Rows per slice value. */
  readonly sliceSizes: number[];
}

/**
 * The confusion counts of the whole-set pass (classification; all null for
 * regression, and when the pass would exceed the confusion limits).
 */
export interface WholeSetCounts {
  /** K×K, true-major; null when not counted. */
  readonly overall: Float64Array | null;
  /** K×K per slice value, slice-major, or null without slices. */
  readonly slices: Float64Array | null;
  /** K×K per fold of the runner's stratified folds when this pass assigned them, else null. */
  readonly stratified: Float64Array | null;
}

/**
 * Allocates the whole set's and the slices' metric values and counts the
 * rows of each slice.
 *
 * @param job - the prepared job
 * @param metrics - the job's metrics
 * @returns NaN-filled values and the slice sizes
 */
export function newSetValues(job: ScoreJob, metrics: JobMetrics): SetValues {
  const { columns } = job;
  const width = metrics.names.length;
  const sliceSizes = new Array<number>(columns.sliceValues.length).fill(0);
  if (columns.slice !== null) for (let i = 0; i < columns.n; i++) sliceSizes[columns.slice[i]!]!++;
  return {
    overall: new Float64Array(width).fill(Number.NaN),
    slices: columns.sliceValues.map(() => new Float64Array(width).fill(Number.NaN)),
    sliceSizes,
  };
}

/**
 * The whole-set counts when no pass is needed for them: none for regression
 * or when the whole set and its slices are too many K×K cells to count (their
 * confusion metrics are then computed from rows), and the label census's when
 * it counted every row already (unweighted, no slices); the stratified folds
 * then get their own pass later.
 *
 * @param job - the prepared job
 * @returns the counts, or null when the whole-set pass must run
 */
export function countsWithoutPass(job: ScoreJob): WholeSetCounts | null {
  const { columns, coded } = job;
  const none = { overall: null, slices: null, stratified: null };
  if (columns.task !== 'classification') return none;
  if (!fitsCountingPass(columns, 1 + columns.sliceValues.length)) return none;
  if (coded !== null && columns.weight === null && columns.slice === null) {
    return { overall: coded.confusion, slices: null, stratified: null };
  }
  return null;
}

/**
 * The whole-set pass: counts the whole set and each slice, and assigns and
 * counts the runner's stratified folds in the same pass when there are any.
 *
 * @param job - the prepared job (classification)
 * @param stratified - the planned stratified folds, or null
 * @returns the counts
 */
export async function countWholeSet(
  job: ScoreJob,
  stratified: Promise<StratifiedGrouping> | null,
): Promise<WholeSetCounts> {
  const { columns } = job;
  const nSlices = columns.sliceValues.length;
  const cells = columns.classes.length * columns.classes.length;
  const groupings: Grouping[] =
    columns.slice === null ? [] : [{ ids: columns.slice, nGroups: nSlices }];
  // the folds join this pass only when their tables fit beside the slices'; else the
  // fold stage assigns and scores them on its own
  const folds = stratified === null ? null : await stratified;
  const withFolds = folds !== null && fitsCountingPass(columns, 1 + nSlices + folds.nGroups);
  if (withFolds) groupings.push(folds);
  const merged = await countConfusion(job, groupings);
  return {
    overall: merged.slice(0, cells),
    slices: columns.slice === null ? null : merged.slice(cells, cells + nSlices * cells),
    stratified: withFolds ? merged.slice(cells + nSlices * cells) : null,
  };
}

/**
 * Computes the confusion metrics of the whole set and of each slice from
 * their counts.
 *
 * @param job - the job
 * @param metrics - the job's metrics
 * @param counts - the whole-set pass's counts
 * @param values - receives the values
 */
export function scoreWholeSet(
  job: ScoreJob,
  metrics: JobMetrics,
  counts: WholeSetCounts,
  values: SetValues,
): void {
  if (counts.overall === null) return;
  const cells = job.columns.classes.length * job.columns.classes.length;
  confusionValues(job, metrics.specs, values.overall, counts.overall);
  if (counts.slices === null) return;
  for (let s = 0; s < values.slices.length; s++) {
    confusionValues(
      job,
      metrics.specs,
      values.slices[s]!,
      counts.slices.subarray(s * cells, (s + 1) * cells),
    );
  }
}
