import { RunnerError } from '../errors.js';
import { RowValueError } from '../score/missing-values.js';
import { dataRow } from '../score/numeric-checks.js';
import { quotedLabels } from '../score/quoted-labels.js';
import type { ScoreColumns } from '../score/score-columns.js';
import { TOP_K_ACCURACY_K } from './probabilistic-metrics.js';
import { metricSpec } from './registry.js';

/** numpy's `allclose(1, s)` tolerance, which scikit-learn uses for probability rows. */
function closeToOne(sum: number): boolean {
  return Math.abs(sum - 1) <= 1e-8 + 1e-5;
}

/** The first row whose class probabilities do not sum to 1, or -1. */
function firstBadRow(columns: ScoreColumns): { row: number; sum: number } | null {
  const proba = columns.yProba;
  if (proba === null) return null;
  const k = columns.classes.length;
  for (let i = 0; i < columns.n; i++) {
    let sum = 0;
    for (let c = 0; c < k; c++) sum += proba[i * k + c]!;
    if (!closeToOne(sum)) return { row: i, sum };
  }
  return null;
}

function checkBrierRange(columns: ScoreColumns, keptRows: Uint32Array | undefined): void {
  const scores = columns.yScore;
  if (scores === null) return;
  for (let i = 0; i < scores.length; i++) {
    const v = scores[i]!;
    if (v < 0 || v > 1) {
      // a RowValueError: the caller names the row's line in the file, as the readers do
      throw new RowValueError(
        'INVALID_PROBABILITY',
        `brier_score needs probabilities in [0, 1], but y_score is ${v}`,
        dataRow(i, keptRows) - 1,
        'yScore',
        `scikit-learn's brier_score_loss refuses it too ("y_prob contains values ${v > 1 ? 'greater than 1' : 'less than 0'}"). Pass probabilities, or leave brier_score out.`,
      );
    }
  }
}

/**
 * Checks the scores and probabilities a job's metrics read, as scikit-learn does:
 * `brier_score` refuses a score outside [0, 1] and one-vs-rest/one-vs-one ROC AUC refuses
 * probability rows that do not sum to 1 (as 1.2 does); `log_loss` rescales such rows, as
 * 1.2 does silently, and warns about them, as 1.3 and later do.
 *
 * @param columns - the job's prepared columns
 * @param names - the registry names of the job's metrics
 * @param keptRows - the input rows `dropMissing` kept, so that a message names the input's row
 * @returns the warnings for `report.warnings`
 * @throws {@link RunnerError} `INVALID_PROBABILITY` naming the row and value
 * @example
 * const { columns } = prepareColumns({ yTrue: [0, 1], yPred: [0, 1], yScore: [0.2, 1.5] });
 * checkScoreInputs(columns, ['roc_auc']); // []: a ranking reads any score
 * try {
 *   checkScoreInputs(columns, ['brier_score']);
 * } catch (error) {
 *   error.message; // 'brier_score needs probabilities in [0, 1], but y_score is 1.5 at data row 2; …'
 * }
 */
export function checkScoreInputs(
  columns: ScoreColumns,
  names: readonly string[],
  keptRows?: Uint32Array,
): string[] {
  const canonical = names.map((n) => metricSpec(n)?.name ?? n);
  refuseWeightedOneVsOne(columns, canonical);
  const absent = [...absentClassWarning(columns, canonical), ...topKWarning(columns, canonical)];
  if (canonical.includes('brier_score')) checkBrierRange(columns, keptRows);
  const ovr = canonical.filter((n) => /^roc_auc_ov[ro]/.test(n));
  const logLoss = canonical.includes('log_loss');
  if (ovr.length === 0 && !logLoss) return absent;
  const bad = firstBadRow(columns);
  if (bad === null) return absent;
  const where = `the class probabilities of data row ${dataRow(bad.row, keptRows)} sum to ${bad.sum}`;
  if (ovr.length > 0) {
    throw new RowValueError(
      'INVALID_PROBABILITY',
      `${ovr[0]} needs probabilities, but the class probabilities sum to ${bad.sum}, not 1,`,
      dataRow(bad.row, keptRows) - 1,
      'yProba',
      `scikit-learn's roc_auc_score refuses them too ("Target scores need to be probabilities for multiclass roc_auc"). Pass normalized probabilities.`,
    );
  }
  return [
    ...absent,
    `log_loss: ${where}, not 1 (and maybe others); like scikit-learn, each row is rescaled to sum to 1 (scikit-learn 1.3 and later warn, and refuse such rows from 1.5).`,
  ];
}

