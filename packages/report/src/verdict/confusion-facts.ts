import type { ModelResult } from '../results/run-results-schema.js';

/** The most frequent wrong answer of one true label. */
export interface LargestError {
  /** the true label */
  truth: string;
  /** the label answered instead; null for an answer that named no label (unparseable) */
  answer: string | null;
  /** how many items of `truth` got `answer` */
  count: number;
  /** how many items have the label `truth` */
  of: number;
}

/** What a model's confusion matrix says, in the terms the verdict uses. */
export interface ConfusionFacts {
  /** the task labels, in matrix order (without the `unparseable` column) */
  labels: string[];
  /** items per true label */
  rowTotals: number[];
  /** answers per task label (unparseable answers name none) */
  answered: number[];
  /** all items in the matrix */
  total: number;
  /** mean over the labels with items of the share answered correctly; null when empty */
  balancedAccuracy: number | null;
  /** the largest off-diagonal cell, unparseable answers included; null when there is none */
  largestError: LargestError | null;
}

/**
 * Reads the facts the verdict needs from a model's confusion matrix (rows: true labels;
 * columns: the task labels, then `unparseable`).
 *
 * @param confusion - the model's `confusion` from `results.json`
 * @returns the facts, or null when the model has no confusion matrix
 * @remarks `balancedAccuracy` is scikit-learn's `balanced_accuracy_score`: the mean of
 *   the per-label recalls over the labels that have items, an unparseable answer
 *   counting as a miss.
 * @example
 * confusionFacts({ labels: ['spam', 'ham', 'unparseable'], matrix: [[9, 1, 0], [2, 8, 0]] })?.balancedAccuracy; // 0.85
 */
export function confusionFacts(confusion: ModelResult['confusion']): ConfusionFacts | null {
  if (confusion === null) return null;
  const labels = confusion.labels.slice(0, confusion.matrix.length);
  const rowTotals = confusion.matrix.map((row) => row.reduce((a, b) => a + b, 0));
  const answered = labels.map((_, j) => confusion.matrix.reduce((a, row) => a + (row[j] ?? 0), 0));
  const recalls = confusion.matrix.flatMap((row, i) =>
    rowTotals[i]! > 0 ? [(row[i] ?? 0) / rowTotals[i]!] : [],
  );
  let largestError: LargestError | null = null;
  confusion.matrix.forEach((row, i) => {
    row.forEach((count, j) => {
      if (i === j || count === 0 || (largestError !== null && count <= largestError.count)) return;
      largestError = {
        truth: labels[i]!,
        // the column after the task labels holds the unparseable answers
        answer: j < labels.length ? labels[j]! : null,
        count,
        of: rowTotals[i]!,
      };
    });
  });
  return {
    labels,
    rowTotals,
    answered,
    total: rowTotals.reduce((a, b) => a + b, 0),
    balancedAccuracy:
      recalls.length === 0 ? null : recalls.reduce((a, b) => a + b, 0) / recalls.length,
    largestError,
  };
}
