import { SplitError, type SplitErrorCode } from '@assay/splitters';
import { RunnerError, type RunnerErrorCode } from '../errors.js';
import {
  layoutStratifiedFolds,
  planParallelStratifiedFolds,
  type RunFoldTask,
  sharedFoldIds,
} from '../folds/parallel-stratified-folds.js';
import { FOLD_BLOCK_ROWS } from '../folds/stratified-fold-kernels.js';
import { fitsCountingPass } from '../metrics/confusion-limits.js';
import type { StratifiedGrouping } from '../pool/task-types.js';
import type { FoldsResult } from '../pool/worker-tasks.js';
import { addWarnings } from './add-warning.js';
import type { Folding } from './build-folds.js';
import { fromFoldIdArray } from './fold-ids-input.js';
import type { JobMetrics } from './job-metrics.js';
import { type CvSpec, cvShuffled, resolveCvSpec, unusedCvOptionWarnings } from './parse-cv-spec.js';
import type { ScoreJob } from './score-job.js';

/** A job's cross-validation folds, on their way. */
export interface FoldPlan {
  /** The CV setting as the report shows it. */
  readonly cvText: string;
  /** Whether the folds were shuffled, where the CV kind shuffles at all (see `cvShuffled`). */
  readonly shuffle?: boolean | undefined;
  /** Every repeat's folds, once built (empty without CV; a rejection is already handled). */
  readonly foldings: Promise<Folding[]>;
  /**
   * The runner's own stratified folds, planned but not yet assigned: the first
   * confusion pass that counts them assigns the rows. Null for any other CV.
   */
  readonly stratified: Promise<StratifiedGrouping> | null;
}

/**
 * Turns a folds task's result back into foldings, re-raising its error with
 * its own class (errors cross threads as plain data).
 */
function unpackFolds(result: FoldsResult, warnings: string[]): Folding[] {
  if ('foldings' in result) {
    addWarnings(warnings, result.warnings ?? []);
    return result.foldings;
  }
  const { name, code, message, path } = result.error;
  if (name === 'SplitError') throw new SplitError(code as SplitErrorCode, message, path);
  if (name === 'RunnerError') {
    throw new RunnerError(code as RunnerErrorCode, message, path === undefined ? {} : { path });
  }
  throw new Error(message);
}

function foldPlan(
  cvText: string,
  foldings: Promise<Folding[]>,
  stratified: Promise<StratifiedGrouping> | null,
  shuffle?: boolean,
): FoldPlan {
  // awaited by a later stage; a rejection must not go unhandled meanwhile
  foldings.catch(() => undefined);
  return { cvText, foldings, stratified, shuffle };
}

/**
 * The runner's `stratified:K` folds, planned from per-block class counts (the
 * census's, or one counting pass on the pool); the pass that assigns the rows
 * counts them per fold, writing fold ids only when a row-based metric needs
 * each fold's rows.
 */
function planStratified(
  job: ScoreJob,
  metrics: JobMetrics,
  nSplits: number,
  cvText: string,
): FoldPlan {
  const { exec, columns, coded, seed, workers, warnings } = job;
  // fold ids are needed by rows tasks: row-based metrics, and every metric when the
  // folds' K×K tables are too large to count (see fitsCountingPass); and by onFoldIds
  const needsIds =
    metrics.rowNames.length > 0 ||
    !fitsCountingPass(columns, 1 + nSplits) ||
    job.options.onFoldIds !== undefined;
  const ids = needsIds ? sharedFoldIds(columns.n, nSplits) : null;
  const run: RunFoldTask = (task) => exec.foldTask(task);
  const planning =
    coded !== null
      ? layoutStratifiedFolds(
          run,
          coded.blockCounts,
          coded.first,
          columns.n,
          nSplits,
          seed,
          FOLD_BLOCK_ROWS,
          cvText,
          workers,
        )
      : planParallelStratifiedFolds(
          run,
          job.pass,
          columns.yTrue,
          columns.classes.length,
          nSplits,
          seed,
          FOLD_BLOCK_ROWS,
          job.rangeRows,
          cvText,
          workers,
        );
  const stratified = planning.then(({ layout, warning }) => {
    addWarnings(warnings, [warning]);
    return { layout, nGroups: layout.nSplits, ids };
  });
  const foldings = stratified.then(({ layout }) => [
    // written by the pass that assigns the folds; empty when nothing needs them
    { ids: ids ?? new Int8Array(0), offset: 0, splits: layout.splits },
  ]);
  return foldPlan(cvText, foldings, stratified);
}

/**
 * Starts the job's folds: given `foldIds`, the runner's own stratified folds,
 * or a splitter on the pool, which runs while the whole set is counted.
 *
 * @param job - the prepared job
 * @param metrics - the job's metrics (row-based ones need fold ids)
 * @returns the folds, on their way
 * @throws {@link RunnerError} `INVALID_OPTION` for `foldIds` with dropped rows or
 *   `shuffle: false` with repeated CV; `INVALID_CV_SPEC` for a bad `cv`
 * @example
 * ```ts
 * const exec = executorOf(async (task) => runTask(task));
 * const job = await prepareJob(exec, 0, { yTrue: [0, 1, 1, 0], yPred: [0, 1, 0, 0] }, { cv: 'kfold:2' });
 * const plan = planFolds(job, resolveJobMetrics(job));
 * plan.cvText; // 'kfold:2'
 * (await plan.foldings)[0].ids; // Int32Array [1, 1, 0, 0]: shuffled with the seed
 * ```
 */
export function planFolds(job: ScoreJob, metrics: JobMetrics): FoldPlan {
  const { options, columns } = job;
  const note = (spec: CvSpec | undefined, cvText: string) => {
    const group = columns.group !== null;
    addWarnings(
      job.warnings,
      unusedCvOptionWarnings(spec, cvText, { group, shuffle: options.shuffle }),
    );
  };
  if (options.foldIds !== undefined) {
    note(undefined, 'foldIds');
    if (job.prepared.dropped > 0) {
      throw new RunnerError(
        'INVALID_OPTION',
        'foldIds cannot be combined with dropMissing: the fold ids would no longer line up with the rows; drop the rows before assigning folds.',
        { path: 'foldIds' },
      );
    }
    return foldPlan(
      'foldIds',
      Promise.resolve([fromFoldIdArray(options.foldIds, columns.n)]),
      null,
    );
  }
  const { spec, cvText } = resolveCvSpec(options.cv, options.shuffle);
  // the group column only shapes group folds: say so rather than ignore it in silence
  note(spec, cvText);
  if (spec.kind === 'none') return foldPlan(cvText, Promise.resolve([]), null);
  // the runner's own stratified folds are shuffled; unshuffled ones come from the splitter
  if (spec.kind === 'stratified' && spec.shuffle !== false && columns.task === 'classification') {
    return { ...planStratified(job, metrics, spec.k, cvText), shuffle: true };
  }
  const foldings = job.exec
    .folds({ kind: 'folds', spec, columns, seed: job.seed, text: cvText })
    .then((result) => unpackFolds(result, job.warnings));
  return foldPlan(cvText, foldings, null, cvShuffled(spec));
}
