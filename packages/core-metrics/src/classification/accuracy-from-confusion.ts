import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import { checkBoolean } from './average-option.js';

const NORMALIZE_KEYS: OptionKeys<{ normalize?: boolean }> = { normalize: true };

/**
 * Accuracy from a confusion matrix: the (weighted) share of rows on the diagonal.
 *
 * @remarks
 * `accuracy = trace(C) / ΣC` (or `trace(C)` with `normalize: false`). NaN when the
 * matrix is all zeros; the validated `accuracyScore` rejects that case instead.
 * `hammingLoss` uses {@link errorRateFromConfusion}; `zeroOneLoss` is `1 − accuracy`.
 *
 * @param counts - row-major K×K confusion counts
 * @param nClasses - K
 * @param options - `normalize` (default true): fraction, else the (weighted) count
 * @returns the accuracy
 * @throws {@link MetricInputError} `INVALID_OPTION` (unknown option, non-boolean normalize)
 * @example
 * ```ts
 * import { accuracyFromConfusion } from '@assay/core-metrics';
 * accuracyFromConfusion(Float64Array.of(5, 1, 2, 2), 2); // 0.7
 * ```
 * @see sklearn.metrics.accuracy_score
 */
export function accuracyFromConfusion(
  counts: Float64Array,
  nClasses: number,
  options?: { normalize?: boolean },
): number {
  // left out (as every hot caller does): nothing to check
  checkOptions(options, 'accuracyFromConfusion', NORMALIZE_KEYS);
  let trace = 0;
  for (let k = 0; k < nClasses; k++) trace += counts[k * nClasses + k]!;
  if (!checkBoolean(options?.normalize, true, 'options.normalize')) return trace;
  return trace / totalOf(counts);
}

/**
 * Error rate (share of off-diagonal rows) from a confusion matrix, summing the
 * off-diagonal cells directly so that small error rates keep full relative precision.
 *
 * @remarks `errorRate = Σ_{t≠p} C[t][p] / ΣC`, scikit-learn's `hamming_loss` for
 * single-label data. NaN for an all-zero matrix.
 *
 * @param counts - row-major K×K confusion counts
 * @param nClasses - K
 * @returns the error rate
 * @throws never
 * @example
 * ```ts
 * import { errorRateFromConfusion } from '@assay/core-metrics';
 * errorRateFromConfusion(Float64Array.of(5, 1, 2, 2), 2); // 0.3
 * ```
 * @see sklearn.metrics.hamming_loss
 */
export function errorRateFromConfusion(counts: Float64Array, nClasses: number): number {
  let wrong = 0;
  for (let t = 0; t < nClasses; t++) {
    for (let p = 0; p < nClasses; p++) if (t !== p) wrong += counts[t * nClasses + p]!;
  }
  return wrong / totalOf(counts);
}

/**
 * Sum of all cells.
 *
 * @param counts - the matrix
 * @returns ΣC
 * @example
 * ```ts
 * totalOf(Float64Array.of(2, 1, 0, 3)); // 6
 * ```
 */
export function totalOf(counts: Float64Array): number {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i]!;
  return total;
}
