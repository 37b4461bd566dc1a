import { isArrowVector } from '@assay/labels';
import { MetricInputError } from '../errors.js';
import { checkColumn } from '../input/check-column.js';
import { encodeLabels, type Label, type LabelInput } from '../input/encode-labels.js';
import { registerScratch } from '../kernels/scratch-pool.js';

/** A label column encoded against its sorted classes. */
export interface TargetClasses {
  /** Sorted distinct labels. */
  readonly classes: Label[];
  /** Per-row index into `classes`. */
  readonly codes: Int32Array | Uint8Array;
}

type IntegerTyped = Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array;

function isIntegerTyped(values: unknown): values is IntegerTyped {
  return (
    values instanceof Int32Array ||
    values instanceof Uint8Array ||
    values instanceof Int16Array ||
    values instanceof Uint16Array ||
    values instanceof Int8Array ||
    values instanceof Uint32Array
  );
}

const DENSE_RANGE = 1 << 16;

// Codes are consumed right away by a kernel; reusing one buffer per thread avoids
// touching fresh memory on every call (page faults dominate at 10M rows).
let pooledBytes = new Uint8Array(0);
let pooledInts = new Int32Array(0);
registerScratch(() => {
  pooledBytes = new Uint8Array(0);
  pooledInts = new Int32Array(0);
});

/**
 * Encodes a target column to class codes.
 *
 * @remarks
 * Integer typed arrays with a value range up to 65,536 take a branch-free
 * counting path: min/max, a presence table, then one pass writing Uint8 codes
 * (at most two classes) or Int32 codes into a per-thread buffer that is reused
 * by the next call — callers consume the codes before encoding again.
 * Everything else goes through {@link encodeLabels}.
 *
 * @param yTrue - the labels
 * @param argument - name for messages
 * @param classLabels - refuse non-integer numeric labels (continuous targets), as
 *   scikit-learn's score metrics do; false for the calibration functions, which take them
 * @returns sorted classes and per-row codes (valid until the next call)
 * @throws {@link MetricInputError} as {@link encodeLabels}; `INVALID_LABEL` naming the first
 *   row holding a non-integer number (with `classLabels`)
 * @example
 * ```ts
 * encodeTarget(['b', 'a', 'b']); // { classes: ['a', 'b'], codes: Int32Array [1, 0, 1] }
 * encodeTarget(Int32Array.of(5, 9, 5)); // { classes: [5, 9], codes: Uint8Array [0, 1, 0] }
 * try { encodeTarget([0, 0.5, 1]); } catch (error) {
 *   error.message; // 'yTrue has 0.5 at row 1, which is not a class label: …'
 * }
 * ```
 */
export function encodeTarget(
  yTrue: LabelInput,
  argument = 'yTrue',
  classLabels = true,
): TargetClasses {
  checkColumn(yTrue, argument, 'labels');
  if (isIntegerTyped(yTrue) && yTrue.length > 0) {
    // integers throughout: no continuous value to refuse
    const encoded = encodeDenseIntegers(yTrue);
    if (encoded !== null) return encoded;
  }
  let target: TargetClasses | null = null;
  if ((yTrue instanceof Float64Array || yTrue instanceof Float32Array) && yTrue.length > 0) {
    target = encodeBinaryFloats(yTrue);
  }
  if (target === null) {
    const { classes, codes } = encodeLabels([[argument, yTrue]]);
    target = { classes, codes: codes[0]! };
  }
  if (classLabels) checkClassLabels(target, argument);
  return target;
}

/**
 * Refuses numeric classes that are not integers: scikit-learn's `type_of_target` calls such
 * a column `'continuous'` and its score metrics raise "continuous format is not supported".
 * Read as classes, `[0.9, 0.1, 0.9, 0.1]` (scores passed as labels) would score as two
 * classes without a word. O(K) over the sorted classes; the row is looked for only to name it.
 */
function checkClassLabels(target: TargetClasses, argument: string): void {
  const { classes, codes } = target;
  let continuous = false;
  let unitRange = true;
  for (const label of classes) {
    if (typeof label !== 'number') return;
    if (!Number.isInteger(label)) continuous = true;
    if (!(label >= 0 && label <= 1)) unitRange = false;
  }
  if (!continuous) return;
  let row = 0;
  while (Number.isInteger(classes[codes[row]!])) row++;
  const value = classes[codes[row]!];
  const hint = unitRange
    ? `${argument} looks like scores in [0, 1]: did you swap yTrue and the scores? The class labels come first.`
    : 'For real-valued targets use a regression metric (e.g. meanAbsoluteError).';
  throw new MetricInputError(
    'INVALID_LABEL',
    `${argument} has ${value} at row ${row}, which is not a class label: ${argument} holds class labels (integers such as 0 and 1, 1.0 included, or strings), and continuous values are not supported (scikit-learn: "continuous format is not supported"). ${hint}`,
    argument,
  );
}

