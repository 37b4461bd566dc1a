import { assignStratifiedFolds } from '../folds/stratified-fold-kernels.js';
import type { StratifiedGrouping } from '../pool/task-types.js';
import type { ScoreJob } from './score-job.js';

/**
 * Assigns the runner's stratified folds on the calling thread, without
 * counting them: for jobs whose per-fold K×K counts would exceed the confusion
 * limits (one O(n) pass; the assignment is the one the counting pass makes).
 *
 * @param job - the job
 * @param grouping - the planned folds, with the id column to fill
 * @throws Error when the plan has no id column (a planning bug: the plan
 *   allocates one whenever the folds will not be counted)
 */
export function assignStratifiedOnMain(job: ScoreJob, grouping: StratifiedGrouping): void {
  const { columns } = job;
  if (grouping.ids === null) {
    throw new Error('stratified folds to assign without counting need an id column');
  }
  const { nSplits, alloc, blockRows, seed } = grouping.layout;
  const input = {
    yTrue: columns.yTrue,
    yPred: columns.yPred,
    weight: columns.weight,
    nClasses: columns.classes.length,
    nSplits,
    alloc,
    blockRows,
    seed,
    ids: grouping.ids,
  };
  assignStratifiedFolds(input, grouping.ids, 0, columns.n);
}
