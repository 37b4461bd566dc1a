import { checkBoolean } from '../classification/average-option.js';
import { MetricInputError } from '../errors.js';
import type { LabelInput } from '../input/encode-labels.js';
import { checkNumberOption } from '../input/number-option.js';
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
import { logLossBinaryKernel, logLossKernel } from '../kernels/log-loss.js';
import { positiveIndicator } from './positive-class.js';
import { encodeTargetWithLabels } from './target-classes.js';

/** Options of {@link logLoss}. */
export interface LogLossOptions {
  /**
   * Clipping bound: probabilities are clipped to `[eps, 1 − eps]`. Default
   * `'auto'`, which is scikit-learn 1.2's default: the float64 machine epsilon
   * (`Number.EPSILON`, 2.22e-16).
   */
  readonly eps?: number | 'auto';
  /** Mean loss (true, default) or summed loss (false). */
  readonly normalize?: boolean;
  /** Per-row weights (finite, non-negative). Default: unit weights. */
  readonly sampleWeight?: NumericInput | null;
  /**
   * All class labels, when `yTrue` may lack some. Columns of `yPred` follow the
   * sorted order of these labels. Default: the classes present in `yTrue`.
   */
  readonly labels?: LabelInput | null;
  /** Width of a flat row-major `yPred` (marks a flat array as an n×k matrix). */
  readonly nClasses?: number;
}

const LOG_LOSS_KEYS: OptionKeys<LogLossOptions> = {
  eps: true,
  normalize: true,
  sampleWeight: true,
  labels: true,
  nClasses: true,
};

/**
 * Log loss (cross-entropy) of predicted probabilities, as scikit-learn 1.2's
 * `log_loss`.
 *
 * @remarks
 * `L = −(1/W) Σ_i w_i ln p̂_{i, y_i}`, with probabilities clipped to
 * `[eps, 1 − eps]` and each row renormalized by its clipped sum (scikit-learn 1.2
 * does exactly this). Natural logarithm.
 *
 * `yPred` is either a column of probabilities of the positive class — the
 * greater of two labels, as scikit-learn — or an n×k matrix whose columns are
 * the sorted classes.
 *
 * Stricter than scikit-learn 1.2, which silently clips and renormalizes:
 * probabilities outside [0, 1] and matrix rows whose sum is not 1 within
 * numpy's `allclose` tolerance are rejected (scikit-learn 1.5 rejects them too).
 *
 * @param yTrue - true labels (numbers or strings)
 * @param yPred - probabilities: a column (binary) or an n×k matrix
 * @param options - see {@link LogLossOptions}
 * @returns the (mean) log loss, ≥ 0
 * @throws {@link MetricInputError} `EMPTY_INPUT`, `LENGTH_MISMATCH`,
 *   `MISSING_VALUE`, `NON_FINITE_VALUE`, `INVALID_PROBABILITY`,
 *   `PROBABILITIES_NOT_NORMALIZED`, `INVALID_SHAPE` (column count ≠ number of
 *   classes; one class), `UNKNOWN_LABEL`, `INVALID_WEIGHT`, `INVALID_OPTION`
 * @example
 * ```ts
 * import { logLoss } from '@assay/core-metrics';
 * const probs = [[0.1, 0.9], [0.9, 0.1], [0.8, 0.2], [0.35, 0.65]]; // columns: 'ham', 'spam'
 * logLoss(['spam', 'ham', 'ham', 'spam'], probs); // 0.21616…
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.log_loss.html
 */
export function logLoss(
  yTrue: LabelInput,
  yPred: NumericInput | ScoreMatrixInput,
  options: LogLossOptions = {},
): number {
  checkOptions(options, 'logLoss', LOG_LOSS_KEYS);
  const eps = resolveEps(options.eps);
  const normalize = checkBoolean(options.normalize, true, 'options.normalize');
  const target = encodeTargetWithLabels(yTrue, options.labels, false);
  const k = target.classes.length;
  if (k < 2) {
    throw new MetricInputError(
      'INVALID_SHAPE',
      options.labels == null
        ? `yTrue contains only one label (${JSON.stringify(target.classes[0])}); pass all labels through options.labels.`
        : `options.labels has only one label; log loss needs at least two classes.`,
      options.labels == null ? 'yTrue' : 'options.labels',
    );
  }
  const n = target.codes.length;
  const weight = toWeightColumn(options.sampleWeight, n);
  if (isScoreMatrix(yPred, options.nClasses)) {
    const matrix = toScoreMatrix(yPred, 'yPred', options.nClasses, false);
    checkSameLength(['yTrue', n], ['yPred', matrix.nRows]);
    if (matrix.nClasses === 1) {
      checkFiniteColumn(matrix.values);
      return binaryLoss(target.codes, matrix.values, weight, eps, normalize);
    }
    if (matrix.nClasses !== k) {
      throw new MetricInputError(
        'INVALID_SHAPE',
        `yPred has ${matrix.nClasses} columns but there are ${k} classes (${JSON.stringify(target.classes)}); pass one column per class, or list all classes in options.labels.`,
        'yPred',
      );
    }
    checkProbabilityRows(matrix, 'yPred');
    return logLossKernel(target.codes, matrix.values, k, weight, null, eps, normalize);
  }
  const prob = toFloat64Column(yPred as NumericInput, 'yPred');
  checkSameLength(['yTrue', n], ['yPred', prob.length]);
  if (k !== 2) {
    throw new MetricInputError(
      'INVALID_SHAPE',
      `yPred is one column but there are ${k} classes; pass an n×${k} probability matrix.`,
      'yPred',
    );
  }
  return binaryLoss(target.codes, prob, weight, eps, normalize);
}

function binaryLoss(
  codes: Int32Array | Uint8Array,
  prob: Float64Array,
  weight: Float64Array | null,
  eps: number,
  normalize: boolean,
): number {
  checkProbabilityColumn(prob, 'yPred');
  return logLossBinaryKernel(positiveIndicator(codes, 1), prob, weight, null, eps, normalize);
}

function checkFiniteColumn(values: Float64Array): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v - v !== 0) {
      throw new MetricInputError(
        'NON_FINITE_VALUE',
        `yPred has ${v} at row ${i}; every probability must be a finite number.`,
        'yPred',
      );
    }
  }
}

function resolveEps(eps: number | 'auto' | undefined): number {
  if (eps === 'auto') return Number.EPSILON;
  return checkNumberOption(
    eps,
    Number.EPSILON,
    'options.eps',
    (v) => v >= 0 && v < 0.5,
    "'auto' or a number in [0, 0.5)",
  );
}
