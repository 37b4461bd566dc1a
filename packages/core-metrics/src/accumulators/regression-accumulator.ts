import { checkBoolean } from '../classification/average-option.js';
import { MetricInputError } from '../errors.js';
import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import { medianOfAbsolute } from '../kernels/median-of-absolute.js';
import { emitMetricWarning } from '../warnings.js';
import {
  type RegressionAccumulatorJSON,
  validateRegressionAccumulatorJSON,
} from './regression-accumulator-json.js';
import {
  addBlock,
  emptyMoments,
  mergeMoments,
  type RegressionMoments,
} from './regression-moments.js';
import { isOneShot, zeroWeightError } from './zero-weight-error.js';

/** Options of {@link RegressionAccumulator}. */
export interface RegressionAccumulatorOptions {
  /**
   * Keep every |residual| (and weight) so that `medianAbsoluteError()` can be
   * answered. Off by default: the median is not mergeable from moments, so this
   * costs memory (16 bytes a row) and makes `toJSON()` grow with the data.
   */
  readonly keepResiduals?: boolean;
  /**
   * Add the squared log differences that `meanSquaredLogError()` reads (default true). Two
   * logarithms a row are most of an update's time (about 15 of 18 ns a row): an accumulator
   * that never answers MSLE, such as one per bootstrap replicate, is about 6x faster
   * without them; `meanSquaredLogError()` then throws `INVALID_STATE`, and `toJSON()` has
   * `sumSquaredLog: null`.
   */
  readonly squaredLog?: boolean;
}

/** Options of the R²-style scores. */
export interface ForceFiniteOptions {
  /**
   * Replace non-finite results (constant `yTrue`) by 1 (perfect predictions)
   * or 0 (imperfect), as scikit-learn's `force_finite` (default true).
   */
  readonly forceFinite?: boolean;
}

const BLOCK = 1024;

const ACCUMULATOR_KEYS: OptionKeys<RegressionAccumulatorOptions> = {
  keepResiduals: true,
  squaredLog: true,
};
const FORCE_FINITE_KEYS: OptionKeys<ForceFiniteOptions> = { forceFinite: true };

/**
 * Mergeable state for the regression metrics: feed (yTrue, yPred, weight)
 * chunks — from several workers or folds — merge, and read any metric.
 *
 * @remarks
 * The state is a set of weighted moments: `W = Σw`, the weighted means and
 * centred second moments `M2` of `yTrue` and of the residual `r = y − ŷ`, and
 * the sums `Σw|r|`, `Σw r²`, `Σw (ln(1+y) − ln(1+ŷ))²`, `Σw|r|/max(|y|, ε)`,
 * plus `max|r|`. Each update processes blocks of 1024 rows with an exact
 * two-pass mean/M2, folded in with Chan et al.'s pairwise formula
 * `M2 = M2_a + M2_b + δ²·W_a·W_b/W` (δ the difference of means); {@link merge}
 * uses the same formula, so a merged state equals the one-pass state up to
 * rounding (≈1e-15 relative), with no catastrophic cancellation.
 *
 * Metrics: MAE `Σw|r|/W`; MSE `Σw r²/W`; RMSE `√MSE`; MSLE `Σw(Δln)²/W`;
 * MAPE `Σw|r|/max(|y|,ε)/W`; max error `max|r|` (weights ignored, as
 * scikit-learn's `max_error` takes none); R² `1 − Σw r² / M2_y`; explained
 * variance `1 − M2_r / M2_y`.
 *
 * The median absolute error is not a function of mergeable moments. It is
 * available only with `keepResiduals: true`, which gathers every |r| (merge
 * concatenates them) and computes the (weighted) median on demand.
 *
 * @example
 * ```ts
 * import { RegressionAccumulator } from '@assay/core-metrics';
 * const a = new RegressionAccumulator();
 * a.update(new Float64Array([3, -0.5]), new Float64Array([2.5, 0]));
 * const b = new RegressionAccumulator();
 * b.update(new Float64Array([2, 7]), new Float64Array([2, 8]));
 * a.merge(b).r2Score(); // 0.9486…, as r2Score([3, -0.5, 2, 7], [2.5, 0, 2, 8])
 * ```
 * @see https://scikit-learn.org/1.2/modules/classes.html#regression-metrics
 */
