import { SplitError } from '@assay/splitters';
import { RunnerError } from '../errors.js';
import { firstRowsOf } from '../pool/shared-pass.js';
import { taskRanges } from '../pool/task-ranges.js';
import type {
  BlockCountTask,
  FoldIdArray,
  PassRunner,
  StratifiedFoldLayout,
  StratifiedFoldTask,
} from '../pool/task-types.js';
import { planStratifiedFolds } from './stratified-fold-plan.js';

/**
 * Runs a planning task (on a worker or the calling thread): block counts come
 * back, allocations are written in place (null).
 */
export type RunFoldTask = (task: StratifiedFoldTask) => Promise<Int32Array | null>;

/**
 * Plans the runner's `stratified:K` folds on the pool: one counting pass (class
 * counts per fixed block of rows), then {@link layoutStratifiedFolds}.
 * The rows are assigned later, block by block, in the same pass that counts
 * them per fold (`accumulateStratifiedFolds`), so no fold-id column is needed
 * unless a row-based metric asks for one.
 *
 * @remarks
 * Definition (deterministic for a seed, whatever the worker count):
 * 1. the number of test rows of each class in each fold is scikit-learn's
 *    `StratifiedKFold` allocation (classes by first appearance, sorted rows
 *    dealt round-robin), so fold sizes and class shares equal scikit-learn's
 *    and every class is split within one row of exact shares;
 * 2. within each class the fold labels are arranged uniformly at random over
 *    the class's rows: each fixed block of `blockRows` rows gets a
 *    multivariate hypergeometric share of the class's labels (one seeded
 *    stream per class, blocks in row order), and the block's share is shuffled
 *    over the block's rows of the class (one seeded stream per block).
 * Which rows land in which fold differs from `StratifiedKFold(shuffle=True)`
 * with the same seed (numpy's one stream over all rows), but the split is
 * exactly stratified, uniformly random and seeded.
 *
 * @param run - where allocation tasks run
 * @param pass - runs the counting pass on the pool
 * @param yTrue - class codes (shared)
 * @param nClasses - number of class codes
 * @param nSplits - number of folds
 * @param seed - the shuffle seed
 * @param blockRows - rows per block (part of the definition)
 * @param rangeRows - rows per range of the counting pass (any value gives the same result)
 * @param text - the CV spec as written, for messages
 * @param tasks - how many allocation tasks to run (any number gives the same result)
 * @returns the layout and a warning when the smallest class has fewer rows than folds
 * @throws {@link RunnerError} `TOO_FEW_ROWS`; {@link SplitError} `CLASS_TOO_SMALL` when
 *   every class has fewer rows than folds
 */
export async function planParallelStratifiedFolds(
  run: RunFoldTask,
  pass: PassRunner,
  yTrue: Int32Array,
  nClasses: number,
  nSplits: number,
  seed: number,
  blockRows: number,
  rangeRows: number,
  text: string,
  tasks = 1,
): Promise<{ layout: StratifiedFoldLayout; warning: string | null }> {
  const n = yTrue.length;
  if (n < nSplits) throw tooFewRows(text, n, nSplits);
  const range: BlockCountTask = {
    kind: 'block-counts',
    yTrue,
    nClasses,
    blockRows,
    start: 0,
    end: 0,
  };
  const table = await pass(range, taskRanges(n, blockRows, rangeRows), blockRows, n);
  const size = Math.ceil(n / blockRows) * nClasses;
  // shared: the allocation tasks read it in place
  const blockCounts = new Int32Array(new SharedArrayBuffer(size * 4));
  blockCounts.set(table.subarray(0, size));
  const first = firstRowsOf(table, nClasses);
  return layoutStratifiedFolds(run, blockCounts, first, n, nSplits, seed, blockRows, text, tasks);
}

function tooFewRows(text: string, n: number, nSplits: number): RunnerError {
  return new RunnerError(
    'TOO_FEW_ROWS',
    `--cv ${text} needs at least ${nSplits} rows but only ${n} are left to score; use fewer folds or more rows.`,
    { path: 'cv' },
  );
}

