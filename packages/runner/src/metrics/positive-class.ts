import type { Label } from '@assay/core-metrics';
import { RunnerError } from '../errors.js';
import type { ScoreColumns } from '../score/score-columns.js';

/** Two-label sets whose positive class scikit-learn knows without `pos_label`: the 1. */
function standardPair(values: readonly Label[]): boolean {
  const set = new Set(values);
  return [...set].every((v) => v === 0 || v === 1) || [...set].every((v) => v === -1 || v === 1);
}

/**
 * The class index that a metric of one positive class (binary precision, recall, F1,
 * Jaccard; ROC AUC, average precision, log loss, Brier score on scores) treats as
 * positive: `posLabel` when given, else `1` of labels in {0, 1} or {-1, 1} (booleans
 * read as 0 and 1).
 *
 * @param columns - the job's columns
 * @param metric - the metric asking, for the error
 * @param candidates - the class indices the positive is chosen among (the two given
 *   `labels`, or the job's classes)
 * @returns the positive class index
 * @throws {@link RunnerError} `INVALID_OPTION` (path `posLabel`) when the labels are
 *   anything else and no `posLabel` was given, listing them
 * @remarks
 * scikit-learn refuses to guess here (`pos_label=1 is not a valid label`, "y_true takes
 * value in {...} and pos_label is not specified"); taking the greater label instead would
 * score `legit` as the positive class of `fraud`/`legit` and report the complement of
 * the intended ROC AUC without a word.
 */
export function positiveClass(
  columns: ScoreColumns,
  metric: string,
  candidates: readonly number[],
): number {
  if (columns.positive !== undefined) return columns.positive;
  const values = candidates.map((i) => columns.classes[i]).filter((v) => v !== undefined);
  if (standardPair(values)) {
    const one = candidates.find((i) => columns.classes[i] === 1);
    return one ?? candidates[candidates.length - 1]!;
  }
  const listed = values.map((v) => JSON.stringify(v)).join(', ');
  // every label offered alike: the first one named as the example read as a recommendation
  // (`--pos-label 1` for labels 1 and 2)
  const choices = values.map((v) => `--pos-label ${shellWord(String(v))}`).join(' or ');
  // "0" and "1" of a string column (Arrow, Parquet) stay text, so they are no standard pair
  const looksStandard = standardPair(
    values.map((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v)),
  );
  const text = looksStandard
    ? ' These labels are text, not numbers: a string column of an Arrow or Parquet file keeps its labels as text, as pandas reads it, and scikit-learn needs pos_label for them too.'
    : '';
  throw new RunnerError(
    'INVALID_OPTION',
    `Metric ${metric} needs a positive class, but the labels are ${listed}; name the positive one with posLabel (--pos-label): ${choices}, as scikit-learn's pos_label. Labels in {0, 1} or {-1, 1} need none.${text}`,
    { path: 'posLabel' },
  );
}

/** A label as one word of a command line: quoted when it holds more than letters, digits and `._+-`. */
function shellWord(text: string): string {
  return /^[\w.+-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

/**
 * The class indices the positive class is chosen among: the two labels of a two-label
 * `labels` option that occur in the data, else every class of a job with at most two;
 * null for more classes (multiclass metrics name no positive class).
 *
 * @param columns - the job's columns
 * @returns the candidate class indices, or null
 */
export function positiveCandidates(columns: ScoreColumns): number[] | null {
  const { labelSet, classes } = columns;
  if (labelSet !== undefined && labelSet.positive >= 0) {
    return labelSet.indices.filter((i) => i < classes.length);
  }
  return classes.length <= 2 ? classes.map((_, i) => i) : null;
}
