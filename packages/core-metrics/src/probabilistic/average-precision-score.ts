import { MetricInputError } from '../errors.js';
import type { Label, LabelInput } from '../input/encode-labels.js';
import { checkSameLength, type NumericInput, toFloat64Column } from '../input/numeric-column.js';
import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import { toWeightColumn } from '../input/weight-column.js';
import {
  averagePrecisionKernel,
  unweightedAveragePrecisionKernel,
} from '../kernels/average-precision.js';
import { emitMetricWarning } from '../warnings.js';
import { fastBinaryInputs } from './binary-fast-inputs.js';
import { positiveIndicator, resolvePosLabel } from './positive-class.js';
import { encodeTarget } from './target-classes.js';

/** Options of {@link averagePrecisionScore}. */
export interface AveragePrecisionScoreOptions {
  /** The positive class. Default 1, as scikit-learn. */
  readonly posLabel?: Label;
  /** Per-row weights (finite, non-negative). Default: unit weights. */
  readonly sampleWeight?: NumericInput | null;
}

const AVERAGE_PRECISION_KEYS: OptionKeys<AveragePrecisionScoreOptions> = {
  posLabel: true,
  sampleWeight: true,
};

/**
 * Average precision of binary scores, as scikit-learn 1.2's
 * `average_precision_score`.
 *
 * @remarks
 * `AP = Σ_n (R_n − R_{n−1}) · P_n` over the distinct score thresholds from the
 * highest down — the step-wise (not interpolated) area under the
 * precision–recall curve. Ties share one threshold. With no positive row the
 * score is 0 and a `'SINGLE_CLASS'` warning is published (scikit-learn warns
 * too). Multilabel averaging is not provided.
 *
 * @param yTrue - true labels, at most two classes
 * @param yScore - scores, higher meaning more likely `posLabel`
 * @param options - see {@link AveragePrecisionScoreOptions}
 * @returns the average precision in [0, 1]
 * @throws {@link MetricInputError} `EMPTY_INPUT`, `LENGTH_MISMATCH`,
 *   `NON_FINITE_VALUE`, `INVALID_SHAPE` (more than two classes),
 *   `UNKNOWN_POS_LABEL` (posLabel not one of the two classes), `INVALID_WEIGHT`
 * @example
 * ```ts
 * import { averagePrecisionScore } from '@assay/core-metrics';
 * averagePrecisionScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // 0.8333…
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.average_precision_score.html
 */
export function averagePrecisionScore(
  yTrue: LabelInput,
  yScore: NumericInput,
  options: AveragePrecisionScoreOptions = {},
): number {
  checkOptions(options, 'averagePrecisionScore', AVERAGE_PRECISION_KEYS);
  if (options.sampleWeight === undefined || options.sampleWeight === null) {
    const fast = fastBinaryInputs(yTrue, yScore, options.posLabel ?? 1);
    if (fast !== null) {
      return unweightedAveragePrecisionKernel(
        fast.isPositive,
        fast.scores,
        null,
        fast.min,
        fast.max,
      );
    }
  }
  const target = encodeTarget(yTrue);
  const scores = toFloat64Column(yScore, 'yScore');
  checkSameLength(['yTrue', target.codes.length], ['yScore', scores.length]);
  if (target.classes.length > 2) {
    throw new MetricInputError(
      'INVALID_SHAPE',
      `yTrue has ${target.classes.length} classes; averagePrecisionScore supports binary targets only (binarize with one class against the rest).`,
      'yTrue',
    );
  }
  const positive = resolvePosLabel(target.classes, options.posLabel, 'one');
  const weight = toWeightColumn(options.sampleWeight, scores.length);
  const isPositive = positiveIndicator(target.codes, positive);
  let anyPositive = false;
  for (let i = 0; i < isPositive.length && !anyPositive; i++) {
    anyPositive = isPositive[i] === 1 && (weight === null || weight[i]! > 0);
  }
  if (!anyPositive) {
    emitMetricWarning({
      code: 'SINGLE_CLASS',
      metric: 'averagePrecisionScore',
      message:
        'No positive class found in yTrue; recall is set to one for all thresholds and average precision is 0.',
    });
  }
  return averagePrecisionKernel(isPositive, scores, weight, null);
}
