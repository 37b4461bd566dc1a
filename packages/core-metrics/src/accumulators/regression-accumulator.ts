import { MetricInputError } from '../errors.js';
import { medianOfAbsolute } from '../kernels/median-of-absolute.js';
import { emitMetricWarning } from '../warnings.js';
import {
  type RegressionAccumulatorJSON,
  validateRegressionAccumulatorJSON,
} from './regression-accumulator-json.js';

/** Options of {@link RegressionAccumulator}. */
export interface RegressionAccumulatorOptions {
  /**
   * Keep every |residual| (and weight) so that `medianAbsoluteError()` can be
   * answered. Off by default: the median is not mergeable from moments, so this
   * costs memory (16 bytes a row) and makes `toJSON()` grow with the data.
   */
  readonly keepResiduals?: boolean;
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
const EPSILON = Number.EPSILON;

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
  private count = 0;
  private weightSum = 0;
  private meanTrue = 0;
  private m2True = 0;
  private meanResidual = 0;
  private m2Residual = 0;
  private sumAbs = 0;
  private sumSquares = 0;
  private sumSquaredLog = 0;
  private sumPercentage = 0;
  private maxAbs = 0;
  private minValue = Number.POSITIVE_INFINITY;
  private readonly keepResiduals: boolean;
  private residuals: number[] | null;
  private residualWeights: number[] | null = null;

  /**
   * @param options - see {@link RegressionAccumulatorOptions}
   */
  constructor(options: RegressionAccumulatorOptions = {}) {
    this.keepResiduals = options.keepResiduals ?? false;
    this.residuals = this.keepResiduals ? [] : null;
  }

