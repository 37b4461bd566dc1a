import type { Label, LabelInput } from '../input/encode-labels.js';
import type { NumericInput } from '../input/numeric-column.js';
import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import { binaryCurveKernel } from '../kernels/binary-curve.js';
import { emitMetricWarning } from '../warnings.js';
import { binaryScores } from './binary-scores.js';

/** Options of {@link precisionRecallCurve}. */
export interface PrecisionRecallCurveOptions {
  /** The positive class. Default: 1 when `yTrue` is in {0, 1} or {-1, 1}; required otherwise. */
  readonly posLabel?: Label;
  /** Per-row weights (finite, non-negative). Zero-weight rows are dropped. */
  readonly sampleWeight?: NumericInput | null;
}

/** The precision–recall curve, by increasing threshold. */
export interface PrecisionRecallCurve {
  /** Precision at each threshold, then a final 1. */
  readonly precision: Float64Array;
  /** Recall at each threshold (decreasing), then a final 0. */
  readonly recall: Float64Array;
  /** The distinct scores, increasing (one fewer than `precision`). */
  readonly thresholds: Float64Array;
}

const PR_CURVE_KEYS: OptionKeys<PrecisionRecallCurveOptions> = {
  posLabel: true,
  sampleWeight: true,
};

/**
 * Precision–recall pairs for every distinct score threshold, as scikit-learn
 * 1.2's `precision_recall_curve`.
 *
 * @remarks
 * At threshold `t`: `precision = TP / (TP + FP)` (0 when nothing is predicted
 * positive), `recall = TP / P`. Ordered by increasing threshold, with the point
 * (recall 0, precision 1) appended, and no thresholds dropped (1.2 has no
 * `drop_intermediate`). With no positive rows the recall is 1 everywhere and a
 * `'SINGLE_CLASS'` warning is published, as scikit-learn.
 *
 * @param yTrue - true labels
 * @param probasPred - scores, higher meaning more likely `posLabel`
 * @param options - see {@link PrecisionRecallCurveOptions}
 * @returns `{ precision, recall, thresholds }`
 * @throws {@link MetricInputError} `EMPTY_INPUT`, `LENGTH_MISMATCH`,
 *   `NON_FINITE_VALUE`, `UNKNOWN_POS_LABEL`, `INVALID_WEIGHT`
 * @example
 * ```ts
 * import { precisionRecallCurve } from '@assay/core-metrics';
 * const curve = precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * curve.precision; // Float64Array [0.5, 0.6666…, 0.5, 1, 1]
 * curve.recall; // Float64Array [1, 1, 0.5, 0.5, 0]
 * curve.thresholds; // Float64Array [0.1, 0.35, 0.4, 0.8]
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.precision_recall_curve.html
 */
export function precisionRecallCurve(
  yTrue: LabelInput,
  probasPred: NumericInput,
  options: PrecisionRecallCurveOptions = {},
): PrecisionRecallCurve {
  checkOptions(options, 'precisionRecallCurve', PR_CURVE_KEYS);
  const { isPositive, scores, weight } = binaryScores(
    yTrue,
    probasPred,
    options.posLabel,
    options.sampleWeight,
    'probasPred',
  );
  const { fps, tps, thresholds } = binaryCurveKernel(isPositive, scores, weight, null);
  const m = tps.length;
  const positives = tps[m - 1] ?? 0;
  if (positives === 0) {
    emitMetricWarning({
      code: 'SINGLE_CLASS',
      metric: 'precisionRecallCurve',
      message: 'No positive class found in yTrue; recall is set to one for all thresholds.',
    });
  }
  const precision = new Float64Array(m + 1);
  const recall = new Float64Array(m + 1);
  const outThresholds = new Float64Array(m);
  for (let g = 0; g < m; g++) {
    const at = m - 1 - g;
    const tp = tps[g]!;
    const predicted = tp + fps[g]!;
    precision[at] = predicted === 0 ? 0 : tp / predicted;
    recall[at] = positives === 0 ? 1 : tp / positives;
    outThresholds[at] = thresholds[g]!;
  }
  precision[m] = 1;
  recall[m] = 0;
  return { precision, recall, thresholds: outThresholds };
}
