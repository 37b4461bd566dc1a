import type { LabelInput } from '../input/encode-labels.js';
import { checkOptions } from '../input/option-keys.js';
import { accuracyFromConfusion, totalOf } from './accuracy-from-confusion.js';
import { ACCURACY_KEYS, type AccuracyOptions, checkPositiveTotal } from './accuracy-score.js';
import { checkBoolean } from './average-option.js';
import { encodeTargets } from './encode-targets.js';

/**
 * Zero-one loss: the (weighted) share, or count, of misclassified rows.
 *
 * @remarks
 * `1 − accuracy` (scikit-learn computes it exactly so); with `normalize: false`,
 * `Σ wᵢ − Σ wᵢ·[yᵢ = ŷᵢ]`.
 *
 * @param yTrue - true labels
 * @param yPred - predicted labels, same length
 * @param options - `normalize` (true), `sampleWeight`
 * @returns the loss (lower is better)
 * @throws {@link MetricInputError} `INVALID_WEIGHT`, `INVALID_OPTION` and the input errors
 * @example
 * ```ts
 * import { zeroOneLoss } from '@assay/core-metrics';
 * zeroOneLoss([1, 2, 3, 4], [2, 2, 3, 4]); // 0.25
 * ```
 * @see sklearn.metrics.zero_one_loss
 */
export function zeroOneLoss(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: AccuracyOptions = {},
): number {
  checkOptions(options, 'zeroOneLoss', ACCURACY_KEYS);
  const normalize = checkBoolean(options.normalize, true, 'options.normalize');
  const { counts, nClasses } = encodeTargets(yTrue, yPred, options.sampleWeight);
  const total = totalOf(counts);
  if (normalize) {
    checkPositiveTotal(total, 'zeroOneLoss');
    return 1 - accuracyFromConfusion(counts, nClasses);
  }
  return total - accuracyFromConfusion(counts, nClasses, { normalize: false });
}
