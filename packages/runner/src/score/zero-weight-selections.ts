import type { FoldScores } from './fold-metrics.js';
import { namedInWords } from './quoted-labels.js';
import type { ScoreColumns } from './score-columns.js';
import { selectionWeights } from './selection-weights.js';
import type { SetValues } from './whole-set-pass.js';

/**
 * Makes every value of a selection whose weights sum to 0 undefined (NaN, null in the
 * report): the whole set, a slice, a CV fold. No row counts there, so a metric has no value;
 * scikit-learn's answer for that case (MCC's 0, `zero_division`'s 0 for precision) is a
 * convention, which in a fold would enter the fold mean as if measured.
 *
 * @remarks
 * The report names each such selection once: the whole set and the slices in the warnings on
 * undefined values (see `undefinedMetricsWarning`, `undefinedSliceWarnings`), the folds in
 * the warning this returns. The metrics' own failures there are left out of the report (see
 * `isZeroWeightFailure`).
 *
 * @param columns - the job's columns
 * @param values - the whole set's and the slices' values, blanked in place
 * @param folds - the folds, their values (blanked in place) and their weights
 * @returns the warning naming the folds of weight 0, if any, and how many there are
 * @example
 * ```ts
 * const { columns } = prepareColumns({ yTrue: [0, 1, 1, 0], yPred: [0, 1, 0, 0], weight: [0, 0, 1, 1] });
 * const values = { overall: Float64Array.of(0.5), slices: [], sliceSizes: [] };
 * const folds = { list: [{ fold: 0 }, { fold: 1 }], values: [Float64Array.of(0), Float64Array.of(0.5)], weights: Float64Array.of(0, 2) };
 * blankZeroWeightSelections(columns, values, folds).warnings;
 * // ['Every weight in the test rows of fold 0 is 0, so no row counts there: its metrics have no value (null) and are left out of the fold summary.']
 * folds.values[0]; // Float64Array [NaN]
 * ```
 */
export function blankZeroWeightSelections(
  columns: ScoreColumns,
  values: SetValues,
  folds: Pick<FoldScores, 'list' | 'values' | 'weights'>,
): { warnings: string[]; folds: number } {
  const none = { warnings: [], folds: 0 };
  const weights = selectionWeights(columns);
  if (weights === null) return none;
  if (weights.total[0] === 0) values.overall.fill(Number.NaN);
  values.slices.forEach((slice, s) => {
    if (weights.total[s + 1] === 0) slice.fill(Number.NaN);
  });
  const totals = folds.weights;
  if (totals === null) return none;
  const empty: number[] = [];
  folds.list.forEach((f, i) => {
    if (totals[i] !== 0) return;
    folds.values[i]!.fill(Number.NaN);
    empty.push(f.fold);
  });
  // the whole set of weight 0 says so already: each of its folds is of weight 0 too
  if (empty.length === 0 || weights.total[0] === 0) return { warnings: [], folds: empty.length };
  const warning = `Every weight in the test rows of ${namedInWords('fold', empty)} is 0, so no row counts there: ${empty.length === 1 ? 'its' : 'their'} metrics have no value (null) and are left out of the fold summary.`;
  return { warnings: [warning], folds: empty.length };
}
