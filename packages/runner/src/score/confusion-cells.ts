import type { LabelTallies } from '@assay/core-metrics';
import type { ScoreColumns } from './score-columns.js';

/** The non-zero cells of a confusion matrix, true-major, and the per-class tallies. */
export interface ConfusionCells {
  /** True class code of each listed cell. */
  readonly trueCodes: Int32Array;
  /** Predicted class code of each listed cell. */
  readonly predCodes: Int32Array;
  /** Count (or weight sum) of each listed cell. */
  readonly counts: Float64Array;
  /** Every non-zero cell, also those past `maxCells` that are not listed. */
  readonly nonZero: number;
  /** tp, predicted and actual of every class. */
  readonly tallies: LabelTallies;
}

/** Rows of each true class, as one array of row indices bucketed by class. */
function rowsByTrueClass(
  yTrue: Int32Array,
  n: number,
  k: number,
): { starts: Int32Array; rows: Uint32Array } {
  const starts = new Int32Array(k + 1);
  for (let i = 0; i < n; i++) starts[yTrue[i]! + 1]!++;
  for (let c = 0; c < k; c++) starts[c + 1]! += starts[c]!;
  const next = starts.slice(0, k);
  const rows = new Uint32Array(n);
  for (let i = 0; i < n; i++) rows[next[yTrue[i]!]!++] = i;
  return { starts, rows };
}

/**
 * The whole set's confusion matrix as its non-zero cells, in O(n + K) memory
 * whatever the class count: rows are bucketed by true class, then each true
 * class's predicted counts gather in one K-wide scratch row.
 *
 * @param columns - the job's columns (classification)
 * @param maxCells - the most cells to list (all are still counted in `nonZero`)
 * @returns the cells in (true, predicted) order, and the tallies
 */
export function confusionCells(columns: ScoreColumns, maxCells: number): ConfusionCells {
  const { n, yTrue, yPred, weight } = columns;
  const k = columns.classes.length;
  const { starts, rows } = rowsByTrueClass(yTrue, n, k);
  const capacity = Math.min(n, maxCells);
  const trueCodes = new Int32Array(capacity);
  const predCodes = new Int32Array(capacity);
  const counts = new Float64Array(capacity);
  const tp = new Float64Array(k);
  const predicted = new Float64Array(k);
  const actual = new Float64Array(k);
  const scratch = new Float64Array(k);
  // stamp[p] === t + 1 once class p has a cell in true class t's row
  const stamp = new Int32Array(k);
  const touched = new Int32Array(k);
  let listed = 0;
  let nonZero = 0;
  for (let t = 0; t < k; t++) {
    let m = 0;
    for (let j = starts[t]!; j < starts[t + 1]!; j++) {
      const r = rows[j]!;
      const p = yPred[r]!;
      if (stamp[p] !== t + 1) {
        stamp[p] = t + 1;
        scratch[p] = 0;
        touched[m++] = p;
      }
      scratch[p]! += weight === null ? 1 : weight[r]!;
    }
    const order = touched.subarray(0, m).sort();
    for (const p of order) {
      const c = scratch[p]!;
      actual[t]! += c;
      predicted[p]! += c;
      if (p === t) tp[t] = c;
      if (c === 0) continue;
      nonZero++;
      if (listed >= capacity) continue;
      trueCodes[listed] = t;
      predCodes[listed] = p;
      counts[listed] = c;
      listed++;
    }
  }
  return {
    trueCodes: trueCodes.slice(0, listed),
    predCodes: predCodes.slice(0, listed),
    counts: counts.slice(0, listed),
    nonZero,
    tallies: { tp, predicted, actual },
  };
}
