import type { Folding } from './build-folds.js';
import type { ScoreColumns } from './score-columns.js';

/** Folds named in the warning before "and N more". */
const LISTED_FOLDS = 10;

/**
 * The warning for one-vs-rest / one-vs-one ROC AUC on folds whose y_true lacks a class that
 * the whole set has: the runner averages over the classes the fold has, where scikit-learn
 * raises (and `cross_val_score` would record nan). A class absent from the whole set is
 * warned about once, for the whole set, elsewhere.
 *
 * @param columns - the job's columns
 * @param foldings - the folds, with per-row ids (a folding without ids is skipped)
 * @param names - the job's metric names
 * @returns the warning, or none
 * @example
 * ```ts
 * const yProba = [[0.7, 0.2, 0.1, 0.5], [0.2, 0.6, 0.5, 0.3], [0.1, 0.2, 0.4, 0.2]]; // one column per class
 * const { columns } = prepareColumns({ yTrue: ['a', 'b', 'c', 'a'], yPred: ['a', 'b', 'b', 'a'], yProba });
 * const foldings = buildFolds({ kind: 'kfold', k: 2, shuffle: false }, columns, 0, 'kfold:2');
 * foldClassWarnings(columns, foldings, ['roc_auc_ovr']);
 * // ['roc_auc_ovr: on 2 of 2 folds (0, 1) a class of y_true is missing, …']
 * ```
 */
export function foldClassWarnings(
  columns: ScoreColumns,
  foldings: readonly Folding[],
  names: readonly string[],
): string[] {
  const ovr = names.filter((n) => /^roc_auc_ov[ro]/.test(n));
  if (ovr.length === 0 || columns.yProba === null) return [];
  const k = columns.classes.length;
  const whole = new Uint8Array(k);
  for (let i = 0; i < columns.n; i++) if (columns.yTrue[i]! >= 0) whole[columns.yTrue[i]!] = 1;
  const needed = whole.reduce((s, v) => s + v, 0);
  const short: number[] = [];
  let folds = 0;
  for (const folding of foldings) {
    if (folding.ids.length !== columns.n) continue;
    const count = folding.splits.length;
    folds += count;
    const seen = new Uint8Array(count * k);
    for (let i = 0; i < columns.n; i++) {
      const f = folding.ids[i]! - folding.offset;
      const c = columns.yTrue[i]!;
      if (f >= 0 && c >= 0) seen[f * k + c] = 1;
    }
    for (let f = 0; f < count; f++) {
      let present = 0;
      for (let c = 0; c < k; c++) present += seen[f * k + c]!;
      if (present < needed && folding.splits[f]!.nTest > 0) short.push(folding.offset + f);
    }
  }
  if (short.length === 0) return [];
  const listed =
    short.length <= LISTED_FOLDS
      ? short.join(', ')
      : `${short.slice(0, LISTED_FOLDS).join(', ')}, ... and ${short.length - LISTED_FOLDS} more`;
  return [
    `${ovr.join(', ')}: on ${short.length} of ${folds} folds (${listed}) a class of y_true is missing, so those folds average over the classes they have (scikit-learn raises there, and cross_val_score would record nan); a stratified --cv keeps every class in every fold.`,
  ];
}
