import type { LabelInput } from '../input/encode-labels.js';
import { checkOptions } from '../input/option-keys.js';
import type { AveragingMethod } from './average-option.js';
import { scorePrecisionRecallFscore } from './precision-recall-fscore-support.js';
import { SET_WISE_KEYS, type SetWiseOptions } from './set-wise-labels.js';

/**
 * F1 score: the harmonic mean of precision and recall.
 *
 * @remarks
 * `F1 = 2PR / (P + R)` = `2tp / (2tp + fp + fn)`; 0 when P + R = 0. Averaging, `labels`, `posLabel` and zero-division follow
 * {@link precisionRecallFscoreSupportFromConfusion}, which computes it from the confusion
 * matrix. `average` defaults to `'binary'` (score of `posLabel`, default 1).
 *
 * @param yTrue - true labels (array, typed array or Arrow vector of integers or strings)
 * @param yPred - predicted labels, same length
 * @param options - `average` ('binary'), `labels`, `posLabel` (1), `sampleWeight`,
 *   `zeroDivision` ('warn')
 * @returns the score, or one score per label (in `labels` order) when `average` is null
 * @throws {@link MetricInputError} `MULTICLASS_WITH_BINARY_AVERAGE` (more than two labels
 *   with 'binary'), `UNKNOWN_POS_LABEL`, `INVALID_OPTION`, `LENGTH_MISMATCH`,
 *   `EMPTY_INPUT`, `MISSING_VALUE`, `MIXED_LABEL_TYPES`, `INVALID_LABEL`, `INVALID_WEIGHT`
 * @example
 * ```ts
 * import { f1Score } from '@assay/core-metrics';
 * f1Score([0, 1, 2, 2], [0, 2, 2, 1], { average: 'macro' }); // 0.5 ((1 + 0 + 0.5) / 3)
 * ```
 * @see sklearn.metrics.f1_score
 */
export function f1Score(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: SetWiseOptions & { average: null },
): number[];
export function f1Score(
  yTrue: LabelInput,
  yPred: LabelInput,
  options?: SetWiseOptions & { average?: AveragingMethod },
): number;
export function f1Score(
  yTrue: LabelInput,
  yPred: LabelInput,
  options?: SetWiseOptions,
): number | number[];
export function f1Score(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: SetWiseOptions = {},
): number | number[] {
  checkOptions(options, 'f1Score', SET_WISE_KEYS);
  return scorePrecisionRecallFscore(yTrue, yPred, { ...options, beta: 1 }, 'binary', 'f1Score', [
    'f-score',
  ]).fbeta;
}
