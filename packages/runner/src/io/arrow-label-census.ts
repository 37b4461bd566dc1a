import { availableParallelism } from 'node:os';
import { FOLD_BLOCK_ROWS } from '../folds/stratified-fold-kernels.js';
import { sharedPass } from '../pool/shared-pass.js';
import { RANGE_ROWS } from '../pool/task-ranges.js';
import type { PassRunner, RangeTask } from '../pool/task-types.js';
import { censusLabelRange, type LabelCensus, runLabelCensus } from '../score/label-census.js';
import type { FileReadPool } from './read-csv-pool.js';

/** Runs a census range on the calling thread (the only range kind this pass queues). */
function censusHere(range: RangeTask): Int32Array {
  if (range.kind !== 'label-census') throw new Error(`a census pass met a ${range.kind} range`);
  return censusLabelRange(range);
}

/**
 * Counts an Arrow file's true and predicted Int32 label columns on the pool while the file
 * is read: which values each holds, the (true, predicted) pair counts, and the true values'
 * counts per block of rows and first rows. One pass that does the work of the label scan,
 * of the scoring job's whole-set confusion pass and of its stratified folds' class-count
 * pass, as the label census of in-memory integer labels does (see `runLabelCensus`).
 *
 * @remarks
 * Why: with the label columns only scanned at load, the scoring job counted the stratified
 * folds' blocks in a pass of its own and took the whole-set counts from the fold pass, its
 * last and longest; the bootstrap, which needs those counts, then ran alone after it, with
 * the calling thread's hand-overs between. With this census the fold allocation, the
 * bootstrap and the fold pass follow each other on the workers, and the label scan costs
 * no more than before (one pass over both columns either way).
 *
 * @param yTrue - the true labels (an Int32Array over a SharedArrayBuffer)
 * @param yPred - the predicted labels (the same, and as long)
 * @param pool - the runner whose workers count (this thread too, where a core is left for it)
 * @returns the census, or null when a value is outside 0..31, a column is not shared or a
 *   worker failed (the caller then scans the columns the plain way)
 * @example
 * ```ts
 * const pool = { workers: 1, runReadTask: async (task) => runTask(task) }; // runs its tasks on this thread
 * const yTrue = new Int32Array(new SharedArrayBuffer(12)); // the file's columns are shared views
 * const yPred = new Int32Array(new SharedArrayBuffer(12));
 * yTrue.set([0, 1, 1]);
 * yPred.set([0, 0, 1]);
 * const census = await censusArrowLabels(yTrue, yPred, pool);
 * census?.pairs.subarray(0, 2); // Float64Array [1, 0]: one row true 0 and predicted 0
 * ```
 */
export async function censusArrowLabels(
  yTrue: Int32Array,
  yPred: Int32Array,
  pool: FileReadPool,
): Promise<LabelCensus | null> {
  // as for the label scan: this thread takes ranges only where a core is left for it
  const here = pool.workers < availableParallelism() ? censusHere : undefined;
  const run = (task: Parameters<FileReadPool['runReadTask']>[0]) =>
    pool.runReadTask(task) as Promise<Int32Array | Float64Array | null>;
  const pass: PassRunner = (range, ranges, blockRows, n) =>
    sharedPass(run, range, ranges, pool.workers, blockRows, n, undefined, here);
  try {
    return await runLabelCensus(pass, { yTrue, yPred }, FOLD_BLOCK_ROWS, RANGE_ROWS);
  } catch {
    return null;
  }
}
