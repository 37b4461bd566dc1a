/** How many positions `p` in `[0, end)` satisfy `p % k === i` (for `0 <= i < k`). */
function congruentBelow(end: number, i: number, k: number): number {
  return end > i ? Math.floor((end - i - 1) / k) + 1 : 0;
}

/**
 * Everything the parallel stratified fold assignment needs, computed on the
 * main thread from per-chunk class counts (O(chunks × K + K × nSplits)).
 */
export interface StratifiedFoldPlan {
  /** Rows per class code over the whole column. */
  readonly counts: Int32Array;
  /** `take[c * nSplits + f]`: rows of class `c` in test fold `f`. */
  readonly take: Int32Array;
  /** Where class `c`'s block of the fold-label sequence begins (classes by code). */
  readonly sequenceStart: Float64Array;
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
 * @param chunks - `countClassesInRange` of each fixed row chunk, in row order
 * @param nClasses - number of class codes K
 * @param nSplits - number of folds
 * @returns the plan
 */
export function planStratifiedFolds(
  chunks: readonly Int32Array[],
  nClasses: number,
  nSplits: number,
): StratifiedFoldPlan {
  const counts = new Int32Array(nClasses);
  const first = new Float64Array(nClasses).fill(Number.POSITIVE_INFINITY);
  for (const chunk of chunks) {
    for (let c = 0; c < nClasses; c++) {
      counts[c]! += chunk[c]!;
      const at = chunk[nClasses + c]!;
      if (at >= 0 && at < first[c]!) first[c] = at;
    }
  }
  const present = [...counts.keys()].filter((c) => counts[c]! > 0);
  present.sort((a, b) => first[a]! - first[b]!);
  const take = new Int32Array(nClasses * nSplits);
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
  const sequenceStart = new Float64Array(nClasses);
  for (let c = 1; c < nClasses; c++) sequenceStart[c] = sequenceStart[c - 1]! + counts[c - 1]!;
  return { counts, take, sequenceStart, foldSizes };
}

/**
 * The sequence cursor of every chunk: `cursors[j][c]` is where chunk `j`'s
 * first row of class `c` reads its fold label (its class block's start plus
 * the class's rows in earlier chunks).
 *
 * @param chunks - per-chunk counts, in row order
 * @param plan - the plan
 * @returns one Int32Array of K cursors per chunk
 */
export function chunkCursors(
  chunks: readonly Int32Array[],
  plan: StratifiedFoldPlan,
): Int32Array[] {
  const k = plan.counts.length;
  const running = Int32Array.from(plan.sequenceStart);
  return chunks.map((chunk) => {
    const cursor = running.slice();
    for (let c = 0; c < k; c++) running[c]! += chunk[c]!;
    return cursor;
  });
}
