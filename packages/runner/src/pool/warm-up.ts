import { FOLD_BLOCK_ROWS } from '../folds/stratified-fold-kernels.js';
import type { LoadedTable } from '../io/loaded-column.js';
import { sharedInt32 } from '../io/shared-arrays.js';
import { scoreWith } from '../score/score-engine.js';
import { executorOf } from './executor-of.js';
import type { BlockCountTask, FoldAllocationTask } from './task-types.js';
import { runTask } from './worker-tasks.js';

/**
 * Rows of the warm-up job: 8 full fold blocks and a short last one, as most real files
 * end. A few milliseconds once compiled; a larger job compiled no more of what a real
 * job runs and took its CPU from the file's read. The short block has an even length: the
 * stratified counting kernel takes rows in pairs, and an odd last row, met at the very end
 * of the warm-up, threw its optimised code away, so that every worker ran the real job's
 * first range (about 10 ms) unoptimised while V8 compiled it again. A real file's odd last
 * row now costs that only once its pass is done.
 */
const WARM_ROWS = (1 << 17) + 4320;
const WARM_CLASSES = 10;

/**
 * Runs of the warm-up job. A real job calls each range task 20 or more times per worker, the
 * warm-up job 9 times: after one run V8 still compiled the fold pass's task runner (inlining
 * the counting kernels, 5–12 ms of compiler time per worker) in the middle of the real job,
 * on the cores the job was running on. Three runs, the bootstrap in the first only, add
 * about 30 ms to each worker's warm-up, while the file is being read.
 */
const WARM_ROUNDS = 3;

/**
 * A small synthetic classification table shaped as `loadColumns` returns label columns
 * (shared Int32 codes), so the kernels are compiled for the types a real job passes.
 * One class is rare (about 1 row in 100): real labels are rarely balanced, and the
 * kernels take other branches for small counts (e.g. `logFactorial` below 256).
 */
function warmTable(): LoadedTable {
  const yTrue = sharedInt32(WARM_ROWS);
  const yPred = sharedInt32(WARM_ROWS);
  let s = 0x9e3779b9 | 0;
  for (let i = 0; i < WARM_ROWS; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const r = (s >>> 0) % 1000;
    const c = r < 10 ? WARM_CLASSES - 1 : r % (WARM_CLASSES - 1);
    yTrue[i] = c;
    yPred[i] = (s >>> 12) % 4 === 0 ? (c + 1) % WARM_CLASSES : c;
  }
  const dictionary = Array.from({ length: WARM_CLASSES }, (_, k) => k);
  return {
    n: WARM_ROWS,
    columns: new Map([
      ['y_true', { kind: 'label', name: 'y_true', codes: yTrue, dictionary }],
      ['y_pred', { kind: 'label', name: 'y_pred', codes: yPred, dictionary }],
    ]),
    texts: new Map(),
    available: ['y_true', 'y_pred'],
  };
}

/**
 * Counts the classes of the warm table's blocks in ranges of several blocks, as the real
 * census does (the warm-up job's ranges hold one block each): without it V8 compiled only
 * the inner loop of `countClassesByBlock`, threw that code away on each new range and
 * compiled it again, about 30 times per job, on the cores the job was running on.
 *
 * @param yTrue - the warm table's class codes
 */
function drillBlockCounts(yTrue: Int32Array): void {
  for (let i = 0; i < DRILL_CALLS; i++) {
    const start = (i % 4) * FOLD_BLOCK_ROWS;
    const task: BlockCountTask = {
      kind: 'block-counts',
      yTrue,
      nClasses: WARM_CLASSES,
      blockRows: FOLD_BLOCK_ROWS,
      start,
      end: start + 4 * FOLD_BLOCK_ROWS,
    };
    runTask(structuredClone(task));
  }
}

/** Calls of the fold allocation in {@link drillFoldAllocation}. */
const DRILL_CALLS = 40;

/**
 * Calls the stratified fold allocation often enough for V8 to optimise it as a function.
 * A job calls it once per worker, over every block of the file: left to itself V8 compiles
 * it on stack, during the real job, for every worker.
 */
function drillFoldAllocation(): void {
  const k = WARM_CLASSES;
  const nSplits = 5;
  const nBlocks = 16;
  const blockCounts = sharedInt32(nBlocks * k);
  const counts = sharedInt32(k);
  for (let b = 0; b < nBlocks; b++) {
    for (let c = 0; c < k; c++) {
      // a rare class (counts below 256 take other branches) and an empty cell now and then
      const m = c === k - 1 ? 40 + b : (b * 7 + c * 13) % 11 === 0 ? 0 : 1200 + 37 * c + b;
      blockCounts[b * k + c] = m;
      counts[c]! += m;
    }
  }
  const take = sharedInt32(k * nSplits);
  for (let c = 0; c < k; c++) {
    for (let f = 0; f < nSplits; f++) {
      take[c * nSplits + f] =
        Math.floor((counts[c]! * (f + 1)) / nSplits) - Math.floor((counts[c]! * f) / nSplits);
    }
  }
  const classes = Array.from({ length: k }, (_, c) => c);
  for (let i = 0; i < DRILL_CALLS; i++) {
    const alloc = sharedInt32(nBlocks * k * nSplits);
    const task: FoldAllocationTask = {
      kind: 'fold-allocation',
      alloc,
      blockCounts,
      counts,
      take,
      nSplits,
      seed: i,
      classes,
    };
    runTask(structuredClone(task));
  }
}

/**
 * Runs a small stratified-CV job with a bootstrap on the calling thread, so that a worker
 * started before a file is read has its hot kernels (label census, fold planning and
 * counting, multinomial bootstrap, metrics) compiled by the time the real tasks arrive.
 *
 * @remarks
 * A fresh worker runs its first tasks in V8's interpreter and pays for optimising them
 * while the job waits; each worker pays it again, and on a machine with as many workers
 * as cores the compiler threads take their time from the workers. `Runner.start()` asks
 * for this while the main thread is still reading the file.
 *
 * The job mirrors a real one as the kernels see it, because optimised code that meets
 * anything its warm-up did not is thrown away and compiled again: it is planned for the
 * pool's worker count (the same task ranges), and each task is passed through a
 * structured clone, as a pool's task message is (a cloned object has other hidden
 * classes than an object literal). The results are discarded; kernels keep no state
 * between calls but scratch buffers, so later results are unchanged (the runner tests
 * compare them).
 *
 * @param workers - the pool's worker count (default 1)
 * @returns when the job has run
 * @example
 * await warmUpKernels(2); // undefined (the kernels ran once on this thread)
 */
export async function warmUpKernels(workers = 1): Promise<void> {
  const exec = executorOf(async (task) => runTask(structuredClone(task)));
  for (let round = 0; round < WARM_ROUNDS; round++) {
    // `inPlace` consumes a table: each run scores a fresh one
    await scoreWith(
      exec,
      workers,
      { table: warmTable(), roles: { yTrue: 'y_true', yPred: 'y_pred' } },
      // one fold block per range: many calls of each kernel, so V8 optimises the functions
      // themselves and not only their loops (code compiled for a loop alone, on stack, meets
      // the next call's other branches and is thrown away)
      {
        task: 'classification',
        cv: 'stratified:5',
        bootstrap: round === 0 ? 1000 : 0,
        inPlace: true,
        chunkRows: 1 << 14,
      },
    );
  }
  drillFoldAllocation();
  const yTrue = warmTable().columns.get('y_true');
  if (yTrue?.kind === 'label') drillBlockCounts(yTrue.codes as Int32Array);
}
