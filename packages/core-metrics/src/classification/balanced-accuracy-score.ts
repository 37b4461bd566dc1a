import type { LabelInput } from '../input/encode-labels.js';
import type { NumericInput } from '../input/numeric-column.js';
import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import { totalOf } from './accuracy-from-confusion.js';
import { checkPositiveTotal } from './accuracy-score.js';
import { checkBoolean } from './average-option.js';
import { balancedAccuracyFromConfusion } from './balanced-accuracy-from-confusion.js';
import { encodeTargets } from './encode-targets.js';

const BALANCED_ACCURACY_KEYS: OptionKeys<{ sampleWeight?: NumericInput; adjusted?: boolean }> = {
  sampleWeight: true,
  adjusted: true,
};

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
 * @throws {@link MetricInputError} `INVALID_WEIGHT` (negative weights, or all weights 0),
 *   `INVALID_OPTION` and the input errors
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
  checkOptions(options, 'balancedAccuracyScore', BALANCED_ACCURACY_KEYS);
  const adjusted = checkBoolean(options.adjusted, false, 'options.adjusted');
  const { counts, nClasses } = encodeTargets(yTrue, yPred, options.sampleWeight);
  // no class would have support, and the mean over none is NaN (scikit-learn's too)
  checkPositiveTotal(totalOf(counts), 'balancedAccuracyScore');
  return balancedAccuracyFromConfusion(counts, nClasses, { adjusted });
}
