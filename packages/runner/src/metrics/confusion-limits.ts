import type { ScoreColumns } from '../score/score-columns.js';

/**
 * The most classes whose K×K confusion matrix a report holds (dense, in
 * `confusionMatrix`) and whose confusion metrics are computed from K×K counts.
 * Above it the metrics are computed from per-class tallies (true positives,
 * predicted and true counts: 3·K numbers per selection), and the report gives
 * the non-zero cells of the matrix as `[true, predicted, count]` triples in
 * `sparseConfusionMatrix`, with a note in `warnings`.
 *
 * @remarks
 * 1 000 classes make a matrix of 10⁶ cells, 8 MB per copy in counting; 10 000
 * classes would make 800 MB per copy, one per fold, slice and worker.
 * @example
 * ```ts
 * import { CONFUSION_MATRIX_CLASS_LIMIT } from '@assay/runner';
 * CONFUSION_MATRIX_CLASS_LIMIT; // 1000
 * ```
 */
export const CONFUSION_MATRIX_CLASS_LIMIT = 1000;

/**
 * The most non-zero cells a report lists in `sparseConfusionMatrix`; above it
 * the matrix is left out (with a note), as its triples alone would outgrow
 * what a JSON report can hold.
 *
 * @example
 * ```ts
 * import { SPARSE_CONFUSION_MAX_CELLS } from '@assay/runner';
 * SPARSE_CONFUSION_MAX_CELLS; // 1000000
 * ```
 */
export const SPARSE_CONFUSION_MAX_CELLS = 1_000_000;

/**
 * The most K×K cells, summed over its tables (whole set, slices, folds), that
 * one confusion counting pass may count; every worker holds one such table set.
 * A pass above it is not run: its selections' confusion metrics are computed
 * from their rows on the pool instead (the same values).
 */
export const CONFUSION_PASS_MAX_CELLS = 1 << 24;

/**
 * The class count confusion metrics see: the `labels` option's width, else K.
 *
 * @param columns - the job's columns
 * @returns the width of the confusion matrix
 */
export function confusionWidth(columns: ScoreColumns): number {
  return columns.labelSet?.width ?? columns.classes.length;
}

/**
 * Whether the job's confusion metrics are computed from per-class tallies
 * (more classes than {@link CONFUSION_MATRIX_CLASS_LIMIT}) instead of K×K counts.
 *
 * @param columns - the job's columns
 * @returns true above the limit
 */
export function countsByTallies(columns: ScoreColumns): boolean {
  return (
    columns.task === 'classification' && confusionWidth(columns) > CONFUSION_MATRIX_CLASS_LIMIT
  );
}

/**
 * Whether a confusion counting pass of `tables` K×K tables fits the limits:
 * never above the class limit, and at most {@link CONFUSION_PASS_MAX_CELLS} cells.
 *
 * @param columns - the job's columns
 * @param tables - the pass's tables (1 for the whole set, plus one per slice or fold)
 * @returns true when the pass may run
 */
export function fitsCountingPass(columns: ScoreColumns, tables: number): boolean {
  const k = columns.classes.length;
  return !countsByTallies(columns) && k * k * tables <= CONFUSION_PASS_MAX_CELLS;
}
