import { checkColumn } from '../input/check-column.js';
import type { Label, LabelInput } from '../input/encode-labels.js';
import type { NumericInput } from '../input/numeric-column.js';
import { registerScratch } from '../kernels/scratch-pool.js';

/** Inputs of the common binary case, checked in one pass. */
export interface FastBinaryInputs {
  /** 1 for rows of the positive (greater) label, else 0. */
  readonly isPositive: Uint8Array;
  /** The scores, all finite. */
  readonly scores: Float64Array;
  /** The least score. */
  readonly min: number;
  /** The greatest score. */
  readonly max: number;
}

// Codes are consumed by the kernel right away; one buffer per thread, reused
// (touching fresh memory is a large share of the cost at 10M rows).
let pooledCodes = new Uint8Array(0);
registerScratch(() => {
  pooledCodes = new Uint8Array(0);
});

// Set by the label passes (no allocation per call): rows of the greater label,
// and the smallest / largest score seen (NaN when one is NaN).
let positives = 0;
let least = 0;
let greatest = 0;

type NumericTyped =
  | Int32Array
  | Uint32Array
  | Int16Array
  | Uint16Array
  | Int8Array
  | Uint8Array
  | Float64Array
  | Float32Array;

function isNumericTyped(values: unknown): values is NumericTyped {
  return (
    values instanceof Int32Array ||
    values instanceof Uint8Array ||
    values instanceof Float64Array ||
    values instanceof Float32Array ||
    values instanceof Int16Array ||
    values instanceof Uint16Array ||
    values instanceof Int8Array ||
    values instanceof Uint32Array
  );
}

/**
 * The unweighted binary inputs of `rocAucScore` and `averagePrecisionScore`
 * in their common shape, or null when the checked path must run.
 *
 * @remarks
 * Takes a `Float64Array` of scores (used in place, no copy) and `yTrue` as a
 * numeric typed array or a plain array of numbers holding exactly two values:
 * `{0, 1}` is tried first, then (typed arrays) the array's own min and max, when both are
 * integers.
 * The positive class is the greater label, which must equal `positiveLabel`
 * when one is given. One pass writes the 0/1 codes, counts the positives,
 * checks that every label is one of the two, and finds the scores' extremes,
 * whose finiteness stands for every score's (NaN propagates through
 * `Math.min`, ±Infinity would be an extreme). Anything else (a third label,
 * one class only, a non-finite score, lengths that differ, strings, booleans,
 * Arrow vectors, scores in another container) returns null, so the checked
 * path reports it exactly as before; when this returns inputs, the checked
 * path would have accepted them and built the same ones.
 *
 * @param yTrue - the labels
 * @param yScore - the scores
 * @param positiveLabel - the label that must be the positive (greater) one, or
 *   undefined when the greater label is positive by definition
 * @returns the checked inputs, or null
 * @example
 * ```ts
 * fastBinaryInputs(Int32Array.of(2, 5, 5), Float64Array.of(0.2, 0.7, 0.4), undefined);
 * // { isPositive: [0, 1, 1], scores: [0.2, 0.7, 0.4], min: 0.2, max: 0.7 }
 * fastBinaryInputs(Int32Array.of(2, 5, 5), Float64Array.of(0.2, 0.7, 0.4), 2); // null (2 is not the greater label)
 * fastBinaryInputs([0, 1, 1], [0.2, 0.7, 0.4], undefined); // null (scores not a Float64Array)
 * ```
 */
export function fastBinaryInputs(
  yTrue: LabelInput,
  yScore: NumericInput,
  positiveLabel: Label | undefined,
): FastBinaryInputs | null {
  checkColumn(yTrue, 'yTrue', 'labels');
  const n = yTrue.length;
  if (!(yScore instanceof Float64Array) || n === 0 || yScore.length !== n) return null;
  const typed = isNumericTyped(yTrue);
  if (!typed && !Array.isArray(yTrue)) return null;
  if (pooledCodes.length < n) pooledCodes = new Uint8Array(n);
  const codes = pooledCodes.subarray(0, n);
  let hi = 1;
  let ok = typed
    ? typedPass(yTrue, yScore, codes, 0, 1)
    : arrayPass(yTrue as ArrayLike<unknown>, yScore, codes, 0, 1);
  if (!ok && typed) {
    const [lo, top] = typedExtremes(yTrue);
    hi = top;
    // non-integer labels are continuous targets: the checked path refuses them
    ok = hi > lo && Number.isInteger(lo) && Number.isInteger(hi);
    ok &&= typedPass(yTrue, yScore, codes, lo, hi);
  }
  if (!ok || positives === 0 || positives === n) return null;
  if (positiveLabel !== undefined && positiveLabel !== hi) return null;
  if (least - least !== 0 || greatest - greatest !== 0) return null;
  return { isPositive: codes, scores: yScore, min: least, max: greatest };
}

function typedExtremes(y: NumericTyped): [number, number] {
  let lo = y[0]!;
  let hi = lo;
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return [lo, hi];
}

/** Codes of a typed label array known to hold values in [lo, hi]; false on a value between. */
function typedPass(
  y: NumericTyped,
  scores: Float64Array,
  codes: Uint8Array,
  lo: number,
  hi: number,
): boolean {
  let count = 0;
  let stray = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < codes.length; i++) {
    const c = y[i]!;
    const v = scores[i]!;
    const one = +(c === hi);
    stray |= +(c !== lo) & (1 - one);
    codes[i] = one;
    count += one;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  positives = count;
  least = min;
  greatest = max;
  return stray === 0;
}

/**
 * As {@link typedPass} for a plain array, whose entries may be anything: a copy of the loop,
 * not a shared one, so that each stays monomorphic (one element kind per loop) in V8.
 */
function arrayPass(
  y: ArrayLike<unknown>,
  scores: Float64Array,
  codes: Uint8Array,
  lo: number,
  hi: number,
): boolean {
  let count = 0;
  let stray = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < codes.length; i++) {
    const c = y[i];
    const v = scores[i]!;
    const one = +(c === hi);
    stray |= +(c !== lo) & (1 - one);
    codes[i] = one;
    count += one;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  positives = count;
  least = min;
  greatest = max;
  return stray === 0;
}
