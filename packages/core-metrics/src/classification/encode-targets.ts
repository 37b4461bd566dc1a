import { MetricInputError } from '../errors.js';
import { checkColumn } from '../input/check-column.js';
import { encodeLabels, type Label, type LabelInput } from '../input/encode-labels.js';
import { accumulateConfusion } from '../kernels/confusion-counts.js';
import {
  accumulateDenseLabelConfusion,
  DENSE_LABEL_LIMIT,
} from '../kernels/dense-label-confusion.js';
import { asInt32, fromDenseGrid } from './dense-targets.js';
import type { EncodedTargets } from './encoded-targets.js';
import { checkSampleWeight } from './sample-weight-option.js';

/**
 * Most labels a classification metric accepts: K² counts must stay small (128 MiB).
 *
 * @example
 * ```ts
 * MAX_CLASSES; // 4096
 * ```
 */
export const MAX_CLASSES = 4096;

/**
 * Encodes yTrue/yPred over their sorted label union plus `extraLabels` (labels requested
 * through options but absent from the data, appended after the present ones) and tallies
 * the confusion matrix.
 *
 * @param yTrue - true labels
 * @param yPred - predicted labels
 * @param sampleWeight - the `sampleWeight` option value
 * @param extraLabels - callback given the present classes, returning labels to append
 * @returns the classes, counts and shape
 * @throws {@link MetricInputError} for empty/mismatched/missing labels, non-integer numeric
 *   labels (`INVALID_LABEL`) and bad weights
 * @example
 * ```ts
 * const e = encodeTargets(['b', 'a', 'b'], ['a', 'a', 'b'], [1, 2, 1]);
 * [e.classes, e.counts, e.weighted]; // [['a', 'b'], [2, 0, 1, 1], true] (row = true label)
 * encodeTargets([0, 1], [1, 1], undefined, () => [5]).classes; // [0, 1, 5]
 * ```
 */
export function encodeTargets(
  yTrue: LabelInput,
  yPred: LabelInput,
  sampleWeight: unknown,
  extraLabels?: (present: readonly Label[]) => readonly Label[],
): EncodedTargets {
  checkColumn(yTrue, 'yTrue', 'labels');
  checkColumn(yPred, 'yPred', 'labels');
  const t = asInt32(yTrue);
  const p = asInt32(yPred);
  if (t !== null && p !== null && t.length === p.length && t.length > 0) {
    const weight = checkSampleWeight(sampleWeight, t.length);
    const grid = new Float64Array(2 * DENSE_LABEL_LIMIT * DENSE_LABEL_LIMIT);
    const seen = weight === null ? null : new Uint8Array(2 * DENSE_LABEL_LIMIT);
    if (accumulateDenseLabelConfusion(grid, seen, t, p, weight)) {
      return fromDenseGrid(grid, seen, t, p, weight, extraLabels);
    }
  }
  const { classes, codes } = encodeLabels([
    ['yTrue', yTrue],
    ['yPred', yPred],
  ]);
  const trueCodes = codes[0]!;
  const predCodes = codes[1]!;
  checkClassLabels(classes, trueCodes, predCodes);
  const weight = checkSampleWeight(sampleWeight, trueCodes.length);
  const nPresent = classes.length;
  const extra = extraLabels ? extraLabels(classes) : [];
  const all = extra.length === 0 ? classes : [...classes, ...extra];
  const nClasses = all.length;
  if (nClasses > MAX_CLASSES) {
    throw new MetricInputError(
      'TOO_MANY_CLASSES',
      `yTrue and yPred hold ${nClasses} distinct labels (${classes
        .slice(0, 5)
        .map((l) => JSON.stringify(l))
        .join(
          ', ',
        )}, ...); classification metrics tally a K×K confusion matrix and accept at most ${MAX_CLASSES} labels (continuous values or row ids are not class labels).`,
      'yTrue',
    );
  }
  const counts = new Float64Array(nClasses * nClasses);
  accumulateConfusion(counts, nClasses, trueCodes, predCodes, weight, 0, trueCodes.length);
  return {
    classes: all,
    nPresent,
    nClasses,
    counts,
    weighted: weight !== null,
    nRows: trueCodes.length,
    weight,
    codes: () => ({ trueCodes, predCodes }),
  };
}

function checkClassLabels(classes: readonly Label[], yTrue: Int32Array, yPred: Int32Array): void {
  for (let c = 0; c < classes.length; c++) {
    const label = classes[c]!;
    if (typeof label === 'number' && !Number.isInteger(label)) {
      const inTrue = yTrue.indexOf(c);
      const argument = inTrue >= 0 ? 'yTrue' : 'yPred';
      const row = inTrue >= 0 ? inTrue : yPred.indexOf(c);
      throw new MetricInputError(
        'INVALID_LABEL',
        `${argument} has ${label} at row ${row}; numeric class labels must be integers (scikit-learn treats non-integer numbers as continuous targets). Use integer codes or string labels.`,
        argument,
      );
    }
  }
}

/**
 * Copies the sub-matrix of the chosen class indices, in their order.
 *
 * @param counts - row-major K×K counts
 * @param nClasses - K
 * @param indices - class indices, in output order
 * @returns row-major counts of size `indices.length²`
 * @example
 * ```ts
 * selectConfusion(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9), 3, [2, 0]); // [9, 7, 3, 1]
 * ```
 */
export function selectConfusion(
  counts: Float64Array,
  nClasses: number,
  indices: readonly number[],
): Float64Array {
  const m = indices.length;
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) out[i * m + j] = counts[indices[i]! * nClasses + indices[j]!]!;
  }
  return out;
}
