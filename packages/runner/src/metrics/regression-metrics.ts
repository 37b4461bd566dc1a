import {
  explainedVarianceScore,
  maxError,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredError,
  medianAbsoluteError,
  r2Score,
  rootMeanSquaredError,
} from '@assay/core-metrics';
import type { ScoreColumns } from '../score/score-columns.js';
import { trueValuesVary } from './defined-on-replicate.js';
import type { RowsMetric } from './metric-spec.js';
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
  };
}

const w = (weight: Float64Array | undefined) =>
  weight === undefined ? {} : { sampleWeight: weight };

/**
 * Regression metrics by scikit-learn scorer name (losses without `neg_`).
 * Each fold's rows are gathered once and passed to the validated
 * core-metrics function, so values equal core-metrics on that fold exactly.
 */
export const REGRESSION_METRICS: readonly RowsMetric[] = [
  regression('mae', false, (t, p, weight) => meanAbsoluteError(t, p, w(weight))),
  regression('mse', false, (t, p, weight) => meanSquaredError(t, p, w(weight))),
  regression('rmse', false, (t, p, weight) => rootMeanSquaredError(t, p, w(weight))),
  // a constant truth has no variance to explain: scikit-learn's force_finite scores it 1 or 0
  regression('r2', true, (t, p, weight) => r2Score(t, p, w(weight)), trueValuesVary),
  regression('mape', false, (t, p, weight) => meanAbsolutePercentageError(t, p, w(weight))),
  regression('max_error', false, (t, p) => maxError(t, p)),
  regression('median_absolute_error', false, (t, p, weight) =>
    medianAbsoluteError(t, p, w(weight)),
  ),
  regression(
    'explained_variance',
    true,
    (t, p, weight) => explainedVarianceScore(t, p, w(weight)),
    trueValuesVary,
  ),
];