export class RegressionAccumulator {
  private readonly keepResiduals: boolean;
  private readonly squaredLog: boolean;
  private state: RegressionMoments;

  /**
   * @param options - see {@link RegressionAccumulatorOptions}
   */
  constructor(options: RegressionAccumulatorOptions = {}) {
    checkOptions(options, 'RegressionAccumulator', ACCUMULATOR_KEYS);
    this.keepResiduals = checkBoolean(options.keepResiduals, false, 'options.keepResiduals');
    this.squaredLog = checkBoolean(options.squaredLog, true, 'options.squaredLog');
    this.state = emptyMoments(this.keepResiduals);
  }

  /** Rows seen so far (including zero-weight rows). */
  get rows(): number {
    return this.state.count;
  }

  /**
   * Adds rows. The hot path for workers: typed arrays in, no copies.
   *
   * @param yTrue - true targets
   * @param yPred - predictions, same length
   * @param weight - per-row weights (finite, ≥ 0), or null/undefined for 1
   * @param rows - row indices to add (e.g. one fold), or null/undefined for all
   * @returns this accumulator
   * @throws {@link MetricInputError} `LENGTH_MISMATCH`, `NON_FINITE_VALUE` (naming
   *   the argument and row), `INVALID_WEIGHT` (negative or non-finite weight),
   *   `INVALID_INPUT` (path `rows`) for a row index outside the columns, naming its position
   */
  update(
    yTrue: Float64Array,
    yPred: Float64Array,
    weight?: Float64Array | null,
    rows?: Uint32Array | null,
  ): this {
    if (yPred.length !== yTrue.length || (weight != null && weight.length !== yTrue.length)) {
      const [name, length] =
        yPred.length !== yTrue.length ? ['yPred', yPred.length] : ['weight', weight!.length];
      throw new MetricInputError(
        'LENGTH_MISMATCH',
        `${name} has ${length} values but yTrue has ${yTrue.length}; they must have the same length.`,
        name,
      );
    }
    const w = weight ?? null;
    const selection = rows ?? null;
    const n = selection === null ? yTrue.length : selection.length;
    for (let start = 0; start < n; start += BLOCK) {
      const end = Math.min(n, start + BLOCK);
      addBlock(this.state, yTrue, yPred, w, selection, start, end, this.squaredLog);
    }
    return this;
  }

  /**
   * Folds another accumulator's rows into this one.
   *
   * @param other - the state to add (left unchanged)
   * @returns this accumulator
   * @throws {@link MetricInputError} `INVALID_STATE` when one keeps residuals (or the squared
   *   log differences) and the other does not
   */
  merge(other: RegressionAccumulator): this {
    if (this.keepResiduals !== other.keepResiduals) {
      throw new MetricInputError(
        'INVALID_STATE',
        `Cannot merge a RegressionAccumulator with keepResiduals ${other.keepResiduals} into one with keepResiduals ${this.keepResiduals}; both must agree.`,
        'other',
      );
    }
    if (this.squaredLog !== other.squaredLog) {
      throw new MetricInputError(
        'INVALID_STATE',
        `Cannot merge a RegressionAccumulator with squaredLog ${other.squaredLog} into one with squaredLog ${this.squaredLog}; both must agree.`,
        'other',
      );
    }
    mergeMoments(this.state, other.state);
    return this;
  }

  private checkNotEmpty(metric: string): void {
    if (this.state.count > 0 && !(this.state.weightSum > 0)) {
      throw zeroWeightError(metric, this.state.count, isOneShot(this));
    }
    if (this.state.weightSum <= 0) {
      throw new MetricInputError(
        'EMPTY_INPUT',
        `${metric} needs at least one row of positive weight; this accumulator has ${this.state.count} rows and total weight ${this.state.weightSum}.`,
        'yTrue',
      );
    }
  }

  /**
   * @returns mean absolute error `Σw|r| / Σw`
   * @throws {@link MetricInputError} `EMPTY_INPUT` (no rows), `INVALID_WEIGHT` (weights sum to 0)
   */
  meanAbsoluteError(): number {
    this.checkNotEmpty('meanAbsoluteError');
    return this.state.sumAbs / this.state.weightSum;
  }

