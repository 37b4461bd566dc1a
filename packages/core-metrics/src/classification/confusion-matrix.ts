import type { Label, LabelInput } from '../input/encode-labels.js';
import type { NumericInput } from '../input/numeric-column.js';
import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import { checkChoice } from './average-option.js';
import { selectConfusion } from './encode-targets.js';
import { encodeMatrixTargets } from './matrix-labels.js';

/** How {@link confusionMatrix} normalizes: over true rows, predicted columns or everything. */
export type ConfusionNormalize = 'true' | 'pred' | 'all';

/** Options of {@link confusionMatrix}. */
export interface ConfusionMatrixOptions {
  /**
   * Labels indexing the rows/columns, in order (default: all labels, sorted). Rows whose
   * true or predicted label is not listed are dropped; at least one must occur in yTrue.
   */
  labels?: readonly Label[];
  /** Non-negative weight per row (default: 1 each). */
  sampleWeight?: NumericInput;
  /** Normalization (default none: raw counts). */
  normalize?: ConfusionNormalize | null;
}

const CONFUSION_MATRIX_KEYS: OptionKeys<ConfusionMatrixOptions> = {
  labels: true,
  sampleWeight: true,
  normalize: true,
};

/**
 * Confusion matrix: `C[i][j]` = (weighted) number of rows with true label `labels[i]`
 * predicted as `labels[j]`.
 *
 * @remarks
 * `normalize: 'true'` divides each row by its sum, `'pred'` each column by its sum,
 * `'all'` by the total; 0/0 cells become 0, as in scikit-learn.
 *
 * @param yTrue - true labels (array, typed array or Arrow vector of integers or strings)
 * @param yPred - predicted labels, same length
 * @param options - `labels`, `sampleWeight`, `normalize`
 * @returns the K×K matrix as nested arrays, rows = true labels
 * @throws {@link MetricInputError} `UNKNOWN_LABEL` (no listed label in yTrue),
 *   `INVALID_OPTION` and the input errors
 * @example
 * ```ts
 * import { confusionMatrix } from '@assay/core-metrics';
 * confusionMatrix(['a', 'b', 'b'], ['a', 'a', 'b']); // [[1, 0], [1, 1]]
 * ```
 * @see sklearn.metrics.confusion_matrix
 */
export function confusionMatrix(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: ConfusionMatrixOptions = {},
): number[][] {
  checkOptions(options, 'confusionMatrix', CONFUSION_MATRIX_KEYS);
  const normalize = checkChoice<ConfusionNormalize | null>(
    options.normalize,
    ['true', 'pred', 'all', null],
    null,
    'options.normalize',
  );
  const { encoded, indices } = encodeMatrixTargets(
    yTrue,
    yPred,
    options.labels,
    options.sampleWeight,
  );
  const m = indices.length;
  const cells =
    m === encoded.nClasses && indices.every((c, i) => c === i)
      ? encoded.counts
      : selectConfusion(encoded.counts, encoded.nClasses, indices);
  const rowSum = new Float64Array(m);
  const colSum = new Float64Array(m);
  let total = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      const c = cells[i * m + j]!;
      rowSum[i]! += c;
      colSum[j]! += c;
      total += c;
    }
  }
  const out: number[][] = [];
  for (let i = 0; i < m; i++) {
    const row: number[] = new Array(m);
    for (let j = 0; j < m; j++) {
      const c = cells[i * m + j]!;
      const d =
        normalize === 'true'
          ? rowSum[i]!
          : normalize === 'pred'
            ? colSum[j]!
            : normalize === 'all'
              ? total
              : 1;
      const v = c / d;
      row[j] = Number.isNaN(v) ? 0 : v;
    }
    out.push(row);
  }
  return out;
}
