import { MetricInputError } from '../errors.js';
import type { Label, LabelInput } from '../input/encode-labels.js';
import { encodeTargets } from './encode-targets.js';
import type { EncodedTargets } from './encoded-targets.js';
import { checkLabelsOption, labelKind } from './label-options.js';

/** A confusion matrix restricted to, and ordered by, the chosen labels. */
export interface MatrixTargets {
  readonly encoded: EncodedTargets;
  /** The labels of the rows/columns, in order. */
  readonly labels: Label[];
  /** Their class indices in `encoded`. */
  readonly indices: number[];
}

/**
 * Encodes targets for a matrix metric (`confusionMatrix`, `cohenKappaScore`) and
 * resolves its `labels` option as scikit-learn's `confusion_matrix` does: rows whose
 * true or predicted label is not listed are dropped, and at least one listed label
 * must occur in yTrue.
 *
 * @param yTrue - true labels
 * @param yPred - predicted labels
 * @param labelsOption - the `labels` option value
 * @param sampleWeight - the `sampleWeight` option value
 * @returns the encoded targets and the chosen labels with their class indices
 * @throws {@link MetricInputError} `UNKNOWN_LABEL` when no listed label occurs in yTrue,
 *   `INVALID_OPTION`, and the input errors
 * @example
 * ```ts
 * const m = encodeMatrixTargets(['a', 'b', 'c'], ['a', 'c', 'c'], ['c', 'a', 'z'], undefined);
 * [m.labels, m.indices, m.encoded.classes]; // [['c', 'a', 'z'], [2, 0, 3], ['a', 'b', 'c', 'z']]
 * ```
 */
export function encodeMatrixTargets(
  yTrue: LabelInput,
  yPred: LabelInput,
  labelsOption: unknown,
  sampleWeight: unknown,
): MatrixTargets {
  let labels: Label[] | undefined;
  const encoded = encodeTargets(yTrue, yPred, sampleWeight, (present) => {
    if (labelsOption === undefined) return [];
    labels = checkLabelsOption(labelsOption, labelKind(present));
    const known = new Set(present);
    return labels.filter((l) => !known.has(l));
  });
  if (labels === undefined) {
    return {
      encoded,
      labels: encoded.classes,
      indices: encoded.classes.map((_, i) => i),
    };
  }
  const index = new Map<Label, number>();
  encoded.classes.forEach((label, i) => {
    index.set(label, i);
  });
  const indices = labels.map((l) => index.get(l)!);
  const inTrue = new Uint8Array(encoded.nClasses);
  const codes = encoded.codes().trueCodes;
  for (let i = 0; i < codes.length; i++) inTrue[codes[i]!] = 1;
  if (!indices.some((c) => inTrue[c] === 1)) {
    throw new MetricInputError(
      'UNKNOWN_LABEL',
      `options.labels (${labels.map((l) => JSON.stringify(l)).join(', ')}) has no label that occurs in yTrue; at least one must, e.g. one of ${encoded.classes
        .filter((_, c) => inTrue[c] === 1)
        .slice(0, 10)
        .map((l) => JSON.stringify(l))
        .join(', ')}.`,
      'options.labels',
    );
  }
  return { encoded, labels, indices };
}
