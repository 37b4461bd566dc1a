import type { Label, LabelInput } from '../input/encode-labels.js';
import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import { encodeMatrixTargets } from './matrix-labels.js';

/** Two raters' labels encoded as cells of their K×K agreement (confusion) matrix. */
export interface RatingPairs {
  /** The matrix's labels in row/column order: `options.labels`, or every label sorted. */
  readonly labels: Label[];
  /** K = `labels.length`. */
  readonly nClasses: number;
  /**
   * Per row, the cell it counts in, `code(y1) · K + code(y2)` (row-major), or −1 when
   * either label is not among `labels` (the row is dropped, as scikit-learn drops it).
   */
  readonly cells: Int32Array;
}

/** Options of {@link encodeRatingPairs}. */
export interface RatingPairsOptions {
  /** Labels to keep and their order (matters for kappa weights); default all, sorted. */
  labels?: readonly Label[];
}

const RATING_PAIRS_KEYS: OptionKeys<RatingPairsOptions> = { labels: true };

/**
 * Encodes two raters' labels once, so a bootstrap can tally any resample's agreement
 * matrix by row (`counts[cells[row]] += 1`) and score it with
 * {@link cohenKappaFromConfusion} without encoding labels again.
 *
 * @remarks
 * The labels and the rows kept are those of `cohenKappaScore` (scikit-learn's
 * `confusion_matrix(y1, y2, labels=labels)`): every label sorted as `np.unique` sorts it,
 * or `options.labels` in its order; a row whose `y1` or `y2` label is not listed gets
 * cell −1. Tallying every row's cell gives the matrix `cohenKappaScore` scores.
 *
 * @param y1 - labels from the first rater (rows of the matrix)
 * @param y2 - labels from the second rater (columns), same length
 * @param options - `labels`
 * @returns the labels, K and one cell per row
 * @throws {@link MetricInputError} `UNKNOWN_LABEL` (no listed label in y1),
 *   `INVALID_OPTION` and the input errors of `cohenKappaScore`
 * @example
 * ```ts
 * import { cohenKappaFromConfusion, encodeRatingPairs } from '@assay/core-metrics';
 * const pairs = encodeRatingPairs(['a', 'b', 'b', 'c'], ['a', 'b', 'c', 'c']);
 * pairs.cells; // Int32Array [0, 4, 5, 8]
 * const counts = new Float64Array(pairs.nClasses ** 2);
 * for (const cell of pairs.cells) if (cell >= 0) counts[cell] += 1;
 * cohenKappaFromConfusion(counts, pairs.nClasses); // 0.6363636363636364
 * ```
 * @see sklearn.metrics.confusion_matrix
 */
export function encodeRatingPairs(
  y1: LabelInput,
  y2: LabelInput,
  options: RatingPairsOptions = {},
): RatingPairs {
  checkOptions(options, 'encodeRatingPairs', RATING_PAIRS_KEYS);
  const { encoded, labels, indices } = encodeMatrixTargets(y1, y2, options.labels, undefined);
  const nClasses = indices.length;
  const position = new Int32Array(encoded.nClasses).fill(-1);
  indices.forEach((classIndex, k) => {
    position[classIndex] = k;
  });
  const { trueCodes, predCodes } = encoded.codes();
  const cells = new Int32Array(trueCodes.length);
  for (let i = 0; i < cells.length; i++) {
    const a = position[trueCodes[i]!]!;
    const b = position[predCodes[i]!]!;
    cells[i] = a < 0 || b < 0 ? -1 : a * nClasses + b;
  }
  return { labels, nClasses, cells };
}