  /**
   * @returns mean squared error `Σw r² / Σw`
   * @throws {@link MetricInputError} `EMPTY_INPUT` (no rows), `INVALID_WEIGHT` (weights sum to 0)
   */
  meanSquaredError(): number {
    this.checkNotEmpty('meanSquaredError');
    return this.state.sumSquares / this.state.weightSum;
  }

  /**
   * @returns root mean squared error `√(Σw r² / Σw)`
   * @throws {@link MetricInputError} `EMPTY_INPUT` (no rows), `INVALID_WEIGHT` (weights sum to 0)
   */
  rootMeanSquaredError(): number {
    // checked here so that an error names rootMeanSquaredError, not meanSquaredError
    this.checkNotEmpty('rootMeanSquaredError');
    return Math.sqrt(this.meanSquaredError());
  }

  /**
   * @returns mean squared logarithmic error `Σw (ln(1+y) − ln(1+ŷ))² / Σw`
   * @throws {@link MetricInputError} `NEGATIVE_VALUE` when any yTrue or yPred was
   *   negative (as scikit-learn), `EMPTY_INPUT`, `INVALID_STATE` with `squaredLog: false`
   */
  meanSquaredLogError(): number {
    if (!this.squaredLog) {
      throw new MetricInputError(
        'INVALID_STATE',
        'meanSquaredLogError needs the squared log differences, which this accumulator skips; create the RegressionAccumulator with { squaredLog: true } (the default).',
        'squaredLog',
      );
    }
    this.checkNotEmpty('meanSquaredLogError');
    if (this.state.minValue < 0) {
      throw new MetricInputError(
        'NEGATIVE_VALUE',
        `meanSquaredLogError cannot be used when targets contain negative values (smallest value seen: ${this.state.minValue}); yTrue and yPred must be ≥ 0.`,
        'yTrue',
      );
    }
    return this.state.sumSquaredLog / this.state.weightSum;
  }

  /**
   * @returns mean absolute percentage error `Σw |r| / max(|y|, ε) / Σw`, ε = 2.2e-16
   *   (a fraction, not a percentage; huge when some `y` is 0, as scikit-learn)
   * @throws {@link MetricInputError} `EMPTY_INPUT` (no rows), `INVALID_WEIGHT` (weights sum to 0)
   */
  meanAbsolutePercentageError(): number {
    this.checkNotEmpty('meanAbsolutePercentageError');
    return this.state.sumPercentage / this.state.weightSum;
  }

  /**
   * @returns the largest absolute residual (weights ignored, so all-zero weights are fine)
   * @throws {@link MetricInputError} `EMPTY_INPUT` when no row was added
   */
  maxError(): number {
    if (this.state.count === 0) this.checkNotEmpty('maxError');
    return this.state.maxAbs;
  }

  /**
   * Coefficient of determination `R² = 1 − Σw r² / Σw (y − ȳ)²`.
   *
   * @param options - `forceFinite` (default true): a constant `yTrue` gives 1
   *   for perfect predictions and 0 otherwise, instead of NaN / −Infinity
   * @returns R²; NaN (with an `'UNDEFINED_METRIC'` warning) for fewer than two rows
   * @throws {@link MetricInputError} `EMPTY_INPUT` (no rows), `INVALID_WEIGHT` (weights sum to 0)
   */
  r2Score(options: ForceFiniteOptions = {}): number {
    checkOptions(options, 'RegressionAccumulator.r2Score', FORCE_FINITE_KEYS);
    const forceFinite = checkBoolean(options.forceFinite, true, 'options.forceFinite');
    this.checkNotEmpty('r2Score');
    if (this.state.count < 2) {
      emitMetricWarning({
        code: 'UNDEFINED_METRIC',
        metric: 'r2Score',
        message: 'R² score is not well-defined with less than two samples; returning NaN.',
      });
      return Number.NaN;
    }
    return assemble(this.state.sumSquares, this.state.m2True, forceFinite);
  }

