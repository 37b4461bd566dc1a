import type { Label } from '@assay/labels';

/** A number strictly between 0 and 1: what a score or probability mostly is, a class id never. */
function isFraction(label: Label | undefined): boolean {
  return typeof label === 'number' && label > 0 && label < 1;
}

/**
 * How many rows of a label column hold a number strictly between 0 and 1, out of how many
 * rows have a label. One pass over the codes, and none when no label is such a number (the
 * common case costs a look at the distinct labels only).
 *
 * @param codes - each row's index into `labels` (negative: no label)
 * @param labels - the labels the codes index
 * @returns the rows with a fractional label, and the rows with any label
 * @example
 * ```ts
 * fractionRows(Int32Array.of(0, 1, 2, 2), [0.25, 0.9, 1]); // { fractions: 2, rows: 4 }
 * ```
 */
export function fractionRows(
  codes: Int32Array,
  labels: readonly Label[],
): { fractions: number; rows: number } {
  const fraction = Uint8Array.from(labels, (l) => (isFraction(l) ? 1 : 0));
  if (!fraction.includes(1)) return { fractions: 0, rows: codes.length };
  let fractions = 0;
  let rows = 0;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (code < 0) continue;
    rows++;
    fractions += fraction[code]!;
  }
  return { fractions, rows };
}

/**
 * Whether predicted labels look like a classifier's scores or probabilities: most rows (more
 * than half) hold a number strictly between 0 and 1, which no class id is.
 *
 * @param codes - the predicted labels' codes
 * @param labels - the labels the codes index
 * @returns the rows with such a number and the rows counted, or undefined when they look like labels
 * @example
 * ```ts
 * scoreLikePredictions(Int32Array.of(0, 1, 2), [0.25, 0.9, 1]); // { fractions: 2, rows: 3 }
 * scoreLikePredictions(Int32Array.of(0, 1, 1), [0, 1]); // undefined
 * ```
 */
export function scoreLikePredictions(
  codes: Int32Array,
  labels: readonly Label[],
): { fractions: number; rows: number } | undefined {
  const counted = fractionRows(codes, labels);
  return counted.fractions * 2 > counted.rows ? counted : undefined;
}

/**
 * What to do instead of passing scores or probabilities as predicted labels, as a sentence
 * that an error or warning about such a column ends with. Scoring does not threshold scores
 * into labels: which threshold is right is the user's call, and a default would hide it.
 *
 * @param what - the predictions column as messages name it, e.g. `Column "p" (y_pred)`
 * @param counted - from {@link scoreLikePredictions}
 * @param effect - what became of them, appended to the finding (e.g. `, and each … was scored as a class`)
 * @returns the sentences
 * @example
 * ```ts
 * scoreLikeAdvice('Column "p" (y_pred)', { fractions: 6, rows: 6 });
 * // 'Column "p" (y_pred) looks like scores or probabilities, not class labels: 6 of 6 rows hold a number strictly between 0 and 1. …'
 * ```
 */
export function scoreLikeAdvice(
  what: string,
  counted: { readonly fractions: number; readonly rows: number },
  effect = '',
): string {
  const count = (k: number) => k.toLocaleString('en-US');
  return `${what} looks like scores or probabilities, not class labels: ${count(counted.fractions)} of ${count(counted.rows)} rows hold a number strictly between 0 and 1${effect}. Pass the positive class's scores with yScore (--y-score), or one probability column per class with yProba (--y-proba), and the predicted class labels with yPred (--y-pred); scores are not thresholded into labels here.`;
}

/**
 * The warning for a classification job whose predicted labels look like scores or
 * probabilities ({@link scoreLikePredictions}) while its true labels do not: each distinct
 * score became a class of its own and nearly every row counts as wrong. A warning, not an
 * error, as for the other columns that may hold something else than the task reads: the
 * metrics are what the columns say, and `task: 'classification'` may be meant.
 *
 * @param what - the predictions column as messages name it
 * @param classes - the job's classes (sorted)
 * @param codes - the true and predicted labels' codes into `classes`
 * @returns the warning, or undefined
 * @example
 * ```ts
 * scoreLikeWarning('Column "p" (y_pred)', [0, 0.2, 0.7, 1], { yTrue: Int32Array.of(0, 3), yPred: Int32Array.of(1, 2) });
 * // 'Column "p" (y_pred) looks like scores or probabilities, … and each distinct value was scored as a class of its own. Pass …'
 * ```
 */
export function scoreLikeWarning(
  what: string,
  classes: readonly Label[],
  codes: { readonly yTrue: Int32Array; readonly yPred: Int32Array },
): string | undefined {
  const counted = scoreLikePredictions(codes.yPred, classes);
  // true labels between 0 and 1 too: a forced classification of fractions, not scores mistaken
  if (counted === undefined || scoreLikePredictions(codes.yTrue, classes) !== undefined) {
    return undefined;
  }
  return scoreLikeAdvice(
    what,
    counted,
    ', and each distinct value was scored as a class of its own',
  );
}
