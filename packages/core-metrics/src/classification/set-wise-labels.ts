import { MetricInputError } from '../errors.js';
import type { Label, LabelInput } from '../input/encode-labels.js';
import type { NumericInput } from '../input/numeric-column.js';
import type { OptionKeys } from '../input/option-keys.js';
import {
  type Average,
  checkAverage,
  checkZeroDivision,
  showValue,
  type ZeroDivision,
} from './average-option.js';
import { encodeTargets } from './encode-targets.js';
import type { EncodedTargets } from './encoded-targets.js';
import { checkLabelsOption, labelKind } from './label-options.js';

/** Options shared by precision, recall, F-scores and Jaccard. */
export interface SetWiseOptions {
  /**
   * Averaging over labels (default `'binary'`, except `precisionRecallFscoreSupport`:
   * null); null returns one score per label in `labels` order.
   */
  average?: Average | null;
  /**
   * Labels to score and their order (default: every label in yTrue ∪ yPred, sorted).
   * May include labels absent from the data (scored from zero counts). Ignored with
   * `average: 'binary'` on binary data, as in scikit-learn.
   */
  labels?: readonly Label[];
  /** The positive label for `average: 'binary'` (default 1). */
  posLabel?: Label;
  /** Non-negative weight per row (default: 1 each). */
  sampleWeight?: NumericInput;
  /** Value for 0/0 ratios (default `'warn'`: 0 and a warning). */
  zeroDivision?: ZeroDivision;
}

/**
 * The option names of the set-wise metrics (precision, recall, F1, Jaccard).
 *
 * @example
 * ```ts
 * Object.keys(SET_WISE_KEYS); // ['average', 'labels', 'posLabel', 'sampleWeight', 'zeroDivision']
 * ```
 */
export const SET_WISE_KEYS: OptionKeys<SetWiseOptions> = {
  average: true,
  labels: true,
  posLabel: true,
  sampleWeight: true,
  zeroDivision: true,
};

/** Validated set-wise inputs: the confusion matrix and class-index options. */
export interface PreparedSetWise {
  readonly encoded: EncodedTargets;
  readonly average: Average | null;
  readonly zeroDivision: ZeroDivision;
  /** Class indices of `options.labels`, or undefined for all present labels. */
  readonly labels: number[] | undefined;
  /** Class index of `posLabel` for `'binary'` (1 otherwise, unused). */
  readonly posLabel: number;
}

function list(labels: readonly Label[]): string {
  return labels.map((l) => JSON.stringify(l)).join(', ');
}

/**
 * Validates options and encodes targets for a set-wise metric, following
 * scikit-learn's `_check_set_wise_labels`.
 *
 * @param yTrue - true labels
 * @param yPred - predicted labels
 * @param options - the metric's options
 * @param defaultAverage - the metric's default `average`
 * @returns the confusion matrix and class-index options
 * @throws {@link MetricInputError} `MULTICLASS_WITH_BINARY_AVERAGE` (listing the labels
 *   found), `UNKNOWN_POS_LABEL` (listing the labels), `INVALID_OPTION`, and every input error
 * @example
 * ```ts
 * const p = prepareSetWise(['x', 'y', 'y'], ['y', 'y', 'x'], { posLabel: 'x' }, 'binary');
 * [p.encoded.classes, p.average, p.zeroDivision, p.posLabel]; // [['x', 'y'], 'binary', 'warn', 0]
 * prepareSetWise([0, 1, 2], [0, 2, 2], { average: null, labels: [2, 7] }, 'binary').labels; // [2, 3] (7 appended)
 * ```
 */
export function prepareSetWise(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: SetWiseOptions,
  defaultAverage: Average | null,
): PreparedSetWise {
  const average = checkAverage(options.average, defaultAverage);
  const zeroDivision = checkZeroDivision(options.zeroDivision);
  const posLabel: unknown = options.posLabel ?? 1;
  if (
    typeof posLabel !== 'string' &&
    !(typeof posLabel === 'number' && Number.isInteger(posLabel))
  ) {
    throw new MetricInputError(
      'INVALID_OPTION',
      `options.posLabel is ${showValue(posLabel)}; it must be an integer or a string label.`,
      'options.posLabel',
    );
  }
  let labels: Label[] | undefined;
  const encoded = encodeTargets(yTrue, yPred, options.sampleWeight, (present) => {
    const kind = labelKind(present);
    if (average === 'binary') {
      if (present.length > 2) {
        throw new MetricInputError(
          'MULTICLASS_WITH_BINARY_AVERAGE',
          `options.average is 'binary' but yTrue and yPred hold ${present.length} labels (${list(present)}); 'binary' needs at most two. Choose average 'micro', 'macro', 'weighted' or null (one score per label).`,
          'options.average',
        );
      }
      if (present.includes(posLabel)) return [];
      if (present.length >= 2) {
        throw new MetricInputError(
          'UNKNOWN_POS_LABEL',
          `options.posLabel is ${JSON.stringify(posLabel)} but the labels in yTrue and yPred are ${list(present)}; set posLabel to one of them.`,
          'options.posLabel',
        );
      }
      // One present class: scikit-learn scores posLabel from zero counts, even when it is
      // of another kind than the data (the default 1 on string labels), so no error here.
      return [posLabel];
    }
    if (options.labels === undefined) return [];
    labels = checkLabelsOption(options.labels, kind);
    const known = new Set(present);
    return labels.filter((l) => !known.has(l));
  });
  const index = new Map<Label, number>();
  encoded.classes.forEach((label, i) => {
    index.set(label, i);
  });
  return {
    encoded,
    average,
    zeroDivision,
    labels: labels?.map((l) => index.get(l)!),
    posLabel: average === 'binary' ? index.get(posLabel)! : 1,
  };
}
