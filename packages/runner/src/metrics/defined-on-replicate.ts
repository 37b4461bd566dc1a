import type { ScoreColumns } from '../score/score-columns.js';
import type { RowsMetric } from './metric-spec.js';
import { binaryScores } from './score-inputs.js';

/*
 * When a bootstrap replicate has no value of a metric. scikit-learn answers a zero
 * denominator with a convention (0, or 0 and 1), which the whole set's value keeps; a
 * replicate scored by such a convention is no draw of the metric and would stretch the
 * interval to it, so these tests make the replicate NaN, left out of the interval.
 */

/** How many classes occur as a true label and as a predicted one, each counted up to 2. */
function classesOnEachSide(counts: Float64Array, k: number): { truth: number; predicted: number } {
  let truth = 0;
  let predicted = 0;
  for (let c = 0; c < k && (truth < 2 || predicted < 2); c++) {
    let row = 0;
    let column = 0;
    for (let j = 0; j < k; j++) {
      row += counts[c * k + j]!;
      column += counts[j * k + c]!;
    }
    if (row > 0) truth++;
    if (column > 0) predicted++;
  }
  return { truth, predicted };
}

/**
 * Whether both the true and the predicted labels of a count matrix hold two classes or more:
 * otherwise MCC's denominator is 0 (scikit-learn returns 0), and Cohen's kappa is 0 whatever
 * the answers, or 0/0 where both sides hold the same one class.
 *
 * @param counts - row-major K×K counts (row = true class)
 * @param k - K
 * @returns false on a single class on either side
 * @example
 * bothSidesVary(Float64Array.of(2, 0, 0, 3), 2); // true
 * bothSidesVary(Float64Array.of(0, 0, 0, 5), 2); // false: one true and one predicted class
 */
export function bothSidesVary(counts: Float64Array, k: number): boolean {
  const { truth, predicted } = classesOnEachSide(counts, k);
  return truth >= 2 && predicted >= 2;
}

/**
 * Whether the true labels of a count matrix hold two classes or more: adjusted balanced
 * accuracy rescales by `1 − 1/classes`, which one class makes 0 (scikit-learn gives −inf).
 *
 * @param counts - row-major K×K counts (row = true class)
 * @param k - K
 * @returns false on a single true class
 * @example
 * truthVaries(Float64Array.of(0, 2, 0, 3), 2); // true
 * truthVaries(Float64Array.of(0, 0, 2, 3), 2); // false
 */
export function truthVaries(counts: Float64Array, k: number): boolean {
  return classesOnEachSide(counts, k).truth >= 2;
}

/**
 * The replicate test of a metric of one score column that needs a positive row, as average
 * precision does (scikit-learn scores rows without one 0): a drawn positive row of positive
 * weight.
 *
 * @param metric - the metric asking, for the error of a non-binary target
 * @returns the test
 * @example
 * const { columns } = prepareColumns({ yTrue: [0, 1, 0], yPred: [0, 1, 1], yScore: [0.2, 0.9, 0.6] });
 * const test = drawsPositive('average_precision');
 * test(columns, Uint32Array.of(0, 1, 1)); // true
 * test(columns, Uint32Array.of(0, 2, 2)); // false: no positive row drawn
 */
export function drawsPositive(metric: string): NonNullable<RowsMetric['definedOn']> {
  return (columns, rows) => {
    const { isPositive } = binaryScores(columns, metric);
    const { weight } = columns;
    const m = rows === null ? columns.n : rows.length;
    for (let i = 0; i < m; i++) {
      const r = rows === null ? i : rows[i]!;
      if (isPositive[r] === 1 && (weight === null || weight[r]! > 0)) return true;
    }
    return false;
  };
}

/**
 * Whether the true values of the rows (of positive weight) are not all equal: R² and explained
 * variance divide by their variance, and scikit-learn's `force_finite` scores a constant truth
 * 1 or 0.
 *
 * @param columns - the job's columns (regression)
 * @param rows - the drawn rows (may repeat), or null for every row
 * @returns false when every true value drawn is the same
 * @example
 * const { columns } = prepareColumns({ yTrue: [1.5, 2.5, 1.5], yPred: [1, 2, 2] }, { task: 'regression' });
 * trueValuesVary(columns, Uint32Array.of(0, 1)); // true
 * trueValuesVary(columns, Uint32Array.of(0, 2, 2)); // false
 */
export function trueValuesVary(columns: ScoreColumns, rows: Uint32Array | null): boolean {
  const values = columns.yTrueValues!;
  const { weight } = columns;
  const m = rows === null ? columns.n : rows.length;
  let first: number | undefined;
  for (let i = 0; i < m; i++) {
    const r = rows === null ? i : rows[i]!;
    if (weight !== null && !(weight[r]! > 0)) continue;
    const v = values[r]!;
    if (first === undefined) first = v;
    else if (v !== first) return true;
  }
  return false;
}
