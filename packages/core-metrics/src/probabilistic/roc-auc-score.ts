import { MetricInputError } from '../errors.js';
import type { LabelInput } from '../input/encode-labels.js';
import { checkNumberOption } from '../input/number-option.js';
import { checkSameLength, type NumericInput, toFloat64Column } from '../input/numeric-column.js';
import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import {
  checkProbabilityRows,
  isScoreMatrix,
  type ScoreMatrixInput,
  toScoreMatrix,
} from '../input/score-matrix.js';
import { toWeightColumn } from '../input/weight-column.js';
import { unweightedRocAucKernel } from '../kernels/roc-auc.js';
import { fastBinaryInputs } from './binary-fast-inputs.js';
import { binaryAuc, ovoAuc, ovrAuc } from './multiclass-auc.js';
import { positiveIndicator } from './positive-class.js';
import { encodeTarget, encodeTargetWithLabels } from './target-classes.js';

/** Options of {@link rocAucScore}. */
export interface RocAucScoreOptions {
  /**
   * Multiclass averaging: `'macro'` (default) — unweighted mean over classes
   * (ovr) or class pairs (ovo); `'weighted'` — by class support (ovr) or pair
   * prevalence (ovo); `null` — per-class scores (ovr only).
   */
  readonly average?: 'macro' | 'weighted' | null;
  /**
   * Multiclass strategy: `'ovr'` (one-vs-rest), `'ovo'` (one-vs-one, Hand & Till
   * 2001) or `'raise'` (default, as scikit-learn: multiclass input is an error).
   */
  readonly multiClass?: 'raise' | 'ovr' | 'ovo';
  /** Multiclass: all class labels, sorted, one per score column. Default: classes in `yTrue`. */
  readonly labels?: LabelInput | null;
  /** Binary only: standardized partial AUC up to this false positive rate, in (0, 1]. */
  readonly maxFpr?: number | null;
  /** Per-row weights (finite, non-negative). Not supported with `'ovo'`. */
  readonly sampleWeight?: NumericInput | null;
  /** Width of a flat row-major score matrix. */
  readonly nClasses?: number;
}

const ROC_AUC_KEYS: OptionKeys<RocAucScoreOptions> = {
  average: true,
  multiClass: true,
  labels: true,
  maxFpr: true,
  sampleWeight: true,
  nClasses: true,
};

/**
 * Area under the ROC curve, as scikit-learn 1.2's `roc_auc_score`.
 *
 * @remarks
 * Binary: `yScore` is one column of scores for the greater label (any real
 * values, higher = more positive). AUC is the trapezoidal area under
 * (FPR, TPR), computed by {@link rocAucBinaryKernel} in O(n) after a radix
 * sort; ties count half. With `maxFpr = m < 1`, the partial area `A` up to
 * FPR m is McClish-standardized: `0.5 · (1 + (A − m²/2) / (m − m²/2))`.
 *
 * Multiclass (more than two classes, or a score matrix with more than two
 * columns): `yScore` is an n×k probability matrix (rows sum to 1).
 * `'ovr'`: AUC of each class against the rest, averaged (`'weighted'`: by
 * weighted class support). `'ovo'`: for each pair (a, b) of classes present,
 * `(AUC(a | a,b) + AUC(b | a,b)) / 2` on the rows of a or b, averaged
 * (`'weighted'`: by the pair's share of rows).
 *
 * @param yTrue - true labels
 * @param yScore - a score column (binary) or an n×k probability matrix (multiclass)
 * @param options - see {@link RocAucScoreOptions}
 * @returns the AUC; with `average: null` a Float64Array: the per-class AUCs (ovr, in
 *   class order), or a single element for binary input
 * @throws {@link MetricInputError} `SINGLE_CLASS` (one class in `yTrue`, or a
 *   class with no rows under ovr), `EMPTY_INPUT`, `LENGTH_MISMATCH`,
 *   `NON_FINITE_VALUE`, `INVALID_SHAPE`, `INVALID_PROBABILITY`,
 *   `PROBABILITIES_NOT_NORMALIZED`, `UNKNOWN_LABEL`, `INVALID_OPTION`, `INVALID_WEIGHT`
 * @example
 * ```ts
 * import { rocAucScore } from '@assay/core-metrics';
 * rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // 0.75
 * rocAucScore([0, 1, 2], [[0.8, 0.1, 0.1], [0.2, 0.6, 0.2], [0.1, 0.3, 0.6]], { multiClass: 'ovr' }); // 1
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.roc_auc_score.html
 */
export function rocAucScore(
  yTrue: LabelInput,
  yScore: NumericInput | ScoreMatrixInput,
  options: RocAucScoreOptions & { readonly average: null },
): Float64Array;
export function rocAucScore(
  yTrue: LabelInput,
  yScore: NumericInput | ScoreMatrixInput,
  options?: RocAucScoreOptions,
): number;
export function rocAucScore(
  yTrue: LabelInput,
  yScore: NumericInput | ScoreMatrixInput,
  options: RocAucScoreOptions = {},
): number | Float64Array {
  checkOptions(options, 'rocAucScore', ROC_AUC_KEYS);
  const average = checkedAverage(options.average === undefined ? 'macro' : options.average);
  const maxFpr = checkNumberOption(
    options.maxFpr,
    1,
    'options.maxFpr',
    (v) => v > 0 && v <= 1,
    'a number in (0, 1]',
  );
  if (!isScoreMatrix(yScore, options.nClasses)) {
    const auc = singleColumnAuc(yTrue, yScore as NumericInput, options, maxFpr);
    return average === null ? Float64Array.of(auc) : auc;
  }
  return multiclassAuc(yTrue, yScore, options, average, maxFpr);
}

