import type { Label, LabelInput } from '../input/encode-labels.js';
import { checkSameLength, type NumericInput, toFloat64Column } from '../input/numeric-column.js';
import { toWeightColumn } from '../input/weight-column.js';
import { positiveIndicator, resolvePosLabel } from './positive-class.js';
import { encodeTarget } from './target-classes.js';

/** Validated inputs of a binary curve. */
export interface BinaryScores {
  readonly isPositive: Uint8Array;
  readonly scores: Float64Array;
  readonly weight: Float64Array | null;
}

/**
 * Validates `(yTrue, yScore, posLabel, sampleWeight)` for the curve functions,
 * following scikit-learn's `_binary_clf_curve`: more than two classes need an
 * explicit `posLabel`.
 *
 * @param yTrue - true labels
 * @param yScore - scores
 * @param posLabel - the positive class, or undefined for scikit-learn's default
 * @param sampleWeight - optional weights
 * @param scoreArgument - name of the score argument for messages
 * @returns the positive indicator, scores and weights
 * @throws {@link MetricInputError} as the curve functions document
 * @example
 * ```ts
 * binaryScores(['no', 'yes', 'yes'], [0.2, 0.7, 0.4], 'yes', undefined, 'yScore');
 * // { isPositive: [0, 1, 1], scores: [0.2, 0.7, 0.4], weight: null }
 * ```
 */
export function binaryScores(
  yTrue: LabelInput,
  yScore: NumericInput,
  posLabel: Label | undefined,
  sampleWeight: NumericInput | null | undefined,
  scoreArgument: string,
): BinaryScores {
  const target = encodeTarget(yTrue);
  const scores = toFloat64Column(yScore, scoreArgument);
  checkSameLength(['yTrue', target.codes.length], [scoreArgument, scores.length]);
  const positive = resolvePosLabel(target.classes, posLabel, 'consistency');
  const weight = toWeightColumn(sampleWeight, scores.length);
  return { isPositive: positiveIndicator(target.codes, positive), scores, weight };
}
