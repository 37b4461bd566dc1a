import type { Label, LabelInput } from '../input/encode-labels.js';
import { checkSameLength, type NumericInput, toFloat64Column } from '../input/numeric-column.js';
import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import { checkProbabilityColumn } from '../input/score-matrix.js';
import { toWeightColumn } from '../input/weight-column.js';
import { brierKernel } from '../kernels/brier.js';
import { checkBinaryTarget, positiveIndicator, resolvePosLabel } from './positive-class.js';
import { encodeTarget } from './target-classes.js';

/** Options of {@link brierScoreLoss}. */
export interface BrierScoreLossOptions {
  /**
   * The positive class. Default: 1 when `yTrue` is in {0, 1} or {-1, 1}; else
   * the greater label for numeric labels; string labels require it.
   */
  readonly posLabel?: Label;
  /** Per-row weights (finite, non-negative). Default: unit weights. */
  readonly sampleWeight?: NumericInput | null;
}

const BRIER_KEYS: OptionKeys<BrierScoreLossOptions> = { posLabel: true, sampleWeight: true };

/**
 * Brier score: mean squared difference between the predicted probability of
 * the positive class and the 0/1 outcome, as scikit-learn 1.2's
 * `brier_score_loss`.
 *
 * @remarks
 * `BS = Σ_i w_i (1[y_i = pos] − p_i)² / Σ_i w_i`. Lower is better; 0 is perfect.
 *
 * @param yTrue - true labels, at most two classes
 * @param yProb - probability of the positive class per row, in [0, 1]
 * @param options - see {@link BrierScoreLossOptions}
 * @returns the Brier score in [0, 1]
 * @throws {@link MetricInputError} `EMPTY_INPUT`, `LENGTH_MISMATCH`,
 *   `NON_FINITE_VALUE`, `INVALID_PROBABILITY`, `INVALID_SHAPE` (more than two
 *   classes), `UNKNOWN_POS_LABEL`, `INVALID_WEIGHT`
 * @example
 * ```ts
 * import { brierScoreLoss } from '@assay/core-metrics';
 * brierScoreLoss([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]); // 0.0375
 * brierScoreLoss(['spam', 'ham', 'ham', 'spam'], [0.1, 0.9, 0.8, 0.3], { posLabel: 'ham' }); // 0.0375
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.brier_score_loss.html
 */
export function brierScoreLoss(
  yTrue: LabelInput,
  yProb: NumericInput,
  options: BrierScoreLossOptions = {},
): number {
  checkOptions(options, 'brierScoreLoss', BRIER_KEYS);
  const target = encodeTarget(yTrue);
  const prob = toFloat64Column(yProb, 'yProb');
  checkSameLength(['yTrue', target.codes.length], ['yProb', prob.length]);
  checkBinaryTarget(target.classes, 'brierScoreLoss');
  checkProbabilityColumn(prob, 'yProb');
  const positive = resolvePosLabel(target.classes, options.posLabel, 'consistency-or-greater');
  const weight = toWeightColumn(options.sampleWeight, prob.length);
  return brierKernel(positiveIndicator(target.codes, positive), prob, weight, null);
}
