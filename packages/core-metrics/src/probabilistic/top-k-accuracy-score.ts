import { checkBoolean } from '../classification/average-option.js';
import { MetricInputError } from '../errors.js';
import type { LabelInput } from '../input/encode-labels.js';
import { checkIntegerOption } from '../input/number-option.js';
import { checkSameLength, type NumericInput, toFloat64Column } from '../input/numeric-column.js';
import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import { isScoreMatrix, type ScoreMatrixInput, toScoreMatrix } from '../input/score-matrix.js';
import { toWeightColumn } from '../input/weight-column.js';
import { topKAccuracyKernel } from '../kernels/top-k-accuracy.js';
import { emitMetricWarning } from '../warnings.js';
import { encodeTargetWithLabels } from './target-classes.js';

/** Options of {@link topKAccuracyScore}. */
export interface TopKAccuracyScoreOptions {
  /** How many top-ranked classes count as correct. Default 2. */
  readonly k?: number;
  /** Fraction (true, default) or (weighted) count of hits (false). */
  readonly normalize?: boolean;
  /** Per-row weights (finite, non-negative). Default: unit weights. */
  readonly sampleWeight?: NumericInput | null;
  /** All class labels, sorted, one per score column. Default: classes in `yTrue`. */
  readonly labels?: LabelInput | null;
  /** Width of a flat row-major score matrix. */
  readonly nClasses?: number;
}

const TOP_K_KEYS: OptionKeys<TopKAccuracyScoreOptions> = {
  k: true,
  normalize: true,
  sampleWeight: true,
  labels: true,
  nClasses: true,
};

/**
 * Top-k accuracy: the share of rows whose true class is among the `k`
 * highest-scored classes, as scikit-learn 1.2's `top_k_accuracy_score`.
 *
 * @remarks
 * Multiclass: ties are broken as scikit-learn does (stable ascending argsort,
 * reversed), so among equal scores the class with the higher index ranks first.
 * Binary with one score column: for `k = 1` a row is predicted positive when
 * its score exceeds 0.5 (if all scores lie in [0, 1]) or 0 (otherwise); for
 * `k ≥ 2` every row is a hit. When `k ≥ nClasses` an `'UNDEFINED_METRIC'`
 * warning is published (the score is trivially perfect).
 *
 * @param yTrue - true labels
 * @param yScore - an n×k score matrix, or one score column for binary targets
 * @param options - see {@link TopKAccuracyScoreOptions}
 * @returns the top-k accuracy (fraction, or weighted count without `normalize`)
 * @throws {@link MetricInputError} `EMPTY_INPUT`, `LENGTH_MISMATCH`,
 *   `NON_FINITE_VALUE`, `INVALID_SHAPE` (column count ≠ classes),
 *   `UNKNOWN_LABEL`, `INVALID_OPTION` (k not a positive integer; labels unsorted), `INVALID_WEIGHT`
 * @example
 * ```ts
 * import { topKAccuracyScore } from '@assay/core-metrics';
 * const scores = [[0.5, 0.2, 0.2], [0.3, 0.4, 0.2], [0.2, 0.4, 0.3], [0.7, 0.2, 0.1]];
 * topKAccuracyScore([0, 1, 2, 2], scores, { k: 2 }); // 0.75
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.top_k_accuracy_score.html
 */
export function topKAccuracyScore(
  yTrue: LabelInput,
  yScore: NumericInput | ScoreMatrixInput,
  options: TopKAccuracyScoreOptions = {},
): number {
  checkOptions(options, 'topKAccuracyScore', TOP_K_KEYS);
  const k = checkIntegerOption(options.k, 2, 'options.k');
  const normalize = checkBoolean(options.normalize, true, 'options.normalize');
  const target = encodeTargetWithLabels(yTrue, options.labels, true);
  const n = target.codes.length;
  const weight = toWeightColumn(options.sampleWeight, n);
  const nClasses = target.classes.length;
  const matrix = isScoreMatrix(yScore, options.nClasses)
    ? toScoreMatrix(yScore, 'yScore', options.nClasses)
    : null;
  const scoreColumns = matrix === null ? 2 : matrix.nClasses;
  if (scoreColumns !== nClasses) {
    throw new MetricInputError(
      'INVALID_SHAPE',
      `yScore has ${scoreColumns} ${matrix === null ? 'classes (one column: binary)' : 'columns'} but there are ${nClasses} classes (${JSON.stringify(target.classes)}); pass one column per class, or list all classes in options.labels.`,
      'yScore',
    );
  }
  if (k >= nClasses) {
    emitMetricWarning({
      code: 'UNDEFINED_METRIC',
      metric: 'topKAccuracyScore',
      message: `k (${k}) is greater than or equal to the number of classes (${nClasses}); the score is trivially perfect.`,
    });
  }
  if (!matrix) {
    const scores = toFloat64Column(yScore as NumericInput, 'yScore');
    checkSameLength(['yTrue', n], ['yScore', scores.length]);
    return binaryTopK(target.codes, scores, k, weight, normalize);
  }
  const scores = toScoreMatrix(yScore, 'yScore', options.nClasses);
  checkSameLength(['yTrue', n], ['yScore', scores.nRows]);
  return topKAccuracyKernel(
    target.codes,
    scores.values,
    scores.nClasses,
    k,
    weight,
    null,
    normalize,
  );
}

function binaryTopK(
  codes: Int32Array | Uint8Array,
  scores: Float64Array,
  k: number,
  weight: Float64Array | null,
  normalize: boolean,
): number {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < scores.length; i++) {
    if (scores[i]! < min) min = scores[i]!;
    if (scores[i]! > max) max = scores[i]!;
  }
  const threshold = min >= 0 && max <= 1 ? 0.5 : 0;
  let hits = 0;
  let weightSum = 0;
  for (let i = 0; i < scores.length; i++) {
    const hit = k >= 2 || (scores[i]! > threshold ? 1 : 0) === codes[i] ? 1 : 0;
    const w = weight === null ? 1 : weight[i]!;
    hits += hit * w;
    weightSum += w;
  }
  return normalize ? hits / weightSum : hits;
}