/** Float label columns holding at most two distinct values (NaN falls through to the checked path). */
function encodeBinaryFloats(y: Float64Array | Float32Array): TargetClasses | null {
  const n = y.length;
  let lo = y[0]!;
  let hi = lo;
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (Number.isNaN(lo) || Number.isNaN(hi)) return null;
  let matched = 0;
  for (let i = 0; i < n; i++) matched += +(y[i] === lo || y[i] === hi);
  if (matched !== n) return null;
  if (pooledBytes.length < n) pooledBytes = new Uint8Array(n);
  const codes = pooledBytes.subarray(0, n);
  if (lo === hi) {
    codes.fill(0);
    return { classes: [lo + 0], codes };
  }
  for (let i = 0; i < n; i++) codes[i] = +(y[i] === hi);
  // -0 is the label 0 (`+ 0` turns -0 into 0), as every other encoding path reports it
  return { classes: [lo + 0, hi + 0], codes };
}

function encodeDenseIntegers(y: IntegerTyped): TargetClasses | null {
  const n = y.length;
  let lo = y[0]!;
  let hi = lo;
  // Comparisons, not Math.min/max: on int32 values these measured about half
  // the time at 10M rows (the branches are predictable after the first rows).
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const range = hi - lo + 1;
  if (range > DENSE_RANGE) return null;
  if (range === 2) {
    // Both values occur (they are the min and the max): no presence pass needed.
    if (pooledBytes.length < n) pooledBytes = new Uint8Array(n);
    const codes = pooledBytes.subarray(0, n);
    // Every value is lo or lo + 1, so the difference is the code.
    for (let i = 0; i < n; i++) codes[i] = y[i]! - lo;
    return { classes: [lo, hi], codes };
  }
  const table = new Int32Array(range);
  for (let i = 0; i < n; i++) table[y[i]! - lo] = 1;
  const classes: number[] = [];
  for (let v = 0; v < range; v++) {
    if (table[v] === 1) {
      table[v] = classes.length;
      classes.push(v + lo);
    }
  }
  if (classes.length <= 2) {
    if (pooledBytes.length < n) pooledBytes = new Uint8Array(n);
    const codes = pooledBytes.subarray(0, n);
    const positive = classes[classes.length - 1]!;
    if (classes.length === 1) codes.fill(0);
    else for (let i = 0; i < n; i++) codes[i] = +(y[i] === positive);
    return { classes, codes };
  }
  if (pooledInts.length < n) pooledInts = new Int32Array(n);
  const codes = pooledInts.subarray(0, n);
  for (let i = 0; i < n; i++) codes[i] = table[y[i]! - lo]!;
  return { classes, codes };
}

/**
 * Encodes `yTrue` against an explicit, user-given label list (scikit-learn's
 * `labels=`), or against its own classes when `labels` is absent.
 *
 * @param yTrue - the labels
 * @param labels - all classes, or null/undefined to use those present in `yTrue`
 * @param requireOrdered - reject a `labels` list that is not sorted and unique
 *   (scikit-learn's rule for `roc_auc_score` and `top_k_accuracy_score`)
 * @param classLabels - refuse non-integer numeric `yTrue` labels, as {@link encodeTarget}
 * @returns classes (sorted) and codes into them
 * @throws {@link MetricInputError} `UNKNOWN_LABEL` (a `yTrue` label missing from
 *   `labels`, naming it), `INVALID_OPTION` (`labels` not unique or not sorted)
 * @example
 * ```ts
 * encodeTargetWithLabels(['b', 'a'], ['a', 'b', 'c'], true); // { classes: ['a', 'b', 'c'], codes: [1, 0] }
 * try { encodeTargetWithLabels(['b', 'a'], ['b', 'a'], true); } catch (error) {
 *   error.message; // 'options.labels is not sorted; pass the labels in sorted order (["a","b"]), …'
 * }
 * ```
 */
export function encodeTargetWithLabels(
  yTrue: LabelInput,
  labels: LabelInput | null | undefined,
  requireOrdered: boolean,
  classLabels = true,
): TargetClasses {
  const own = encodeTarget(yTrue, 'yTrue', classLabels);
  if (labels === null || labels === undefined) return own;
  const given = encodeLabels([['options.labels', labels]]);
  const listed = isArrowVector(labels) ? given.classes : Array.from(labels as ArrayLike<Label>);
  if (given.classes.length !== listed.length) {
    throw new MetricInputError(
      'INVALID_OPTION',
      `options.labels has repeated labels; each label must appear once.`,
      'options.labels',
    );
  }
  if (requireOrdered && listed.some((label, i) => label !== given.classes[i])) {
    throw new MetricInputError(
      'INVALID_OPTION',
      `options.labels is not sorted; pass the labels in sorted order (${JSON.stringify(given.classes)}), the column order of the score matrix.`,
      'options.labels',
    );
  }
  const index = new Map<Label, number>();
  given.classes.forEach((label, i) => {
    index.set(label, i);
  });
  const remap = own.classes.map((label) => {
    const at = index.get(label);
    if (at === undefined) {
      throw new MetricInputError(
        'UNKNOWN_LABEL',
        `yTrue contains the label ${JSON.stringify(label)}, which is not in options.labels (${JSON.stringify(given.classes)}); every yTrue label must be listed.`,
        'yTrue',
      );
    }
    return at;
  });
  const codes = new Int32Array(own.codes.length);
  for (let i = 0; i < codes.length; i++) codes[i] = remap[own.codes[i]!]!;
  return { classes: given.classes, codes };
}
