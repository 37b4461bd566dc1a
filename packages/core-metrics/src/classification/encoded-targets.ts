import type { Label } from '../input/encode-labels.js';

/**
 * Two label columns encoded and tallied into one confusion matrix. A type-only module of
 * its own: encode-targets builds it and so does dense-targets, which encode-targets calls.
 *
 * @example
 * ```ts
 * const targets: EncodedTargets = encodeTargets(yTrue, yPred, null, undefined);
 * targets.counts; // row-major K×K
 * ```
 */
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
