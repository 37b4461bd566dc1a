import {
  type ForceFiniteOptions,
  RegressionAccumulator,
} from '../accumulators/regression-accumulator.js';
import { markOneShot } from '../accumulators/zero-weight-error.js';
import { MetricInputError } from '../errors.js';
import { checkSameLength, type NumericInput, toFloat64Column } from '../input/numeric-column.js';
import type { OptionKeys } from '../input/option-keys.js';
import { toWeightColumn } from '../input/weight-column.js';

/** Options shared by the regression metrics. */
export interface RegressionOptions {
  /** Per-row weights (finite, non-negative, positive sum). Default: unit weights. */
  readonly sampleWeight?: NumericInput | null;
}

/**
 * The option names of the regression metrics that take only `sampleWeight`.
 *
 * @example
 * ```ts
 * REGRESSION_KEYS; // { sampleWeight: true }
 * ```
 */
export const REGRESSION_KEYS: OptionKeys<RegressionOptions> = { sampleWeight: true };

/**
 * The option names of `r2Score` and `explainedVarianceScore`.
 *
 * @example
 * ```ts
 * FORCE_FINITE_REGRESSION_KEYS; // { sampleWeight: true, forceFinite: true }
 * ```
 */
export const FORCE_FINITE_REGRESSION_KEYS: OptionKeys<RegressionOptions & ForceFiniteOptions> = {
  sampleWeight: true,
  forceFinite: true,
};

/**
 * Validates regression targets and folds them into a fresh
 * {@link RegressionAccumulator}, so the one-shot functions and the mergeable
 * state share one set of formulas.
 *
 * @param yTrue - true targets
 * @param yPred - predictions
 * @param sampleWeight - optional weights
 * @param keepResiduals - also gather |residuals| (for the median)
 * @returns the filled accumulator
 * @throws {@link MetricInputError} `EMPTY_INPUT`, `LENGTH_MISMATCH`,
 *   `MISSING_VALUE`, `NON_FINITE_VALUE`, `INVALID_WEIGHT`
 * @example
 * ```ts
 * const acc = accumulateRegression([3, -0.5, 2, 7], [2.5, 0, 2, 8], null);
 * [acc.meanAbsoluteError(), acc.meanSquaredError()]; // [0.5, 0.375]
 * accumulateRegression([1, 2, 3], [1, 2, 5], undefined, true).medianAbsoluteError(); // 0
 * ```
 */
export function accumulateRegression(
  yTrue: NumericInput,
  yPred: NumericInput,
  sampleWeight: NumericInput | null | undefined,
  keepResiduals = false,
): RegressionAccumulator {
  const { t, p, w } = regressionColumns(yTrue, yPred, sampleWeight);
  return markOneShot(new RegressionAccumulator({ keepResiduals })).update(t, p, w, null);
}

/**
 * The checked columns of a regression metric: targets and predictions as Float64Arrays of one
 * length, and the weights (or null).
 *
 * @param yTrue - true targets
 * @param yPred - predictions
 * @param sampleWeight - optional weights
 * @returns `{ t, p, w }`
 * @throws {@link MetricInputError} `EMPTY_INPUT`, `LENGTH_MISMATCH`, `MISSING_VALUE`,
 *   `NON_FINITE_VALUE`, `INVALID_WEIGHT`, `INVALID_SHAPE` (a multi-output target)
 * @example
 * ```ts
 * regressionColumns([1, 2], [1, 3], null).p; // Float64Array [1, 3]
 * ```
 */
export function regressionColumns(
  yTrue: NumericInput,
  yPred: NumericInput,
  sampleWeight: NumericInput | null | undefined,
): { t: Float64Array; p: Float64Array; w: Float64Array | null } {
  checkSingleOutput(yTrue, 'yTrue');
  checkSingleOutput(yPred, 'yPred');
  const t = toFloat64Column(yTrue, 'yTrue');
  const p = toFloat64Column(yPred, 'yPred');
  checkSameLength(['yTrue', t.length], ['yPred', p.length]);
  // the accumulator refuses a zero total itself, so that maxError (no weights) can answer
  const w = toWeightColumn(sampleWeight, t.length, 'options.sampleWeight', false);
  return { t, p, w };
}

/**
 * Refuses a multi-output target (rows that are arrays, scikit-learn's 2-D `y`), which the
 * metrics do not average: one call per output column is the supported way. O(1): only the
 * first row of a plain array is looked at (a later array row is still refused, as a
 * non-numeric value, by the column check).
 */
function checkSingleOutput(column: NumericInput, argument: string): void {
  if (!Array.isArray(column) || column.length === 0) return;
  const first: unknown = column[0];
  if (typeof first !== 'object' || first === null) return;
  if (!Array.isArray(first) && !ArrayBuffer.isView(first)) return;
  const width = (first as ArrayLike<unknown>).length;
  throw new MetricInputError(
    'INVALID_SHAPE',
    `${argument} is a multi-output target (row 0 has ${width} values); multi-output regression is not supported: call the metric once per output column (e.g. on yTrue.map((row) => row[j]) and yPred.map((row) => row[j])) and average the results yourself.`,
    argument,
  );
}
