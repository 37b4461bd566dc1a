import type { LabelInput } from '../input/encode-labels.js';
import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import type { Average, AveragingMethod } from './average-option.js';
import {
  type PrecisionRecallFscoreSupport,
  precisionRecallFscoreSupportFromConfusion,
  type WarnFor,
} from './precision-recall-fscore-from-confusion.js';
import { prepareSetWise, SET_WISE_KEYS, type SetWiseOptions } from './set-wise-labels.js';

/** Options of {@link precisionRecallFscoreSupport}. */
export interface PrecisionRecallFscoreSupportOptions extends SetWiseOptions {
  /** Weight of recall in the F-score (default 1); `Infinity` gives recall. */
  beta?: number;
}

/**
 * The option names of {@link precisionRecallFscoreSupport} and `fbetaScore`.
 *
 * @example
 * ```ts
 * Object.keys(FBETA_KEYS); // ['average', 'labels', 'posLabel', 'sampleWeight', 'zeroDivision', 'beta']
 * ```
 */
export const FBETA_KEYS: OptionKeys<PrecisionRecallFscoreSupportOptions> = {
  ...SET_WISE_KEYS,
  beta: true,
};

/**
 * Shared body of the precision/recall/F public functions: validate, encode, tally, score.
 *
 * @param yTrue - true labels
 * @param yPred - predicted labels
 * @param options - set-wise options and beta
 * @param defaultAverage - the calling metric's default average
 * @param metric - the calling metric's name (for warnings)
 * @param warnFor - which ill-defined quantities warn
 * @returns the scores
 * @throws {@link MetricInputError} for any invalid input or option
 * @example
 * ```ts
 * scorePrecisionRecallFscore([0, 1, 1], [0, 1, 0], {}, 'binary', 'f1Score', ['f-score']);
 * // { precision: 1, recall: 0.5, fbeta: 0.666…, support: null }
 * ```
 */
export function scorePrecisionRecallFscore(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: PrecisionRecallFscoreSupportOptions,
  defaultAverage: Average | null,
  metric: string,
  warnFor: readonly WarnFor[],
): PrecisionRecallFscoreSupport {
  const prepared = prepareSetWise(yTrue, yPred, options, defaultAverage);
  const { counts, nClasses, classes } = prepared.encoded;
  return precisionRecallFscoreSupportFromConfusion(counts, nClasses, {
    beta: options.beta ?? 1,
    average: prepared.average,
    ...(prepared.labels ? { labels: prepared.labels } : {}),
    posLabel: prepared.posLabel,
    zeroDivision: prepared.zeroDivision,
    metric,
    classes,
    warnFor,
  });
}

/**
 * Precision, recall, F-beta score and support, per label or averaged.
 *
 * @remarks
 * Per label: `P = tp/(tp+fp)`, `R = tp/(tp+fn)`, `F_β = (1+β²)PR/(β²P+R)`,
 * support = number (or weight) of true rows. See
 * {@link precisionRecallFscoreSupportFromConfusion} for averaging and zero-division rules.
 * Default `average` is null (one value per label), as in scikit-learn.
 *
 * @param yTrue - true labels (array, typed array or Arrow vector of integers or strings)
 * @param yPred - predicted labels, same length
 * @param options - `beta` (1), `average` (null), `labels`, `posLabel` (1), `sampleWeight`,
 *   `zeroDivision` (`'warn'`)
 * @returns `{ precision, recall, fbeta, support }`: arrays per label (support included)
 *   for `average: null`, else numbers with `support: null`
 * @throws {@link MetricInputError} `LENGTH_MISMATCH`, `EMPTY_INPUT`, `MISSING_VALUE`,
 *   `MIXED_LABEL_TYPES`, `INVALID_LABEL`, `MULTICLASS_WITH_BINARY_AVERAGE`,
 *   `UNKNOWN_POS_LABEL`, `INVALID_OPTION`, `INVALID_WEIGHT`, `NON_FINITE_VALUE`
 * @example
 * ```ts
 * import { precisionRecallFscoreSupport } from '@assay/core-metrics';
 * const prfs = precisionRecallFscoreSupport(['a', 'b', 'b'], ['a', 'b', 'a']);
 * prfs; // { precision: [0.5, 1], recall: [1, 0.5], fbeta: [0.6666…, 0.6666…], support: [1, 2] }
 * ```
 * @see sklearn.metrics.precision_recall_fscore_support
 */
export function precisionRecallFscoreSupport(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: PrecisionRecallFscoreSupportOptions & { average: AveragingMethod },
): PrecisionRecallFscoreSupport<number>;
export function precisionRecallFscoreSupport(
  yTrue: LabelInput,
  yPred: LabelInput,
  options?: PrecisionRecallFscoreSupportOptions & { average?: null },
): PrecisionRecallFscoreSupport<number[]>;
export function precisionRecallFscoreSupport(
  yTrue: LabelInput,
  yPred: LabelInput,
  options?: PrecisionRecallFscoreSupportOptions,
): PrecisionRecallFscoreSupport;
export function precisionRecallFscoreSupport(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: PrecisionRecallFscoreSupportOptions = {},
): PrecisionRecallFscoreSupport {
  checkOptions(options, 'precisionRecallFscoreSupport', FBETA_KEYS);
  return scorePrecisionRecallFscore(yTrue, yPred, options, null, 'precisionRecallFscoreSupport', [
    'precision',
    'recall',
    'f-score',
  ]);
}
