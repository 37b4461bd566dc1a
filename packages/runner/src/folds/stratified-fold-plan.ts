import { createRng } from '@assay/splitters';
import { deriveSeed } from '../bootstrap/derive-seed.js';
import type { FoldAllocationTask } from '../pool/task-types.js';
import { sampleHypergeometric } from './hypergeometric.js';

/** The `deriveSeed` stream of each class's split of its fold labels over the row blocks. */
export const FOLD_ALLOCATION_STREAM = 4;

/** How many positions `p` in `[0, end)` satisfy `p % k === i` (for `0 <= i < k`). */
function congruentBelow(end: number, i: number, k: number): number {
  return end > i ? Math.floor((end - i - 1) / k) + 1 : 0;
}

/** Test rows per class and fold: scikit-learn's `StratifiedKFold` allocation. */
export interface StratifiedFoldPlan {
  /** Rows per class code over the whole column. */
  readonly counts: Int32Array;
  /** `take[c * nSplits + f]`: rows of class `c` in test fold `f`. */
  readonly take: Int32Array;
  /** Test rows per fold. */
  readonly foldSizes: number[];
}

/**
 * scikit-learn's `StratifiedKFold` allocation (`_make_test_folds`) from class
 * counts: classes in order of first appearance, rows sorted by that order and
 * dealt round-robin, so fold `f` gets the positions of class `c`'s block that
 * are congruent to `f` mod `nSplits`. Each class is therefore split within one
 * row of exact shares, and the fold sizes equal StratifiedKFold's.
 *
 * @param counts - rows per class code
 * @param first - each class's first row (any value for absent classes)
 * @param nSplits - number of folds
 * @returns the plan
 */
export function planStratifiedFolds(
  counts: Int32Array,
  first: ArrayLike<number>,
  nSplits: number,
): StratifiedFoldPlan {
  const present = [...counts.keys()].filter((c) => counts[c]! > 0);
  present.sort((a, b) => first[a]! - first[b]!);
  const take = new Int32Array(counts.length * nSplits);
  const foldSizes = new Array<number>(nSplits).fill(0);
  let start = 0;
  for (const c of present) {
    const end = start + counts[c]!;
    for (let f = 0; f < nSplits; f++) {
      const t = congruentBelow(end, f, nSplits) - congruentBelow(start, f, nSplits);
      take[c * nSplits + f] = t;
      foldSizes[f]! += t;
    }
    start = end;
  }
  return { counts, take, foldSizes };
}

/**
 * Splits some classes' fold labels over the row blocks, in place:
 * `alloc[(b * K + c) * nSplits + f]` becomes how many of class `c`'s rows in
 * block `b` go to test fold `f`. Each class has its own generator, so classes
 * can be split in any grouping, on any thread. Unchecked kernel.
 *
 * @remarks
 * For class `c` (generator `createRng(deriveSeed(seed, 4, c))`), blocks in row
 * order: the block's `m` rows of the class take a multivariate hypergeometric
 * share of the class's fold labels not yet handed out (conditional univariate
 * draws, fold by fold, none once the block's rows are used up; the class's
 * last block takes what is left). That is exactly the distribution of the
 * labels those rows get when the class's whole label sequence is shuffled
 * uniformly and dealt in row order, so a uniform arrangement within each block
 * (done by the block's task) makes the whole assignment a uniform random
 * stratified one (the hypergeometric splitting of Sanders, "Random permutations
 * on distributed, external and hierarchical memory", IPL 67, 1998).
 *
 * @param task - the shared tables, the classes to split and the seed
 */
export function allocateFoldBlocks(task: FoldAllocationTask): void {
  const { alloc, blockCounts, counts, take, nSplits, seed, classes } = task;
  const k = counts.length;
  const nBlocks = blockCounts.length / k;
  const left = new Float64Array(nSplits);
  for (const c of classes) {
    let remaining = counts[c]!;
    if (remaining === 0) continue;
    const rng = createRng(deriveSeed(seed, FOLD_ALLOCATION_STREAM, c));
    for (let f = 0; f < nSplits; f++) left[f] = take[c * nSplits + f]!;
    for (let b = 0; b < nBlocks && remaining > 0; b++) {
      let m = blockCounts[b * k + c]!;
      if (m === 0) continue;
      const at = (b * k + c) * nSplits;
      if (m === remaining) {
        // the class's last rows take every label still left
        for (let f = 0; f < nSplits; f++) alloc[at + f] = left[f]!;
        break;
      }
      let population = remaining;
      remaining -= m;
      for (let f = 0; f < nSplits - 1 && m > 0; f++) {
        const good = left[f]!;
        const x = sampleHypergeometric(rng, good, population - good, m);
        alloc[at + f] = x;
        left[f] = good - x;
        population -= good;
        m -= x;
      }
      alloc[at + nSplits - 1]! += m;
      left[nSplits - 1]! -= m;
    }
  }
}
