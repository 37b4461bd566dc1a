import { MetricInputError } from '../errors.js';
import { isArrowVector } from '../input/arrow-vector.js';
import { encodeLabels, type Label, type LabelInput } from '../input/encode-labels.js';
import { type NumericInput, toFloat64Column } from '../input/numeric-column.js';
import { accumulateConfusion } from '../kernels/confusion-counts.js';
import {
  accumulateDenseLabelConfusion,
  DENSE_LABEL_LIMIT,
} from '../kernels/dense-label-confusion.js';
import { showValue } from './average-option.js';

/** Two label columns encoded and tallied into one confusion matrix. */
export interface EncodedTargets {
  /** Present labels (sorted) followed by any requested labels absent from the data. */
  readonly classes: Label[];
  /** How many of `classes` occur in yTrue or yPred (the leading, sorted ones). */
  readonly nPresent: number;
  /** K = `classes.length`. */
  readonly nClasses: number;
  /** Row-major K×K counts, row = true class. */
  readonly counts: Float64Array;
  /** Whether `sampleWeight` was given (scikit-learn then reports float supports). */
  readonly weighted: boolean;
  /** Number of rows. */
  readonly nRows: number;
  /** Validated weights, or null. */
  readonly weight: Float64Array | null;
  /**
   * Each row's class codes, computed on first use (the Int32 fast path never needs them;
   * they alias the inputs when the labels already are the codes `0..K-1`).
   */
  codes(): { readonly trueCodes: Int32Array; readonly predCodes: Int32Array };
}

/**
 * Validates `options.sampleWeight`: finite, non-negative, one per row.
 *
 * @param sampleWeight - the option value
 * @param nRows - expected length
 * @returns the weights as a Float64Array, or null when not given
 * @throws {@link MetricInputError} `LENGTH_MISMATCH`, `EMPTY_INPUT`, `MISSING_VALUE`,
 *   `NON_FINITE_VALUE` or `INVALID_WEIGHT` (negative), naming the row
 */
export function checkSampleWeight(sampleWeight: unknown, nRows: number): Float64Array | null {
  if (sampleWeight === undefined || sampleWeight === null) return null;
  const argument = 'options.sampleWeight';
  if (
    typeof sampleWeight !== 'object' ||
    typeof (sampleWeight as ArrayLike<unknown>).length !== 'number'
  ) {
    throw new MetricInputError(
      'INVALID_OPTION',
      `${argument} is ${showValue(sampleWeight)}; it must be an array, typed array or Arrow vector of one non-negative weight per row.`,
      argument,
    );
  }
  const weights = toFloat64Column(sampleWeight as NumericInput, argument);
  if (weights.length !== nRows) {
    throw new MetricInputError(
      'LENGTH_MISMATCH',
      `${argument} has ${weights.length} values but yTrue has ${nRows}; give one weight per row.`,
      argument,
    );
  }
  for (let i = 0; i < weights.length; i++) {
    if (weights[i]! < 0) {
      throw new MetricInputError(
        'INVALID_WEIGHT',
        `${argument} has the negative weight ${weights[i]} at row ${i}; sample weights must be >= 0.`,
        argument,
      );
    }
  }
  return weights;
}

function kindOf(classes: readonly Label[]): 'number' | 'string' {
  return typeof classes[0] === 'string' ? 'string' : 'number';
}

/**
 * Checks a label given in an option (`labels[i]`, `posLabel`) has the data's kind.
 *
 * @param value - the option value
 * @param kind - the kind of the data's labels
 * @param argument - name for messages
 * @returns the label
 * @throws {@link MetricInputError} `INVALID_OPTION`
 */
export function checkOptionLabel(
  value: unknown,
  kind: 'number' | 'string',
  argument: string,
): Label {
  if (
    kind === 'string'
      ? typeof value === 'string'
      : typeof value === 'number' && Number.isInteger(value)
  ) {
    return value as Label;
  }
  throw new MetricInputError(
    'INVALID_OPTION',
    `${argument} is ${showValue(value)}; the labels in yTrue/yPred are ${kind === 'string' ? 'strings' : 'integers'}, so it must be ${kind === 'string' ? 'a string' : 'an integer'}.`,
    argument,
  );
}

