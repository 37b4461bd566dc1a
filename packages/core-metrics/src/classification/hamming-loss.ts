import type { LabelInput } from '../input/encode-labels.js';
import type { NumericInput } from '../input/numeric-column.js';
import { checkOptions } from '../input/option-keys.js';
import { errorRateFromConfusion, totalOf } from './accuracy-from-confusion.js';
import { checkPositiveTotal } from './accuracy-score.js';
import { encodeTargets } from './encode-targets.js';
import { SAMPLE_WEIGHT_KEYS } from './sample-weight-option.js';

/**
 * Hamming loss: the (weighted) share of wrong labels; for single-label data, the error rate.
 *
 * @remarks
 * `Σ wᵢ·[yᵢ ≠ ŷᵢ] / Σ wᵢ` ({@link errorRateFromConfusion}), i.e. `1 − accuracy`.
 *
 * @param yTrue - true labels
 * @param yPred - predicted labels, same length
 * @param options - `sampleWeight`
 * @returns the loss in [0, 1] (lower is better)
 * @throws {@link MetricInputError} `INVALID_WEIGHT` (negative, or all zero) and the input errors
 * @example
 * ```ts
 * import { hammingLoss } from '@assay/core-metrics';
 * hammingLoss([1, 2, 3, 4], [2, 2, 3, 4]); // 0.25
 * ```
 * @see sklearn.metrics.hamming_loss
 */
export function hammingLoss(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: { sampleWeight?: NumericInput } = {},
): number {
  checkOptions(options, 'hammingLoss', SAMPLE_WEIGHT_KEYS);
  const { counts, nClasses } = encodeTargets(yTrue, yPred, options.sampleWeight);
  checkPositiveTotal(totalOf(counts), 'hammingLoss');
  return errorRateFromConfusion(counts, nClasses);
}
