import { checkBoolean } from '../classification/average-option.js';
import type { Label, LabelInput } from '../input/encode-labels.js';
import type { NumericInput } from '../input/numeric-column.js';
import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import { binaryCurveKernel } from '../kernels/binary-curve.js';
import { emitMetricWarning } from '../warnings.js';
import { binaryScores } from './binary-scores.js';

/** Options of {@link rocCurve}. */
export interface RocCurveOptions {
  /** The positive class. Default: 1 when `yTrue` is in {0, 1} or {-1, 1}; required otherwise. */
  readonly posLabel?: Label;
  /** Per-row weights (finite, non-negative). Zero-weight rows are dropped. */
  readonly sampleWeight?: NumericInput | null;
  /** Drop thresholds collinear with their neighbours (default true, as scikit-learn). */
  readonly dropIntermediate?: boolean;
}

/** The ROC curve: points ordered by decreasing threshold. */
export interface RocCurve {
  /** False positive rate at each threshold, increasing from 0. */
  readonly fpr: Float64Array;
  /** True positive rate at each threshold, increasing from 0. */
  readonly tpr: Float64Array;
  /** Decreasing thresholds; the first is `Infinity` (no row predicted positive). */
  readonly thresholds: Float64Array;
}

const ROC_CURVE_KEYS: OptionKeys<RocCurveOptions> = {
  posLabel: true,
  sampleWeight: true,
  dropIntermediate: true,
};

/**
 * Receiver operating characteristic curve, as scikit-learn's `roc_curve`.
 *
 * @remarks
 * Point i predicts positive every row with `score >= thresholds[i]`:
 * `fpr = FP / N`, `tpr = TP / P`. A first point (0, 0) with threshold
 * `Infinity` is prepended — scikit-learn ≥ 1.3 does the same; 1.2 used
 * `max(score) + 1` there, which is the only difference from 1.2. With
 * `dropIntermediate`, points where neither `fps` nor `tps` has a corner
 * (second difference 0) are dropped, exactly as scikit-learn 1.2. With no
 * negative (positive) rows, `fpr` (`tpr`) is all NaN and an `'UNDEFINED_METRIC'`
 * warning is published.
 *
 * @param yTrue - true labels
 * @param yScore - scores, higher meaning more likely `posLabel`
 * @param options - see {@link RocCurveOptions}
 * @returns `{ fpr, tpr, thresholds }`
 * @throws {@link MetricInputError} `EMPTY_INPUT`, `LENGTH_MISMATCH`,
 *   `NON_FINITE_VALUE`, `UNKNOWN_POS_LABEL`, `INVALID_WEIGHT`
 * @example
 * ```ts
 * import { rocCurve } from '@assay/core-metrics';
 * const curve = rocCurve([1, 1, 2, 2], [0.1, 0.4, 0.35, 0.8], { posLabel: 2 });
 * curve.fpr; // Float64Array [0, 0, 0.5, 0.5, 1]
 * curve.tpr; // Float64Array [0, 0.5, 0.5, 1, 1]
 * curve.thresholds; // Float64Array [Infinity, 0.8, 0.4, 0.35, 0.1]
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.roc_curve.html
 */
export function rocCurve(
  yTrue: LabelInput,
  yScore: NumericInput,
  options: RocCurveOptions = {},
): RocCurve {
  checkOptions(options, 'rocCurve', ROC_CURVE_KEYS);
  const dropIntermediate = checkBoolean(options.dropIntermediate, true, 'options.dropIntermediate');
  const { isPositive, scores, weight } = binaryScores(
    yTrue,
    yScore,
    options.posLabel,
    options.sampleWeight,
    'yScore',
  );
  let { fps, tps, thresholds } = binaryCurveKernel(isPositive, scores, weight, null);
  if (dropIntermediate && fps.length > 2) {
    const keep: number[] = [0];
    for (let i = 1; i < fps.length - 1; i++) {
      const fpCorner = fps[i + 1]! - fps[i]! - (fps[i]! - fps[i - 1]!);
      const tpCorner = tps[i + 1]! - tps[i]! - (tps[i]! - tps[i - 1]!);
      if (fpCorner !== 0 || tpCorner !== 0) keep.push(i);
    }
    keep.push(fps.length - 1);
    fps = Float64Array.from(keep, (i) => fps[i]!);
    tps = Float64Array.from(keep, (i) => tps[i]!);
    thresholds = Float64Array.from(keep, (i) => thresholds[i]!);
  }
  const m = fps.length + 1;
  const fpr = new Float64Array(m);
  const tpr = new Float64Array(m);
  const outThresholds = new Float64Array(m);
  outThresholds[0] = Number.POSITIVE_INFINITY;
  outThresholds.set(thresholds, 1);
  const negatives = fps[fps.length - 1] ?? 0;
  const positives = tps[tps.length - 1] ?? 0;
  if (negatives <= 0) {
    fpr.fill(Number.NaN);
    emitMetricWarning({
      code: 'UNDEFINED_METRIC',
      metric: 'rocCurve',
      message: 'No negative samples in yTrue; the false positive rate is undefined (NaN).',
    });
  } else {
    for (let i = 1; i < m; i++) fpr[i] = fps[i - 1]! / negatives;
  }
  if (positives <= 0) {
    tpr.fill(Number.NaN);
    emitMetricWarning({
      code: 'UNDEFINED_METRIC',
      metric: 'rocCurve',
      message: 'No positive samples in yTrue; the true positive rate is undefined (NaN).',
    });
  } else {
    for (let i = 1; i < m; i++) tpr[i] = tps[i - 1]! / positives;
  }
  return { fpr, tpr, thresholds: outThresholds };
}