/**
 * One-vs-rest / one-vs-one ROC AUC over classes of which some never occur in y_true (only
 * predicted, or a column of `yProba`): the runner averages over the classes that occur (so
 * that folds without a class still have a value); say where scikit-learn differs.
 *
 * @remarks scikit-learn 1.2's `roc_auc_score` without `labels` raises for every multiclass
 * form ("Number of classes in y_true not equal to the number of columns in 'y_score'"). With
 * `labels`, one-vs-rest raises on the absent class's all-negative column ("Only one class
 * present in y_true ..."), while one-vs-one averages over the pairs of classes present in
 * y_true: the runner's value, so no warning for it.
 */
function absentClassWarning(columns: ScoreColumns, canonical: readonly string[]): string[] {
  const labelsGiven = columns.labelSet !== undefined;
  const differ = canonical.filter((n) =>
    (labelsGiven ? /^roc_auc_ovr/ : /^roc_auc_ov[ro]/).test(n),
  );
  if (differ.length === 0 || columns.yProba === null) return [];
  const seen = new Uint8Array(columns.classes.length);
  for (let i = 0; i < columns.yTrue.length; i++) {
    const c = columns.yTrue[i]!;
    if (c >= 0) seen[c] = 1;
  }
  const absent = columns.classes.filter((_, c) => seen[c] === 0);
  if (absent.length === 0) return [];
  const raises = labelsGiven
    ? `roc_auc_score(labels=...) raises here: "Only one class present in y_true. ROC AUC score is not defined in that case."; its one-vs-one forms average over the classes present, as here`
    : `roc_auc_score raises here: "Number of classes in y_true not equal to the number of columns in 'y_score'"`;
  return [
    `${differ.join(', ')}: class(es) ${quotedLabels(absent)} never occur in y_true, so the average is over the ${columns.classes.length - absent.length} classes that do (scikit-learn's ${raises}).`,
  ];
}

/** scikit-learn refuses `sample_weight` for one-vs-one ROC AUC; the weights were ignored here. */
function refuseWeightedOneVsOne(columns: ScoreColumns, canonical: readonly string[]): void {
  const ovo = canonical.filter((n) => /^roc_auc_ovo/.test(n));
  if (ovo.length === 0 || columns.weight === null) return;
  throw new RunnerError(
    'INVALID_OPTION',
    `${ovo.join(', ')} cannot take weights: scikit-learn refuses them too ("sample_weight is not supported for multiclass one-vs-one ROC AUC, 'sample_weight' must be None in this case."). Drop --weight, or use roc_auc_ovr / roc_auc_ovr_weighted, which weigh the rows.`,
    { path: 'weight' },
  );
}

/** `top_k_accuracy` with k (2) at least the class count is 1 whatever the scores: scikit-learn warns. */
function topKWarning(columns: ScoreColumns, canonical: readonly string[]): string[] {
  if (!canonical.includes('top_k_accuracy') || columns.classes.length > TOP_K_ACCURACY_K) return [];
  return [
    `top_k_accuracy: k (${TOP_K_ACCURACY_K}) is at least the number of classes (${columns.classes.length}), so every row counts as right and the score is 1 whatever the predictions (scikit-learn warns too).`,
  ];
}
