import type { LabelInput } from '../input/encode-labels.js';
import type { NumericInput } from '../input/numeric-column.js';
import { checkOptions } from '../input/option-keys.js';
import { encodeTargets } from './encode-targets.js';
import { matthewsCorrcoefFromConfusion } from './matthews-corrcoef-from-confusion.js';
import { SAMPLE_WEIGHT_KEYS } from './sample-weight-option.js';

/**
 * Matthews correlation coefficient (phi coefficient; multiclass R_K statistic).
 *
 * @remarks
 * `(c·s − t·p) / √((s² − p·p)(s² − t·t))` over the confusion matrix's trace c, total s,
 * row sums t and column sums p; 0 when undefined. See {@link matthewsCorrcoefFromConfusion}.
 *
 * @param yTrue - true labels
 * @param yPred - predicted labels, same length
 * @param options - `sampleWeight`
 * @returns the coefficient in [−1, 1]
 * @throws {@link MetricInputError} the input errors
 * @example
 * ```ts
 * import { matthewsCorrcoef } from '@assay/core-metrics';
 * matthewsCorrcoef([1, 1, 1, 0], [1, 0, 1, 1]); // -0.3333333333333333 (-1/3)
 * ```
 * @see sklearn.metrics.matthews_corrcoef
 */
export function matthewsCorrcoef(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: { sampleWeight?: NumericInput } = {},
): number {
  checkOptions(options, 'matthewsCorrcoef', SAMPLE_WEIGHT_KEYS);
  const { counts, nClasses } = encodeTargets(yTrue, yPred, options.sampleWeight);
  return matthewsCorrcoefFromConfusion(counts, nClasses);
}
