/**
 * How the reports number folds, where a row names its fold: from 1, as the per-fold charts
 * do, which is one more than `fold` in `predictions.arrow`.
 *
 * @example
 * FOLD_NUMBERING; // 'Folds are numbered from 1, as in the per-fold charts: fold 1 is fold 0 in predictions.arrow.'
 */
export const FOLD_NUMBERING =
  'Folds are numbered from 1, as in the per-fold charts: fold 1 is fold 0 in predictions.arrow.';
