import type { Label } from '@assay/core-metrics';
import { recordFirstRows } from '../folds/stratified-fold-kernels.js';
import { firstRowsOf } from '../pool/shared-pass.js';
import { taskRanges } from '../pool/task-ranges.js';
import type { LabelCensusTask, PassRunner } from '../pool/task-types.js';
import { type LabelPresenceByRole, presenceFromBits, sharedIntegers } from './label-scan.js';

/** Label values the census handles: 0..31 (one bit each, 32×32 pair table). */
const WIDTH = 32;
const PAIRS = WIDTH * WIDTH;

/**
 * One pass over `[start, end)` of two integer label columns whose values are all
 * in 0..31: the (true, predicted) pair counts, the true-value counts of each
 * block of `blockRows` rows (`start` on a block boundary) and each true value's
 * first row (-1 when absent). Returns an empty array as soon as a value outside
 * 0..31 is met (the caller then scans the general way). Unchecked kernel.
 *
 * @param task - the columns and the range
 * @returns `[pairs 32×32 (true-major), block counts nBlocks×32, first rows 32]`, or empty
 */
export function censusLabelRange(task: LabelCensusTask): Int32Array {
  const { yTrue, yPred, blockRows, start, end } = task;
  const nBlocks = Math.ceil((end - start) / blockRows);
  const out = new Int32Array(PAIRS + nBlocks * WIDTH + WIDTH);
  // odd rows count into a second pair table, so consecutive rows rarely wait on the
  // same cell's store (integer counts make the split exact)
  const odd = new Int32Array(PAIRS);
  for (let b = 0; b < nBlocks; b++) {
    const base = PAIRS + b * WIDTH;
    const from = start + b * blockRows;
    const to = Math.min(end, from + blockRows);
    let i = from;
    for (; i + 1 < to; i += 2) {
      const t0 = yTrue[i]!;
      const p0 = yPred[i]!;
      const t1 = yTrue[i + 1]!;
      const p1 = yPred[i + 1]!;
      // a negative value sets the sign bit, so this is below 32 only when all four are 0..31
      if ((t0 | p0 | t1 | p1) >>> 0 >= WIDTH) return new Int32Array(0);
      out[t0 * WIDTH + p0]!++;
      odd[t1 * WIDTH + p1]!++;
      out[base + t0]!++;
      out[base + t1]!++;
    }
    if (i < to) {
      const t = yTrue[i]!;
      const p = yPred[i]!;
      if ((t | p) >>> 0 >= WIDTH) return new Int32Array(0);
      out[t * WIDTH + p]!++;
      out[base + t]!++;
    }
  }
  for (let j = 0; j < PAIRS; j++) out[j]! += odd[j]!;
  recordFirstRows(yTrue, start, end, out, PAIRS, nBlocks, WIDTH);
  return out;
}

/** The merged census of two label columns, by raw value. */
export interface LabelCensus {
  /** Which values each column holds (for label encoding). */
  readonly presence: LabelPresenceByRole;
  /** `pairs[t * 32 + p]`: rows with true value t and predicted value p. */
  readonly pairs: Float64Array;
  /** `blocks[b * 32 + t]`: rows of block b with true value t. */
  readonly blocks: Int32Array;
  /** Each true value's first row (+Infinity when absent). */
  readonly first: Float64Array;
}

/**
 * Runs the census of an in-memory classification job's label columns on the
 * pool: one pass that replaces the label scan, the whole-set confusion pass
 * and the stratified folds' class-count pass when both columns are shared
 * integer arrays of values 0..31. The merged counts are sums of integers, so
 * they do not depend on how rows are cut into tasks.
 *
 * @param pass - runs a shared pass on the pool
 * @param input - the job's in-memory columns
 * @param blockRows - rows per block of the per-block counts
 * @param rangeRows - rows per range of the pass (any value gives the same result)
 * @returns the census, or null when the columns do not qualify
 */
export async function runLabelCensus(
  pass: PassRunner,
  input: { readonly yTrue?: unknown; readonly yPred?: unknown },
  blockRows: number,
  rangeRows: number,
): Promise<LabelCensus | null> {
  const yTrue = sharedIntegers(input.yTrue);
  const yPred = sharedIntegers(input.yPred);
  if (yTrue === undefined || yPred === undefined || yTrue.length !== yPred.length) return null;
  const n = yTrue.length;
  if (n === 0) return null;
  const task: LabelCensusTask = { kind: 'label-census', yTrue, yPred, blockRows, start: 0, end: 0 };
  const table = await pass(task, taskRanges(n, blockRows, rangeRows), blockRows, n);
  if (table.length === 0) return null;
  const nBlocks = Math.ceil(n / blockRows);
  const pairs = Float64Array.from(table.subarray(0, PAIRS));
  const blocks = Int32Array.from(table.subarray(PAIRS, PAIRS + nBlocks * WIDTH));
  const first = firstRowsOf(table, WIDTH);
  let trueBits = 0;
  let predBits = 0;
  for (let t = 0; t < WIDTH; t++) {
    for (let p = 0; p < WIDTH; p++) {
      if (pairs[t * WIDTH + p]! > 0) {
        trueBits |= 1 << t;
        predBits |= 1 << p;
      }
    }
  }
  return {
    presence: { yTrue: presenceFromBits(trueBits >>> 0), yPred: presenceFromBits(predBits >>> 0) },
    pairs,
    blocks,
    first,
  };
}

/** A census translated to the job's class codes. */
export interface CodedCensus {
  /** Whole-set confusion counts, K×K (true-major). */
  readonly confusion: Float64Array;
  /** `blockCounts[b * K + c]`: rows of class c in block b. */
  readonly blockCounts: Int32Array;
  /** Each class's first row. */
  readonly first: Float64Array;
}

/**
 * Translates a census from label values to class codes.
 *
 * @param census - the census
 * @param classes - the job's classes (code = index)
 * @returns the coded counts, or null when some counted value has no class code
 */
export function codeCensus(census: LabelCensus, classes: readonly Label[]): CodedCensus | null {
  const k = classes.length;
  // the census counts integer columns, whose classes are numbers (a mix with strings is an error)
  const index = new Map<Label, number>(classes.map((c, i) => [c, i]));
  const codeOf = new Int32Array(WIDTH).fill(-1);
  for (let v = 0; v < WIDTH; v++) codeOf[v] = index.get(v) ?? -1;
  const confusion = new Float64Array(k * k);
  for (let t = 0; t < WIDTH; t++) {
    for (let p = 0; p < WIDTH; p++) {
      const count = census.pairs[t * WIDTH + p]!;
      if (count === 0) continue;
      if (codeOf[t]! < 0 || codeOf[p]! < 0) return null;
      confusion[codeOf[t]! * k + codeOf[p]!]! += count;
    }
  }
  const nBlocks = census.blocks.length / WIDTH;
  // shared: the fold allocation tasks read it in place
  const blockCounts = new Int32Array(new SharedArrayBuffer(nBlocks * k * 4));
  const first = new Float64Array(k).fill(Number.POSITIVE_INFINITY);
  for (let v = 0; v < WIDTH; v++) {
    const c = codeOf[v]!;
    if (c < 0) continue;
    first[c] = census.first[v]!;
    for (let b = 0; b < nBlocks; b++) blockCounts[b * k + c] = census.blocks[b * WIDTH + v]!;
  }
  return { confusion, blockCounts, first };
}
