import {
  explainedVarianceScore,
  markOneShot,
  maxError,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredError,
  medianAbsoluteError,
  RegressionAccumulator,
  r2Score,
  rootMeanSquaredError,
} from '@assay/core-metrics';
import type { ScoreColumns } from '../score/score-columns.js';
import { trueValuesVary } from './defined-on-replicate.js';
import type { RegressionMomentsReader, RowsMetric } from './metric-spec.js';
import { resampledMedianAbsoluteError } from './resampled-median.js';
import { gatherFloat64 } from './row-selection.js';

type RegressionFn = (
  yTrue: Float64Array,
  yPred: Float64Array,
  weight: Float64Array | undefined,
) => number;

function regression(
  name: string,
  greaterIsBetter: boolean,
  fn: RegressionFn,
  fromMoments: RegressionMomentsReader,
  definedOn?: RowsMetric['definedOn'],
): RowsMetric {
  return {
    name,
    task: 'regression',
    needs: 'values',
    kind: 'rows',
    greaterIsBetter,
    ...(definedOn === undefined ? {} : { definedOn }),
    compute(columns: ScoreColumns, rows: Uint32Array | null) {
      const yTrue = gatherFloat64(columns.yTrueValues!, rows);
      const yPred = gatherFloat64(columns.yPredValues!, rows);
      const weight = columns.weight === null ? undefined : gatherFloat64(columns.weight, rows);
      return fn(yTrue, yPred, weight);
    },
    fromMoments,
  };
}

const w = (weight: Float64Array | undefined) =>
  weight === undefined ? {} : { sampleWeight: weight };

/** A reader of the moments that need no residuals. */
const moments = (read: (m: RegressionAccumulator) => number): RegressionMomentsReader => ({
  residuals: false,
  read,
});

/**
 * The regression moments of a row selection, read by every regression metric of a call
 * (`fromMoments`): the accumulator the core-metrics functions fill, over the same rows in
 * the same order, without gathering them first.
 *
 * @param columns - a regression job's columns
 * @param rows - the rows (may repeat), or null for every row
 * @param keepResiduals - also keep every absolute residual (for the median)
 * @returns the filled accumulator
 * @throws {@link MetricInputError} as the core-metrics functions, for a non-finite value
 * @example
 * const { columns } = prepareColumns({ yTrue: [3, -0.5, 2, 7], yPred: [2.5, 0, 2, 8] });
 * selectionMoments(columns, Uint32Array.of(0, 0, 3), false).meanAbsoluteError(); // 0.6666666666666666
 */
export function selectionMoments(
  columns: ScoreColumns,
  rows: Uint32Array | null,
  keepResiduals: boolean,
): RegressionAccumulator {
  // no runner metric reads MSLE: its two logarithms a row would be most of the pass; marked
  // as the functions' own, so that weights summing to 0 are worded as they word them
  const moments = markOneShot(new RegressionAccumulator({ keepResiduals, squaredLog: false }));
  return moments.update(columns.yTrueValues!, columns.yPredValues!, columns.weight, rows);
}

/**
 * Regression metrics by scikit-learn scorer name (losses without `neg_`).
 * Each fold's rows are gathered once and passed to the validated
 * core-metrics function, so values equal core-metrics on that fold exactly;
 * `computeMetricValues` reads them all off one pass's moments instead (`fromMoments`),
 * the same numbers.
 */
export const REGRESSION_METRICS: readonly RowsMetric[] = [
  regression(
    'mae',
    false,
    (t, p, weight) => meanAbsoluteError(t, p, w(weight)),
    moments((m) => m.meanAbsoluteError()),
  ),
  regression(
    'mse',
    false,
    (t, p, weight) => meanSquaredError(t, p, w(weight)),
    moments((m) => m.meanSquaredError()),
  ),
  regression(
    'rmse',
    false,
    (t, p, weight) => rootMeanSquaredError(t, p, w(weight)),
    moments((m) => m.rootMeanSquaredError()),
  ),
  // a constant truth has no variance to explain: scikit-learn's force_finite scores it 1 or 0
  regression(
    'r2',
    true,
    (t, p, weight) => r2Score(t, p, w(weight)),
    moments((m) => m.r2Score()),
    trueValuesVary,
  ),
  regression(
    'mape',
    false,
    (t, p, weight) => meanAbsolutePercentageError(t, p, w(weight)),
    moments((m) => m.meanAbsolutePercentageError()),
  ),
  regression(
    'max_error',
    false,
    (t, p) => maxError(t, p),
    moments((m) => m.maxError()),
  ),
  {
    ...regression(
      'median_absolute_error',
      false,
      (t, p, weight) => medianAbsoluteError(t, p, w(weight)),
      { residuals: true, read: (m) => m.medianAbsoluteError() },
    ),
    // a bootstrap replicate walks a ranking of the residuals made once, instead of a sort
    computeResampled: resampledMedianAbsoluteError,
  },
  regression(
    'explained_variance',
    true,
    (t, p, weight) => explainedVarianceScore(t, p, w(weight)),
    moments((m) => m.explainedVarianceScore()),
    trueValuesVary,
  ),
];
