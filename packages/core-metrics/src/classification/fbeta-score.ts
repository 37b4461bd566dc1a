import { describeValue } from '@assay/labels';
import { MetricInputError } from '../errors.js';
import type { LabelInput } from '../input/encode-labels.js';
import { checkOptions } from '../input/option-keys.js';
import type { AveragingMethod } from './average-option.js';
import { FBETA_KEYS, scorePrecisionRecallFscore } from './precision-recall-fscore-support.js';
import type { SetWiseOptions } from './set-wise-labels.js';

/** Options of {@link fbetaScore}: the set-wise options plus the required `beta`. */
export interface FbetaScoreOptions extends SetWiseOptions {
  /** Weight of recall relative to precision (≥ 0; `Infinity` gives recall). Required. */
  beta: number;
}

/**
 * F-beta score: the weighted harmonic mean of precision and recall.
 *
 * @remarks
 * `F_β = (1 + β²)·P·R / (β²·P + R)`, 0 when the denominator is 0; β < 1 favours
 * precision, β > 1 recall, `β = 0` gives precision (0 where recall is 0) and `β = ∞`
 * recall. Averaging, `labels`, `posLabel` and zero-division follow
 * {@link precisionRecallFscoreSupportFromConfusion}. `average` defaults to `'binary'`.
 *
 * @param yTrue - true labels (array, typed array or Arrow vector of integers or strings)
 * @param yPred - predicted labels, same length
 * @param options - `beta` (required), `average` ('binary'), `labels`, `posLabel` (1),
 *   `sampleWeight`, `zeroDivision` ('warn')
 * @returns the score, or one score per label when `average` is null
 * @throws {@link MetricInputError} `INVALID_OPTION` (missing, negative or NaN beta, bad
 *   option), `MULTICLASS_WITH_BINARY_AVERAGE`, `UNKNOWN_POS_LABEL` and the input errors
 * @example
 * ```ts
 * import { fbetaScore } from '@assay/core-metrics';
 * fbetaScore([0, 1, 1, 1], [1, 1, 0, 0], { beta: 2 }); // 0.357… (P = 0.5, R = 1/3)
 * ```
 * @see sklearn.metrics.fbeta_score
 */
export function fbetaScore(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: FbetaScoreOptions & { average: null },
): number[];
export function fbetaScore(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: FbetaScoreOptions & { average?: AveragingMethod },
): number;
export function fbetaScore(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: FbetaScoreOptions,
): number | number[];
export function fbetaScore(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: FbetaScoreOptions,
): number | number[] {
  checkOptions(options, 'fbetaScore', FBETA_KEYS);
  const beta: unknown = options?.beta;
  if (typeof beta !== 'number' || !(beta >= 0)) {
    throw new MetricInputError(
      'INVALID_OPTION',
      `options.beta is ${beta === undefined ? 'missing' : describeValue(beta)}; fbetaScore needs a number beta >= 0 (1 is F1, Infinity gives recall).`,
      'options.beta',
    );
  }
  return scorePrecisionRecallFscore(yTrue, yPred, options, 'binary', 'fbetaScore', ['f-score'])
    .fbeta;
}
