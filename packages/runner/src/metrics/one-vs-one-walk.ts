import type { RowCounts, ScoreOrder } from '@assay/core-metrics';

/**
 * The one-vs-one ROC AUCs of class `a` against every other class, scored by class `a`'s
 * probability column, from one walk along that column's ranking: row `r` counts
 * `counts[r]` times, unweighted, as scikit-learn's one-vs-one average scores each pair.
 *
 * @remarks
 * The AUC of `a` against `b` is the binary AUC over the rows of classes `a` and `b`
 * (`rocAucBinaryKernel` on those rows). Rows of the other classes only split tie groups
 * into groups without `a` or `b` rows, which add nothing to that pair's area, so one walk
 * over all rows serves every `b`: per tie group, `area_b += n_b · (A_before + n_a / 2)`,
 * touching only the classes present in the group. The sums are integers, so each value
 * equals the binary kernel's exactly. O(ranked rows + k).
 *
 * @param ranked - class `a`'s probability column ranked (over a domain holding every
 *   counted row)
 * @param classes - the true class of each ranked row, in ranked order
 * @param k - number of classes
 * @param a - the class whose column was ranked
 * @param counts - how many times each row counts, indexed by row
 * @param out - receives AUC(a vs b) at `b` (NaN at `a` and where either class is absent)
 * @example
 * const yProba = [[0.7, 0.2, 0.1, 0.5], [0.2, 0.6, 0.5, 0.3], [0.1, 0.2, 0.4, 0.2]]; // one column per class
 * const { columns } = prepareColumns({ yTrue: ['a', 'b', 'c', 'a'], yPred: ['a', 'b', 'b', 'a'], yProba });
 * const ranked = rankedScores(probaColumn(columns, 1), null);
 * const aucs = new Float64Array(3);
 * oneVsOneAucs(ranked, rankedValues(ranked, columns.yTrue), 3, 1, Uint8Array.of(1, 1, 1, 1), aucs);
 * aucs; // Float64Array [1, NaN, 1]: 'b' against 'a' and against 'c'
 */
export function oneVsOneAucs(
  ranked: ScoreOrder,
  classes: Int32Array,
  k: number,
  a: number,
  counts: RowCounts,
  out: Float64Array,
): void {
  const { order, groupEnd } = ranked;
  const area = new Float64Array(k);
  const total = new Float64Array(k);
  const group = new Float64Array(k);
  const touched = new Int32Array(k);
  let nTouched = 0;
  let above = 0;
  for (let p = 0; p < order.length; p++) {
    const c = counts[order[p]!]!;
    if (c !== 0) {
      const y = classes[p]!;
      if (group[y] === 0) touched[nTouched++] = y;
      group[y]! += c;
    }
    if (groupEnd[p] === 1 && nTouched > 0) {
      const inA = group[a]!;
      const half = above + inA / 2;
      for (let t = 0; t < nTouched; t++) {
        const y = touched[t]!;
        if (y !== a) area[y]! += group[y]! * half;
        total[y]! += group[y]!;
        group[y] = 0;
      }
      above += inA;
      nTouched = 0;
    }
  }
  for (let b = 0; b < k; b++) {
    const defined = b !== a && total[a]! > 0 && total[b]! > 0;
    out[b] = defined ? area[b]! / (total[a]! * total[b]!) : Number.NaN;
  }
}
