import { SplitError } from '@assay/splitters';
import { ConfigError } from '../errors.js';
import type { Folding } from '../score/build-folds.js';
import type { FoldIdArray } from './stratified-fold-kernels.js';
import { chunkCursors, planStratifiedFolds } from './stratified-fold-plan.js';

/** Per-chunk class counts (pass 1). */
export interface ClassCountTask {
  readonly kind: 'class-counts';
  readonly yTrue: Int32Array;
  readonly nClasses: number;
  readonly start: number;
  readonly end: number;
}

/** One class's shuffled fold-label sequence, written into shared memory. */
export interface FoldSequenceTask {
  readonly kind: 'fold-sequence';
  readonly sequence: FoldIdArray;
  readonly start: number;
  readonly take: readonly number[];
  readonly seed: number;
  readonly classCode: number;
}

/** Fold ids of one fixed row chunk (pass 2), written into the shared fold-id column. */
export interface FoldAssignTask {
  readonly kind: 'fold-assign';
  readonly yTrue: Int32Array;
  readonly sequence: FoldIdArray;
  readonly cursor: Int32Array;
  readonly out: FoldIdArray;
  readonly start: number;
  readonly end: number;
}

/** A task of the parallel stratified fold assignment. */
export type StratifiedFoldTask = ClassCountTask | FoldSequenceTask | FoldAssignTask;

/** Runs one such task (on a worker or the calling thread); counts come back, the rest is written in place. */
export type RunFoldTask = (task: StratifiedFoldTask) => Promise<Int32Array | null>;

function sharedFoldIds(n: number, nSplits: number): FoldIdArray {
  return nSplits <= 127
    ? new Int8Array(new SharedArrayBuffer(n))
    : new Int32Array(new SharedArrayBuffer(n * 4));
}

/**
 * The runner's `stratified:K` folds, built on the pool in fixed row chunks.
 *
 * @remarks
 * Definition (deterministic for a seed, whatever the worker count):
 * 1. the number of test rows of each class in each fold is scikit-learn's
 *    `StratifiedKFold` allocation (classes by first appearance, sorted rows
 *    dealt round-robin), so fold sizes and class shares equal scikit-learn's
 *    and every class is split within one row of exact shares;
 * 2. class `c`'s fold labels (fold 0 repeated its count, then fold 1, ...) are
 *    shuffled by Fisher–Yates with `createRng(deriveSeed(seed, 3, c))`, one
 *    independent stream per class code;
 * 3. the rows of class `c`, in row order, take that sequence in order.
 * Which rows land in which fold therefore differs from `StratifiedKFold`'s
 * shuffle (one stream over all classes), but the split is exactly stratified
 * and seeded. Pass 1 counts classes per fixed chunk of `chunkRows` rows, the
 * main thread turns the counts into per-chunk offsets, the class sequences are
 * generated one task per class, and pass 2 writes each chunk's fold ids into a
 * shared column (one byte per row for up to 127 folds). No full-size copy is
 * made of the labels; the sequence buffer is dropped once pass 2 is done.
 *
 * @param run - where tasks run
 * @param yTrue - class codes (shared)
 * @param nClasses - number of class codes
 * @param nSplits - number of folds
 * @param seed - the shuffle seed
 * @param chunkRows - rows per chunk task
 * @param text - the CV spec as written, for messages
 * @returns the folding and a warning when the smallest class has fewer rows than folds
 * @throws {@link ConfigError} `TOO_FEW_ROWS`; {@link SplitError} `CLASS_TOO_SMALL` when
 *   every class has fewer rows than folds
 */
export async function parallelStratifiedFolds(
  run: RunFoldTask,
  yTrue: Int32Array,
  nClasses: number,
  nSplits: number,
  seed: number,
  chunkRows: number,
  text: string,
): Promise<{ folding: Folding; warning: string | null }> {
  const n = yTrue.length;
  if (n < nSplits) {
    throw new ConfigError(
      'TOO_FEW_ROWS',
      `--cv ${text} needs at least ${nSplits} rows but only ${n} are left to score; use fewer folds or more rows.`,
      { path: 'cv' },
    );
  }
  const ranges: [number, number][] = [];
  for (let start = 0; start < n; start += chunkRows) {
    ranges.push([start, Math.min(n, start + chunkRows)]);
  }
  const chunks = (await Promise.all(
    ranges.map(([start, end]) => run({ kind: 'class-counts', yTrue, nClasses, start, end })),
  )) as Int32Array[];
  const plan = planStratifiedFolds(chunks, nClasses, nSplits);
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const c of plan.counts) {
    if (c > 0 && c < min) min = c;
    if (c > max) max = c;
  }
  if (max < nSplits) {
    throw new SplitError(
      'CLASS_TOO_SMALL',
      `--cv ${text}: nSplits=${nSplits} cannot be greater than the number of members in each class (the largest class has ${max}); use at most ${max} folds.`,
      'options.nSplits',
    );
  }
  const warning =
    min < nSplits
      ? `--cv ${text}: the least populated class in y has only ${min} members, which is less than nSplits=${nSplits}.`
      : null;
  // the sequence buffer lives only until pass 2 is done (it is not kept by the folding)
  const seq = sharedFoldIds(n, nSplits);
  // one task per class, largest first, so that a big class does not start last and
  // leave the other workers idle at the barrier (each task writes only its own range)
  await Promise.all(
    [...plan.counts.keys()]
      .filter((c) => plan.counts[c]! > 0)
      .sort((a, b) => plan.counts[b]! - plan.counts[a]! || a - b)
      .map((c) =>
        run({
          kind: 'fold-sequence',
          sequence: seq,
          start: plan.sequenceStart[c]!,
          take: Array.from(plan.take.subarray(c * nSplits, (c + 1) * nSplits)),
          seed,
          classCode: c,
        }),
      ),
  );
  const out = sharedFoldIds(n, nSplits);
  const cursors = chunkCursors(chunks, plan);
  await Promise.all(
    ranges.map(([start, end], j) =>
      run({ kind: 'fold-assign', yTrue, sequence: seq, cursor: cursors[j]!, out, start, end }),
    ),
  );
  return {
    folding: {
      ids: out,
      offset: 0,
      splits: plan.foldSizes.map((t) => ({ nTrain: n - t, nTest: t })),
    },
    warning,
  };
}
