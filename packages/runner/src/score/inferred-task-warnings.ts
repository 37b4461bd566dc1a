import type { Label } from '@assay/labels';

/**
 * Inferred classification with more whole-number classes than this is called out: counts,
 * ratings or amounts in whole units read as labels (a count from 100 to 300 became 150
 * classes and an accuracy near 0, without a word).
 */
export const MANY_INTEGER_CLASSES = 20;

/** Rows looked at, evenly spaced, to judge how far wrong predictions are from the truth. */
const SAMPLE_ROWS = 100_000;

/** Fewer wrong predictions than this say nothing about how far off they fall. */
const MIN_WRONG = 30;

/**
 * How the wrong predictions fall (sampled): their share of the rows, and the share of them
 * within 5% of the classes of the true one, counted in class ranks (so an outlier code such as
 * 999 for "unknown" does not widen the window). Quantities predicted a few units off: most
 * rows wrong, nearly all near; a classifier's confusions: fewer wrong, spread over the classes.
 */
function nearMisses(
  nClasses: number,
  yTrue: Int32Array,
  yPred: Int32Array,
  n: number,
): { wrong: number; errorRate: number; nearShare: number } {
  const close = Math.max(1, Math.floor(0.05 * nClasses));
  const step = Math.max(1, Math.floor(n / SAMPLE_ROWS));
  let seen = 0;
  let wrong = 0;
  let near = 0;
  for (let i = 0; i < n; i += step) {
    const t = yTrue[i]!;
    const p = yPred[i]!;
    if (t < 0 || p < 0) continue;
    seen++;
    if (t === p) continue;
    wrong++;
    // codes are ranks: the classes are sorted
    if (Math.abs(t - p) <= close) near++;
  }
  return {
    wrong,
    errorRate: seen === 0 ? 0 : wrong / seen,
    nearShare: wrong === 0 ? 0 : near / wrong,
  };
}

/**
 * The warning for a classification task the runner inferred where the columns may hold
 * something else: a class per row (text to score as generation, or numbers to compare by
 * size), or more than {@link MANY_INTEGER_CLASSES} whole-number classes, without scores,
 * where at least 30 and half of the (sampled) predictions are wrong and half of those fall
 * among the nearest 5% of the classes of the true one (quantities predicted a few units off;
 * a classifier's confusions are fewer or land anywhere).
 *
 * @param classes - the classes found (sorted)
 * @param codes - the true and predicted class codes
 * @param n - the rows scored
 * @param scoresGiven - whether `yScore` or `yProba` came with the labels (a classifier's)
 * @returns the warning, or undefined when the columns look like class labels
 * @example
 * ```ts
 * const values = Array.from({ length: 150 }, (_, i) => 100 + i);
 * const yTrue = Int32Array.from({ length: 300 }, (_, i) => i % 150);
 * const yPred = yTrue.map((c) => Math.min(149, c + 1)); // every prediction one class off
 * inferredClassificationWarning(values, { yTrue, yPred }, 300, false);
 * // 'Scored as classification (the task was inferred) with 150 classes: …'
 * ```
 */
export function inferredClassificationWarning(
  classes: readonly Label[],
  codes: { readonly yTrue: Int32Array; readonly yPred: Int32Array },
  n: number,
  scoresGiven: boolean,
): string | undefined {
  // two classes in two rows are a binary target, not a sign of free text
  if (n >= 2 && classes.length > 2 && classes.length >= n) {
    return `Scored as classification (the task was inferred) with ${classes.length} classes for ${n} rows: every row is a class of its own. If the columns hold generated text and references, pass --task generation; if numbers to compare by size, --task regression.`;
  }
  if (scoresGiven || classes.length <= MANY_INTEGER_CLASSES) return undefined;
  if (!classes.every((c) => typeof c === 'number')) return undefined;
  const values = classes as readonly number[];
  const { wrong, errorRate, nearShare } = nearMisses(values.length, codes.yTrue, codes.yPred, n);
  if (wrong < MIN_WRONG || errorRate < 0.5 || nearShare < 0.5) return undefined;
  return `Scored as classification (the task was inferred) with ${classes.length} classes: the true and predicted values are whole numbers from ${values[0]} to ${values.at(-1)}, ${Math.round(errorRate * 100)}% of the predictions are wrong, and ${Math.round(nearShare * 100)}% of those are within the nearest 5% of the classes of the true value, yet each counts as wrong as one off by the whole range. If they are quantities (counts, ratings, amounts) to compare by size, pass --task regression; pass --task classification to keep these classes without this warning.`;
}