type Average = Exclude<RocAucScoreOptions['average'], undefined>;

function checkedAverage(average: unknown): Average {
  if (average !== 'macro' && average !== 'weighted' && average !== null) {
    throw new MetricInputError(
      'INVALID_OPTION',
      `options.average is ${JSON.stringify(average)}; it must be 'macro', 'weighted' or null.`,
      'options.average',
    );
  }
  return average;
}

/** One score column: binary ROC AUC (or partial AUC up to `maxFpr`); multiclass yTrue is refused. */
function singleColumnAuc(
  yTrue: LabelInput,
  yScore: NumericInput,
  options: RocAucScoreOptions,
  maxFpr: number,
): number {
  if (maxFpr === 1 && (options.sampleWeight === undefined || options.sampleWeight === null)) {
    // Weighted input and partial AUC keep the checked path and the LSD sort.
    const fast = fastBinaryInputs(yTrue, yScore, undefined);
    if (fast !== null) {
      return unweightedRocAucKernel(fast.isPositive, fast.scores, null, fast.min, fast.max);
    }
  }
  const target = encodeTarget(yTrue);
  if (target.classes.length > 2) {
    throw new MetricInputError(
      'INVALID_SHAPE',
      `yTrue has ${target.classes.length} classes but yScore is one column; multiclass ROC AUC needs an n×${target.classes.length} probability matrix.`,
      'yScore',
    );
  }
  const scores = toFloat64Column(yScore, 'yScore');
  checkSameLength(['yTrue', target.codes.length], ['yScore', scores.length]);
  const weight = toWeightColumn(options.sampleWeight, scores.length);
  return binaryAuc(
    positiveIndicator(target.codes, 1),
    scores,
    weight,
    maxFpr,
    target.classes.length,
  );
}

/** The `multiClass` option for multiclass input: 'ovr' or 'ovo' ('raise', the default, is refused). */
function checkedMultiClass(options: RocAucScoreOptions, maxFpr: number): 'ovr' | 'ovo' {
  if (maxFpr !== 1) {
    throw new MetricInputError(
      'INVALID_OPTION',
      `options.maxFpr is ${maxFpr}; partial AUC is not available for multiclass input, leave it unset.`,
      'options.maxFpr',
    );
  }
  const multiClass = options.multiClass ?? 'raise';
  if (multiClass !== 'ovr' && multiClass !== 'ovo') {
    throw new MetricInputError(
      'INVALID_OPTION',
      `options.multiClass is ${JSON.stringify(multiClass)}; multiclass input needs 'ovr' or 'ovo'.`,
      'options.multiClass',
    );
  }
  return multiClass;
}

/** A score matrix: one-vs-rest or one-vs-one AUC over the classes. */
function multiclassAuc(
  yTrue: LabelInput,
  yScore: NumericInput | ScoreMatrixInput,
  options: RocAucScoreOptions,
  average: Average,
  maxFpr: number,
): number | Float64Array {
  const scores = toScoreMatrix(yScore, 'yScore', options.nClasses);
  const target = encodeTargetWithLabels(yTrue, options.labels, true);
  checkSameLength(['yTrue', target.codes.length], ['yScore', scores.nRows]);
  if (target.classes.length <= 2 && scores.nClasses <= 2) {
    throw new MetricInputError(
      'INVALID_SHAPE',
      `yTrue is binary but yScore is a ${scores.nClasses}-column matrix; pass one column: the scores of the greater label (${JSON.stringify(target.classes[target.classes.length - 1])}).`,
      'yScore',
    );
  }
  const multiClass = checkedMultiClass(options, maxFpr);
  checkProbabilityRows(scores, 'yScore');
  if (scores.nClasses !== target.classes.length) {
    throw new MetricInputError(
      'INVALID_SHAPE',
      `yScore has ${scores.nClasses} columns but there are ${target.classes.length} classes (${JSON.stringify(target.classes)}); pass one column per class, or list all classes in options.labels.`,
      'yScore',
    );
  }
  const weight = toWeightColumn(options.sampleWeight, scores.nRows);
  if (multiClass === 'ovr') return ovrAuc(target.codes, scores, weight, average);
  if (weight !== null) {
    throw new MetricInputError(
      'INVALID_OPTION',
      `options.sampleWeight is not supported with multiClass 'ovo' (as in scikit-learn); leave it unset or use 'ovr'.`,
      'options.sampleWeight',
    );
  }
  if (average === null) {
    throw new MetricInputError(
      'INVALID_OPTION',
      `options.average null is not available with multiClass 'ovo'; use 'macro' or 'weighted'.`,
      'options.average',
    );
  }
  return ovoAuc(target.codes, scores, average);
}
