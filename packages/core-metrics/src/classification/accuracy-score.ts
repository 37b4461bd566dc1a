import { MetricInputError } from '../errors.js';
import type { LabelInput } from '../input/encode-labels.js';
import type { NumericInput } from '../input/numeric-column.js';
import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import { accuracyFromConfusion, totalOf } from './accuracy-from-confusion.js';
import { checkBoolean } from './average-option.js';
import { encodeTargets } from './encode-targets.js';

/** Options of {@link accuracyScore} and {@link zeroOneLoss}. */
export interface AccuracyOptions {
  /** true (default): a fraction; false: the (weighted) count of rows. */
  normalize?: boolean;
  /** Non-negative weight per row (default: 1 each). */
  sampleWeight?: NumericInput;
}

/**
 * The option names of {@link accuracyScore} and {@link zeroOneLoss}.
 *
 * @example
 * ```ts
 * ACCURACY_KEYS; // { normalize: true, sampleWeight: true }
 * ```
 */
export const ACCURACY_KEYS: OptionKeys<AccuracyOptions> = { normalize: true, sampleWeight: true };

/**
 * Throws when normalizing by a total weight of zero (scikit-learn raises
 * `ZeroDivisionError: Weights sum to zero`).
 *
 * @param total - the total weight
 * @param metric - the metric name
 * @throws {@link MetricInputError} `INVALID_WEIGHT`
 * @example
 * ```ts
 * checkPositiveTotal(2, 'f1Score'); // undefined
 * try { checkPositiveTotal(0, 'accuracyScore'); } catch (error) {
 *   error.message; // 'options.sampleWeight sums to 0, so accuracyScore … or use normalize: false.'
 * }
 * ```
 */
export function checkPositiveTotal(total: number, metric: string): void {
  if (total === 0) {
    throw new MetricInputError(
      'INVALID_WEIGHT',
      `options.sampleWeight sums to 0, so ${metric} (a weighted mean over rows) is undefined; give at least one positive weight${metric === 'accuracyScore' || metric === 'zeroOneLoss' ? ' or use normalize: false' : ''}.`,
      'options.sampleWeight',
    );
  }
}

/**
 * Accuracy: the (weighted) share of rows where the prediction equals the truth.
 *
 * @remarks
 * `accuracy = Σ wᵢ·[yᵢ = ŷᵢ] / Σ wᵢ` = `trace(C) / ΣC` ({@link accuracyFromConfusion});
 * with `normalize: false`, the numerator alone.
 *
 * @param yTrue - true labels (array, typed array or Arrow vector of integers or strings)
 * @param yPred - predicted labels, same length
 * @param options - `normalize` (true), `sampleWeight`
 * @returns the accuracy in [0, 1], or the (weighted) count of correct rows
 * @throws {@link MetricInputError} `INVALID_WEIGHT` (negative weights, or all weights 0
 *   with `normalize`), `INVALID_OPTION` and the input errors
 * @example
 * ```ts
 * import { accuracyScore } from '@assay/core-metrics';
 * accuracyScore(['cat', 'dog', 'dog'], ['cat', 'dog', 'cat']); // 0.6666666666666666 (2 / 3)
 * ```
 * @see sklearn.metrics.accuracy_score
 */
export function accuracyScore(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: AccuracyOptions = {},
): number {
  checkOptions(options, 'accuracyScore', ACCURACY_KEYS);
  const normalize = checkBoolean(options.normalize, true, 'options.normalize');
  const { counts, nClasses } = encodeTargets(yTrue, yPred, options.sampleWeight);
  if (normalize) checkPositiveTotal(totalOf(counts), 'accuracyScore');
  return accuracyFromConfusion(counts, nClasses, { normalize });
}