/**
 * Validates a `labels` option: a non-empty array of distinct labels of the data's kind.
 *
 * @param labels - the option value
 * @param kind - the kind of the data's labels
 * @returns the labels
 * @throws {@link MetricInputError} `INVALID_OPTION`
 */
export function checkLabelsOption(labels: unknown, kind: 'number' | 'string'): Label[] {
  const argument = 'options.labels';
  if (!Array.isArray(labels) && !ArrayBuffer.isView(labels)) {
    throw new MetricInputError(
      'INVALID_OPTION',
      `${argument} is ${showValue(labels)}; it must be an array of labels.`,
      argument,
    );
  }
  const list = Array.from(labels as ArrayLike<unknown>);
  if (list.length === 0) {
    throw new MetricInputError(
      'INVALID_OPTION',
      `${argument} is empty; give at least one label, or omit it to use every label.`,
      argument,
    );
  }
  const seen = new Set<Label>();
  return list.map((value, i) => {
    const label = checkOptionLabel(value, kind, `${argument}[${i}]`);
    if (seen.has(label)) {
      throw new MetricInputError(
        'INVALID_OPTION',
        `${argument} lists ${JSON.stringify(label)} twice (again at index ${i}); each label may appear once.`,
        argument,
      );
    }
    seen.add(label);
    return label;
  });
}

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
 */
export function encodeTargets(
  yTrue: LabelInput,
  yPred: LabelInput,
  sampleWeight: unknown,
  extraLabels?: (present: readonly Label[]) => readonly Label[],
): EncodedTargets {
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

function asInt32(values: LabelInput): Int32Array | null {
  if (values instanceof Int32Array) return values;
  if (isArrowVector(values) && values.nullCount === 0) {
    const array = values.toArray();
    if (array instanceof Int32Array) return array;
  }
  return null;
}

function fromDenseGrid(
  grid: Float64Array,
  seen: Uint8Array | null,
  yTrue: Int32Array,
  yPred: Int32Array,
  weight: Float64Array | null,
  extraLabels: ((present: readonly Label[]) => readonly Label[]) | undefined,
): EncodedTargets {
  const L = DENSE_LABEL_LIMIT;
  for (let c = 0; c < L * L; c++) grid[c]! += grid[L * L + c]!;
  const classes: number[] = [];
  for (let v = 0; v < L; v++) {
    let present = seen !== null && (seen[v] === 1 || seen[L + v] === 1);
    for (let k = 0; k < L && !present; k++) present = grid[v * L + k]! > 0 || grid[k * L + v]! > 0;
    if (present) classes.push(v);
  }
  const nPresent = classes.length;
  const extra = extraLabels ? extraLabels(classes) : [];
  const all: Label[] = extra.length === 0 ? classes : [...classes, ...extra];
  const nClasses = all.length;
  const counts = new Float64Array(nClasses * nClasses);
  for (let i = 0; i < nPresent; i++) {
    for (let j = 0; j < nPresent; j++) {
      counts[i * nClasses + j] = grid[classes[i]! * L + classes[j]!]!;
    }
  }
  let cached: { trueCodes: Int32Array; predCodes: Int32Array } | undefined;
  const codes = () => {
    if (cached !== undefined) return cached;
    if (classes.every((c, i) => c === i)) {
      cached = { trueCodes: yTrue, predCodes: yPred };
    } else {
      const lookup = new Int32Array(L);
      classes.forEach((c, i) => {
        lookup[c] = i;
      });
      cached = {
        trueCodes: yTrue.map((v) => lookup[v]!),
        predCodes: yPred.map((v) => lookup[v]!),
      };
    }
    return cached;
  };
  return {
    classes: all,
    nPresent,
    nClasses,
    counts,
    weighted: weight !== null,
    nRows: yTrue.length,
    weight,
    codes,
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
 * The kind of the encoded labels.
 *
 * @param classes - sorted present labels (non-empty)
 * @returns `'string'` or `'number'`
 */
export function labelKind(classes: readonly Label[]): 'number' | 'string' {
  return kindOf(classes);
}

/**
 * Copies the sub-matrix of the chosen class indices, in their order.
 *
 * @param counts - row-major K×K counts
 * @param nClasses - K
 * @param indices - class indices, in output order
 * @returns row-major counts of size `indices.length²`
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