  /** Rows seen so far (including zero-weight rows). */
  get rows(): number {
    return this.count;
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
   *   the argument and row), `INVALID_WEIGHT` (negative or non-finite weight)
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
      this.updateBlock(yTrue, yPred, w, selection, start, Math.min(n, start + BLOCK));
    }
    return this;
  }

  private updateBlock(
    yTrue: Float64Array,
    yPred: Float64Array,
    weight: Float64Array | null,
    rows: Uint32Array | null,
    start: number,
    end: number,
  ): void {
    let sw = 0;
    let swy = 0;
    let swr = 0;
    let sAbs = 0;
    let sSq = 0;
    let sLog = 0;
    let sPct = 0;
    let maxAbs = this.maxAbs;
    let minValue = this.minValue;
    for (let j = start; j < end; j++) {
      const i = rows === null ? j : rows[j]!;
      const y = yTrue[i]!;
      const p = yPred[i]!;
      const w = weight === null ? 1 : weight[i]!;
      if (y - y !== 0 || p - p !== 0 || !(w >= 0) || w === Number.POSITIVE_INFINITY) {
        this.rejectRow(y, p, w, i);
      }
      const r = y - p;
      const a = Math.abs(r);
      // Negative values make MSLE an error (minValue records them); keep the sum finite.
      const d = y >= 0 && p >= 0 ? Math.log1p(y) - Math.log1p(p) : 0;
      sw += w;
      swy += w * y;
      swr += w * r;
      sAbs += w * a;
      sSq += w * r * r;
      sLog += w * d * d;
      sPct += (w * a) / Math.max(Math.abs(y), EPSILON);
      if (a > maxAbs) maxAbs = a;
      if (y < minValue) minValue = y;
      if (p < minValue) minValue = p;
      if (this.residuals !== null) {
        this.residuals.push(a);
        if (weight !== null || this.residualWeights !== null) {
          this.residualWeights ??= new Array<number>(this.residuals.length - 1).fill(1);
          this.residualWeights.push(w);
        }
      }
    }
    this.count += end - start;
    this.maxAbs = maxAbs;
    this.minValue = minValue;
    this.sumAbs += sAbs;
    this.sumSquares += sSq;
    this.sumSquaredLog += sLog;
    this.sumPercentage += sPct;
    if (sw === 0) return;
    const my = swy / sw;
    const mr = swr / sw;
    let m2y = 0;
    let m2r = 0;
    for (let j = start; j < end; j++) {
      const i = rows === null ? j : rows[j]!;
      const w = weight === null ? 1 : weight[i]!;
      const dy = yTrue[i]! - my;
      const dr = yTrue[i]! - yPred[i]! - mr;
      m2y += w * dy * dy;
      m2r += w * dr * dr;
    }
    this.combine(sw, my, m2y, mr, m2r);
  }

  private rejectRow(y: number, p: number, w: number, row: number): never {
    const [name, value] = y - y !== 0 ? ['yTrue', y] : p - p !== 0 ? ['yPred', p] : ['weight', w];
    throw new MetricInputError(
      name === 'weight' ? 'INVALID_WEIGHT' : 'NON_FINITE_VALUE',
      name === 'weight'
        ? `weight has ${value} at row ${row}; sample weights must be finite and non-negative.`
        : `${name} has ${value} at row ${row}; every value must be a finite number.`,
      name,
    );
  }

  /** Chan et al.'s pairwise update of (W, mean, M2) for yTrue and the residual. */
  private combine(wb: number, my: number, m2y: number, mr: number, m2r: number): void {
    const wa = this.weightSum;
    const w = wa + wb;
    const dy = my - this.meanTrue;
    const dr = mr - this.meanResidual;
    this.meanTrue += (dy * wb) / w;
    this.meanResidual += (dr * wb) / w;
    this.m2True += m2y + (dy * dy * wa * wb) / w;
    this.m2Residual += m2r + (dr * dr * wa * wb) / w;
    this.weightSum = w;
  }

  /**
   * Folds another accumulator's rows into this one.
   *
   * @param other - the state to add (left unchanged)
   * @returns this accumulator
   * @throws {@link MetricInputError} `INVALID_STATE` when one keeps residuals and the other does not
   */
  merge(other: RegressionAccumulator): this {
    if (this.keepResiduals !== other.keepResiduals) {
      throw new MetricInputError(
        'INVALID_STATE',
        `Cannot merge a RegressionAccumulator with keepResiduals ${other.keepResiduals} into one with keepResiduals ${this.keepResiduals}; both must agree.`,
        'other',
      );
    }
    this.count += other.count;
    this.sumAbs += other.sumAbs;
    this.sumSquares += other.sumSquares;
    this.sumSquaredLog += other.sumSquaredLog;
    this.sumPercentage += other.sumPercentage;
    this.maxAbs = Math.max(this.maxAbs, other.maxAbs);
    this.minValue = Math.min(this.minValue, other.minValue);
    if (other.weightSum > 0) {
      this.combine(
        other.weightSum,
        other.meanTrue,
        other.m2True,
        other.meanResidual,
        other.m2Residual,
      );
    }
    if (this.residuals !== null && other.residuals !== null) {
      if (this.residualWeights !== null || other.residualWeights !== null) {
        this.residualWeights ??= new Array<number>(this.residuals.length).fill(1);
        for (let i = 0; i < other.residuals.length; i++) {
          this.residualWeights.push(other.residualWeights?.[i] ?? 1);
        }
      }
      for (const a of other.residuals) this.residuals.push(a);
    }
    return this;
  }

  private checkNotEmpty(metric: string): void {
    if (this.weightSum <= 0) {
      throw new MetricInputError(
        'EMPTY_INPUT',
        `${metric} needs at least one row of positive weight; this accumulator has ${this.count} rows and total weight ${this.weightSum}.`,
        'yTrue',
      );
    }
  }

  /**
   * @returns mean absolute error `Σw|r| / Σw`
   * @throws {@link MetricInputError} `EMPTY_INPUT`
   */
  meanAbsoluteError(): number {
    this.checkNotEmpty('meanAbsoluteError');
    return this.sumAbs / this.weightSum;
  }

  /**
   * @returns mean squared error `Σw r² / Σw`
   * @throws {@link MetricInputError} `EMPTY_INPUT`
   */
  meanSquaredError(): number {
    this.checkNotEmpty('meanSquaredError');
    return this.sumSquares / this.weightSum;
  }

  /**
   * @returns root mean squared error `√(Σw r² / Σw)`
   * @throws {@link MetricInputError} `EMPTY_INPUT`
   */
  rootMeanSquaredError(): number {
    return Math.sqrt(this.meanSquaredError());
  }

  /**
   * @returns mean squared logarithmic error `Σw (ln(1+y) − ln(1+ŷ))² / Σw`
   * @throws {@link MetricInputError} `NEGATIVE_VALUE` when any yTrue or yPred was
   *   negative (as scikit-learn), `EMPTY_INPUT`
   */
  meanSquaredLogError(): number {
    this.checkNotEmpty('meanSquaredLogError');
    if (this.minValue < 0) {
      throw new MetricInputError(
        'NEGATIVE_VALUE',
        `meanSquaredLogError cannot be used when targets contain negative values (smallest value seen: ${this.minValue}); yTrue and yPred must be ≥ 0.`,
        'yTrue',
      );
    }
    return this.sumSquaredLog / this.weightSum;
  }

  /**
   * @returns mean absolute percentage error `Σw |r| / max(|y|, ε) / Σw`, ε = 2.2e-16
   *   (a fraction, not a percentage; huge when some `y` is 0, as scikit-learn)
   * @throws {@link MetricInputError} `EMPTY_INPUT`
   */
  meanAbsolutePercentageError(): number {
    this.checkNotEmpty('meanAbsolutePercentageError');
    return this.sumPercentage / this.weightSum;
  }

  /**
   * @returns the largest absolute residual (weights ignored)
   * @throws {@link MetricInputError} `EMPTY_INPUT` when no row was added
   */
  maxError(): number {
    if (this.count === 0) this.checkNotEmpty('maxError');
    return this.maxAbs;
  }

  /**
   * Coefficient of determination `R² = 1 − Σw r² / Σw (y − ȳ)²`.
   *
   * @param options - `forceFinite` (default true): a constant `yTrue` gives 1
   *   for perfect predictions and 0 otherwise, instead of NaN / −Infinity
   * @returns R²; NaN (with an `'UNDEFINED_METRIC'` warning) for fewer than two rows
   * @throws {@link MetricInputError} `EMPTY_INPUT`
   */
  r2Score(options: ForceFiniteOptions = {}): number {
    this.checkNotEmpty('r2Score');
    if (this.count < 2) {
      emitMetricWarning({
        code: 'UNDEFINED_METRIC',
        metric: 'r2Score',
        message: 'R² score is not well-defined with less than two samples; returning NaN.',
      });
      return Number.NaN;
    }
    return assemble(this.sumSquares, this.m2True, options.forceFinite ?? true);
  }

  /**
   * Explained variance `1 − Var_w(r) / Var_w(y)`.
   *
   * @param options - `forceFinite` as {@link RegressionAccumulator.r2Score}
   * @returns the explained variance score
   * @throws {@link MetricInputError} `EMPTY_INPUT`
   */
  explainedVarianceScore(options: ForceFiniteOptions = {}): number {
    this.checkNotEmpty('explainedVarianceScore');
    return assemble(
      this.m2Residual / this.weightSum,
      this.m2True / this.weightSum,
      options.forceFinite ?? true,
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
    if (this.residuals === null) {
      throw new MetricInputError(
        'INVALID_STATE',
        'medianAbsoluteError is not mergeable from moments; create the RegressionAccumulator with { keepResiduals: true } to gather residuals.',
        'keepResiduals',
      );
    }
    this.checkNotEmpty('medianAbsoluteError');
    return medianOfAbsolute(
      Float64Array.from(this.residuals),
      this.residualWeights === null ? null : Float64Array.from(this.residualWeights),
    );
  }

  /**
   * @returns a JSON-safe snapshot; restore with {@link RegressionAccumulator.fromJSON}
   */
  toJSON(): RegressionAccumulatorJSON {
    return {
      kind: 'RegressionAccumulator',
      version: 1,
      count: this.count,
      weightSum: this.weightSum,
      meanTrue: this.meanTrue,
      m2True: this.m2True,
      meanResidual: this.meanResidual,
      m2Residual: this.m2Residual,
      sumAbs: this.sumAbs,
      sumSquares: this.sumSquares,
      sumSquaredLog: this.sumSquaredLog,
      sumPercentage: this.sumPercentage,
      maxAbs: this.maxAbs,
      minValue: Number.isFinite(this.minValue) ? this.minValue : null,
      residuals: this.residuals === null ? null : [...this.residuals],
      residualWeights: this.residualWeights === null ? null : [...this.residualWeights],
    };
  }

  /**
   * Restores a snapshot made by {@link RegressionAccumulator.toJSON} (e.g. sent
   * from a worker or read from a file), validating every field.
   *
   * @param json - the parsed snapshot
   * @returns a new accumulator
   * @throws {@link MetricInputError} `INVALID_STATE` naming the bad field
   */
  static fromJSON(json: unknown): RegressionAccumulator {
    const state = validateRegressionAccumulatorJSON(json);
    const acc = new RegressionAccumulator({ keepResiduals: state.residuals !== null });
    acc.count = state.count;
    acc.weightSum = state.weightSum;
    acc.meanTrue = state.meanTrue;
    acc.m2True = state.m2True;
    acc.meanResidual = state.meanResidual;
    acc.m2Residual = state.m2Residual;
    acc.sumAbs = state.sumAbs;
    acc.sumSquares = state.sumSquares;
    acc.sumSquaredLog = state.sumSquaredLog;
    acc.sumPercentage = state.sumPercentage;
    acc.maxAbs = state.maxAbs;
    acc.minValue = state.minValue ?? Number.POSITIVE_INFINITY;
    acc.residuals = state.residuals === null ? null : [...state.residuals];
    acc.residualWeights = state.residualWeights === null ? null : [...state.residualWeights];
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