/**
 * The layout of the runner's `stratified:K` folds from per-block class counts
 * (see {@link planParallelStratifiedFolds} for the definition): the fold
 * allocation on the calling thread, then the per-block split of every class in
 * `tasks` allocation tasks (classes dealt largest first to the least loaded),
 * which keeps the calling thread free to hand out other work meanwhile.
 *
 * @param run - where allocation tasks run
 * @param blockCounts - `blockCounts[b * K + c]`: rows of class `c` in block `b` (shared)
 * @param first - each class's first row (any value for absent classes)
 * @param n - rows
 * @param nSplits - number of folds
 * @param seed - the shuffle seed
 * @param blockRows - rows per block
 * @param text - the CV spec as written, for messages
 * @param tasks - how many allocation tasks to run (any number gives the same result)
 * @returns the layout and a warning when the smallest class has fewer rows than folds
 * @throws {@link RunnerError} `TOO_FEW_ROWS`; {@link SplitError} `CLASS_TOO_SMALL`
 */
export async function layoutStratifiedFolds(
  run: RunFoldTask,
  blockCounts: Int32Array,
  first: ArrayLike<number>,
  n: number,
  nSplits: number,
  seed: number,
  blockRows: number,
  text: string,
  tasks: number,
): Promise<{ layout: StratifiedFoldLayout; warning: string | null }> {
  if (n < nSplits) throw tooFewRows(text, n, nSplits);
  const nClasses = first.length;
  const counts = new Int32Array(nClasses);
  for (let i = 0; i < blockCounts.length; i++) counts[i % nClasses]! += blockCounts[i]!;
  const plan = planStratifiedFolds(counts, first, nSplits);
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const c of counts) {
    if (c > 0 && c < min) min = c;
    if (c > max) max = c;
  }
  if (max < nSplits) {
    throw new SplitError(
      'CLASS_TOO_SMALL',
      `--cv ${text}: nSplits=${nSplits} cannot be greater than the number of members in each class (the largest class has ${max}); ${max >= 2 ? `use at most ${max} folds.` : 'this split needs a class with at least 2 members: add data or score without one (--cv none).'}`,
      'options.nSplits',
    );
  }
  const warning =
    min < nSplits
      ? `--cv ${text}: the least populated class in y has only ${min} members, which is less than n_splits=${nSplits}.`
      : null;
  const alloc = new Int32Array(new SharedArrayBuffer(blockCounts.length * nSplits * 4));
  const groups = Array.from({ length: Math.max(1, tasks) }, () => ({
    rows: 0,
    classes: [] as number[],
  }));
  const present = [...counts.keys()].filter((c) => counts[c]! > 0);
  present.sort((a, b) => counts[b]! - counts[a]! || a - b);
  for (const c of present) {
    const lightest = groups.reduce((a, b) => (b.rows < a.rows ? b : a));
    lightest.classes.push(c);
    lightest.rows += counts[c]!;
  }
  const { take } = plan;
  await Promise.all(
    groups
      .filter((g) => g.classes.length > 0)
      .map((g) =>
        run({
          kind: 'fold-allocation',
          alloc,
          blockCounts,
          counts,
          take,
          nSplits,
          seed,
          classes: g.classes,
        }),
      ),
  );
  return {
    layout: {
      nSplits,
      blockRows,
      alloc,
      seed,
      splits: plan.foldSizes.map((t) => ({ nTrain: n - t, nTest: t })),
    },
    warning,
  };
}

/**
 * A fold-id column for a layout: one shared byte per row up to 127 folds.
 *
 * @param n - rows
 * @param nSplits - folds
 * @returns the zeroed column
 */
export function sharedFoldIds(n: number, nSplits: number): FoldIdArray {
  return nSplits <= 127
    ? new Int8Array(new SharedArrayBuffer(n))
    : new Int32Array(new SharedArrayBuffer(n * 4));
}
