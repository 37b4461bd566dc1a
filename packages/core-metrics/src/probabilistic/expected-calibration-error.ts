import { MetricInputError } from '../errors.js';
import type { Label, LabelInput } from '../input/encode-labels.js';
import { checkIntegerOption } from '../input/number-option.js';
import { checkSameLength, type NumericInput, toFloat64Column } from '../input/numeric-column.js';
import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import {
  checkProbabilityColumn,
  checkProbabilityRows,
  isScoreMatrix,
  type ScoreMatrixInput,
  toScoreMatrix,
} from '../input/score-matrix.js';
import { toWeightColumn } from '../input/weight-column.js';
import { expectedCalibrationErrorKernel } from '../kernels/expected-calibration-error.js';
import { checkBinaryTarget, positiveIndicator, resolvePosLabel } from './positive-class.js';
import { encodeTarget, encodeTargetWithLabels } from './target-classes.js';

/** Options of {@link expectedCalibrationError}. */
export interface ExpectedCalibrationErrorOptions {
  /** Number of equal-width bins on [0, 1]. Default 10. */
  readonly nBins?: number;
  /** Binary input: the positive class. Default: 1 for {0, 1} or {-1, 1} targets; required otherwise. */
  readonly posLabel?: Label;
  /** Per-row weights (finite, non-negative). Default: unit weights. */
  readonly sampleWeight?: NumericInput | null;
  /** Matrix input: all class labels, sorted, one per column. */
  readonly labels?: LabelInput | null;
  /** Width of a flat row-major probability matrix. */
  readonly nClasses?: number;
}

const ECE_KEYS: OptionKeys<ExpectedCalibrationErrorOptions> = {
  nBins: true,
  posLabel: true,
  sampleWeight: true,
  labels: true,
  nClasses: true,
};

/**
 * Expected calibration error (ECE) over equal-width bins. No scikit-learn
 * equivalent; defined here as
 * `ECE = Σ_b (W_b / W) · |acc_b − conf_b|`.
 *
 * @remarks
 * Binary (one probability column): the confidence is the predicted probability
 * of `posLabel` and `acc_b` the bin's (weighted) fraction of positives — the
 * weighted gap of the reliability diagram of {@link calibrationCurve}.
 * Multiclass (n×k matrix): top-label ECE (Guo et al., 2017) — the confidence is
 * the row's largest probability, `acc_b` the fraction of rows whose first
 * arg-max column is the true class.
 * Bins are `[0, 1/B], (1/B, 2/B], …, ((B−1)/B, 1]`: a value on an inner edge
 * falls in the lower bin, the assignment `calibration_curve` uses
 * (`np.searchsorted(edges[1:-1], p)`); `W_b` is the bin's total weight, `conf_b`
 * its weighted mean confidence. Empty bins contribute nothing.
 *
 * @param yTrue - true labels
 * @param yProb - probability of `posLabel` per row, or an n×k probability matrix
 * @param options - see {@link ExpectedCalibrationErrorOptions}
 * @returns the ECE in [0, 1]
 * @throws {@link MetricInputError} `EMPTY_INPUT`, `LENGTH_MISMATCH`,
 *   `NON_FINITE_VALUE`, `INVALID_PROBABILITY`, `PROBABILITIES_NOT_NORMALIZED`,
 *   `INVALID_SHAPE`, `UNKNOWN_POS_LABEL`, `UNKNOWN_LABEL`, `INVALID_OPTION`, `INVALID_WEIGHT`
 * @example
 * ```ts
 * import { expectedCalibrationError } from '@assay/core-metrics';
 * expectedCalibrationError([1, 0, 1, 1], [0.9, 0.2, 0.65, 0.8]); // 0.2125
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.calibration.calibration_curve.html
 */
export function expectedCalibrationError(
  yTrue: LabelInput,
  yProb: NumericInput | ScoreMatrixInput,
  options: ExpectedCalibrationErrorOptions = {},
): number {
  checkOptions(options, 'expectedCalibrationError', ECE_KEYS);
  const nBins = checkIntegerOption(options.nBins, 10, 'options.nBins');
  if (isScoreMatrix(yProb, options.nClasses)) {
    const target = encodeTargetWithLabels(yTrue, options.labels, true, false);
    const matrix = toScoreMatrix(yProb, 'yProb', options.nClasses);
    checkSameLength(['yTrue', target.codes.length], ['yProb', matrix.nRows]);
    if (matrix.nClasses !== target.classes.length) {
      throw new MetricInputError(
        'INVALID_SHAPE',
        `yProb has ${matrix.nClasses} columns but there are ${target.classes.length} classes (${JSON.stringify(target.classes)}); pass one column per class, or list all classes in options.labels.`,
        'yProb',
      );
    }
    checkProbabilityRows(matrix, 'yProb');
    const { values, nClasses: k, nRows } = matrix;
    const confidence = new Float64Array(nRows);
    const correct = new Uint8Array(nRows);
    for (let i = 0; i < nRows; i++) {
      let best = 0;
      for (let j = 1; j < k; j++) if (values[i * k + j]! > values[i * k + best]!) best = j;
      confidence[i] = values[i * k + best]!;
      correct[i] = best === target.codes[i] ? 1 : 0;
    }
    const weight = toWeightColumn(options.sampleWeight, nRows);
    return expectedCalibrationErrorKernel(correct, confidence, nBins, weight, null);
  }
  const target = encodeTarget(yTrue, 'yTrue', false);
  const prob = toFloat64Column(yProb as NumericInput, 'yProb');
  checkSameLength(['yTrue', target.codes.length], ['yProb', prob.length]);
  checkBinaryTarget(target.classes, 'expectedCalibrationError');
  checkProbabilityColumn(prob, 'yProb');
  const positive = resolvePosLabel(target.classes, options.posLabel, 'consistency');
  const weight = toWeightColumn(options.sampleWeight, prob.length);
  return expectedCalibrationErrorKernel(
    positiveIndicator(target.codes, positive),
    prob,
    nBins,
    weight,
    null,
  );
}
