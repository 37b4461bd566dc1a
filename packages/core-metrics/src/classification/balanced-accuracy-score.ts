import type { LabelInput } from '../input/encode-labels.js';
import type { NumericInput } from '../input/numeric-column.js';
import { checkBoolean } from './average-option.js';
import { balancedAccuracyFromConfusion } from './balanced-accuracy-from-confusion.js';
import { encodeTargets } from './encode-targets.js';

/**
 * Balanced accuracy: the mean recall over classes, robust to class imbalance.
 *
 * @remarks
 * `BA = (1/n) Σ_k C[k][k] / Σ_p C[k][p]` over the n classes that occur in yTrue (classes
 * only predicted are left out, with a warning); `adjusted` rescales so that chance is 0:
 * `(BA − 1/n) / (1 − 1/n)`. See {@link balancedAccuracyFromConfusion}.
 *
 * @param yTrue - true labels
 * @param yPred - predicted labels, same length
 * @param options - `sampleWeight`, `adjusted` (false)
 * @returns the balanced accuracy
 * @throws {@link MetricInputError} `INVALID_OPTION` and the input errors
 * @example
 * ```ts
 * import { balancedAccuracyScore } from '@assay/core-metrics';
 * balancedAccuracyScore([0, 1, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1]); // 0.625
 * ```
 * @see sklearn.metrics.balanced_accuracy_score
 */
export function balancedAccuracyScore(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: { sampleWeight?: NumericInput; adjusted?: boolean } = {},
): number {
  const adjusted = checkBoolean(options.adjusted, false, 'options.adjusted');
  const { counts, nClasses } = encodeTargets(yTrue, yPred, options.sampleWeight);
  return balancedAccuracyFromConfusion(counts, nClasses, { adjusted });
}