  /**
   * Explained variance `1 − Var_w(r) / Var_w(y)`.
   *
   * @param options - `forceFinite` as {@link RegressionAccumulator.r2Score}
   * @returns the explained variance score
   * @throws {@link MetricInputError} `EMPTY_INPUT` (no rows), `INVALID_WEIGHT` (weights sum to 0)
   */
  explainedVarianceScore(options: ForceFiniteOptions = {}): number {
    checkOptions(options, 'RegressionAccumulator.explainedVarianceScore', FORCE_FINITE_KEYS);
    const forceFinite = checkBoolean(options.forceFinite, true, 'options.forceFinite');
    this.checkNotEmpty('explainedVarianceScore');
    return assemble(
      this.state.m2Residual / this.state.weightSum,
      this.state.m2True / this.state.weightSum,
      forceFinite,
    );
  }

  /**
   * Median absolute error from the gathered residuals (needs `keepResiduals`).
   * Unweighted: numpy's median (mean of the two middle values for an even
   * count). Weighted: scikit-learn's `_weighted_percentile` at 50 — the smallest
   * |r| whose cumulative weight reaches half the total.
   *
   * @returns the median absolute error
   * @throws {@link MetricInputError} `INVALID_STATE` without `keepResiduals`, `EMPTY_INPUT`
   */
  medianAbsoluteError(): number {
    if (this.state.residuals === null) {
      throw new MetricInputError(
        'INVALID_STATE',
        'medianAbsoluteError is not mergeable from moments; create the RegressionAccumulator with { keepResiduals: true } to gather residuals.',
        'keepResiduals',
      );
    }
    this.checkNotEmpty('medianAbsoluteError');
    return medianOfAbsolute(
      Float64Array.from(this.state.residuals),
      this.state.residualWeights === null ? null : Float64Array.from(this.state.residualWeights),
    );
  }

  /**
   * @returns a JSON-safe snapshot; restore with {@link RegressionAccumulator.fromJSON}
   */
  toJSON(): RegressionAccumulatorJSON {
    const { minValue, residuals, residualWeights, ...moments } = this.state;
    return {
      kind: 'RegressionAccumulator',
      version: 1,
      ...moments,
      sumSquaredLog: this.squaredLog ? moments.sumSquaredLog : null,
      minValue: Number.isFinite(minValue) ? minValue : null,
      residuals: residuals === null ? null : [...residuals],
      residualWeights: residualWeights === null ? null : [...residualWeights],
    };
  }

  /**
   * Restores a snapshot made by {@link RegressionAccumulator.toJSON} (e.g. from a worker or
   * a file), validating every field, the fields against each other (count 0 means no weight,
   * moments or smallest value) and that it has no field toJSON() does not write.
   *
   * @param json - the parsed snapshot
   * @returns a new accumulator
   * @throws {@link MetricInputError} `INVALID_STATE` naming the bad (or unknown) field
   */
  static fromJSON(json: unknown): RegressionAccumulator {
    const state = validateRegressionAccumulatorJSON(json);
    const acc = new RegressionAccumulator({
      keepResiduals: state.residuals !== null,
      squaredLog: state.sumSquaredLog !== null,
    });
    acc.state = {
      count: state.count,
      weightSum: state.weightSum,
      meanTrue: state.meanTrue,
      m2True: state.m2True,
      meanResidual: state.meanResidual,
      m2Residual: state.m2Residual,
      sumAbs: state.sumAbs,
      sumSquares: state.sumSquares,
      sumSquaredLog: state.sumSquaredLog ?? 0,
      sumPercentage: state.sumPercentage,
      maxAbs: state.maxAbs,
      minValue: state.minValue ?? Number.POSITIVE_INFINITY,
      residuals: state.residuals === null ? null : [...state.residuals],
      residualWeights: state.residualWeights === null ? null : [...state.residualWeights],
    };
    return acc;
  }
}

/** scikit-learn's `_assemble_r2_explained_variance` for one output. */
function assemble(numerator: number, denominator: number, forceFinite: boolean): number {
  if (!forceFinite) return 1 - numerator / denominator;
  if (numerator === 0) return 1;
  if (denominator === 0) return 0;
  return 1 - numerator / denominator;
}
