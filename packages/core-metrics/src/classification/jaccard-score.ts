import type { LabelInput } from '../input/encode-labels.js';
import { checkOptions } from '../input/option-keys.js';
import type { AveragingMethod } from './average-option.js';
import { jaccardFromConfusion } from './jaccard-from-confusion.js';
import { prepareSetWise, SET_WISE_KEYS, type SetWiseOptions } from './set-wise-labels.js';

/**
 * Jaccard similarity (intersection over union) of predicted and true label sets.
 *
 * @remarks
 * Per label `J = tp / (tp + fp + fn)`; averaging, `labels`, `posLabel` and zero-division
 * as in {@link jaccardFromConfusion}. `average` defaults to `'binary'`.
 *
 * @param yTrue - true labels (array, typed array or Arrow vector of integers or strings)
 * @param yPred - predicted labels, same length
 * @param options - `average` ('binary'), `labels`, `posLabel` (1), `sampleWeight`,
 *   `zeroDivision` ('warn')
 * @returns the score, or one score per label when `average` is null
 * @throws {@link MetricInputError} `MULTICLASS_WITH_BINARY_AVERAGE`, `UNKNOWN_POS_LABEL`,
 *   `INVALID_OPTION` and the input errors
 * @example
 * ```ts
 * import { jaccardScore } from '@assay/core-metrics';
 * jaccardScore([0, 1, 1, 1], [1, 1, 0, 1]); // 0.5 (2 / 4)
 * ```
 * @see sklearn.metrics.jaccard_score
 */
export function jaccardScore(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: SetWiseOptions & { average: null },
): number[];
export function jaccardScore(
  yTrue: LabelInput,
  yPred: LabelInput,
  options?: SetWiseOptions & { average?: AveragingMethod },
): number;
export function jaccardScore(
  yTrue: LabelInput,
  yPred: LabelInput,
  options?: SetWiseOptions,
): number | number[];
export function jaccardScore(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: SetWiseOptions = {},
): number | number[] {
  checkOptions(options, 'jaccardScore', SET_WISE_KEYS);
  const prepared = prepareSetWise(yTrue, yPred, options, 'binary');
  const { counts, nClasses, classes } = prepared.encoded;
  return jaccardFromConfusion(counts, nClasses, {
    average: prepared.average,
    ...(prepared.labels ? { labels: prepared.labels } : {}),
    posLabel: prepared.posLabel,
    zeroDivision: prepared.zeroDivision,
    metric: 'jaccardScore',
    classes,
  });
}
