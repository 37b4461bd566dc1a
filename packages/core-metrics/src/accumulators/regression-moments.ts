import { MetricInputError } from '../errors.js';

const EPSILON = Number.EPSILON;

/**
 * The mergeable state of `RegressionAccumulator`: weighted moments of yTrue and of the
 * residual `r = y − ŷ`, the sums behind MAE, MSE, MSLE and MAPE, and (with
 * `keepResiduals`) every |r|. The fields are those of `RegressionAccumulatorJSON`.
 */
export interface RegressionMoments {
  /** Rows seen (including zero-weight rows). */
  count: number;
  /** Σ w. */
  weightSum: number;
  /** Weighted mean of yTrue. */
  meanTrue: number;
  /** Σ w (y − mean)². */
  m2True: number;
  /** Weighted mean of the residual. */
  meanResidual: number;
  /** Σ w (r − mean_r)². */
  m2Residual: number;
  /** Σ w |r|. */
  sumAbs: number;
  /** Σ w r². */
  sumSquares: number;
  /** Σ w (ln(1 + y) − ln(1 + ŷ))² (meaningful only when no value is negative). */
  sumSquaredLog: number;
  /** Σ w |r| / max(|y|, ε). */
  sumPercentage: number;
  /** max |r|. */
  maxAbs: number;
  /** Smallest yTrue or yPred seen (+Infinity when none). */
  minValue: number;
  /** Kept |residuals|, or null without `keepResiduals`. */
  residuals: number[] | null;
  /** Weights of the kept residuals, or null while every row had weight 1. */
  residualWeights: number[] | null;
}

/**
 * The state of an accumulator that has seen no row.
 *
 * @param keepResiduals - whether |residuals| are gathered (for the median)
 * @returns the empty state
 * @example
 * ```ts
 * const state = emptyMoments(true);
 * state.minValue; // Infinity
 * state.residuals; // []
 * ```
 */
export function emptyMoments(keepResiduals: boolean): RegressionMoments {
  return {
    count: 0,
    weightSum: 0,
    meanTrue: 0,
    m2True: 0,
    meanResidual: 0,
    m2Residual: 0,
    sumAbs: 0,
    sumSquares: 0,
    sumSquaredLog: 0,
    sumPercentage: 0,
    maxAbs: 0,
    minValue: Number.POSITIVE_INFINITY,
    residuals: keepResiduals ? [] : null,
    residualWeights: null,
  };
}

function rejectRow(
  y: number,
  p: number,
  w: number,
  row: number,
  position: number,
  rows: Uint32Array | null,
  length: number,
): never {
  if (rows !== null && row >= length) {
    // yTrue[row] is undefined there: name the selection, not a value that does not exist
    const valid = length === 0 ? 'yTrue is empty' : `valid rows are 0..${length - 1}`;
    throw new MetricInputError(
      'INVALID_INPUT',
      `rows[${position}] = ${row} is outside the ${length} rows of yTrue and yPred (${valid}); rows must hold row indices into them.`,
      'rows',
    );
  }
  const [name, value] = y - y !== 0 ? ['yTrue', y] : p - p !== 0 ? ['yPred', p] : ['weight', w];
  throw new MetricInputError(
    name === 'weight' ? 'INVALID_WEIGHT' : 'NON_FINITE_VALUE',
    name === 'weight'
      ? `weight has ${value} at row ${row}; sample weights must be finite and non-negative.`
      : `${name} has ${value} at row ${row}; every value must be a finite number.`,
    name,
  );
}

/** Gathers |r| (and its weight once any row is weighted) for the median. */
function keepResidual(state: RegressionMoments, a: number, w: number, weighted: boolean): void {
  const residuals = state.residuals!;
  residuals.push(a);
  if (weighted || state.residualWeights !== null) {
    state.residualWeights ??= new Array<number>(residuals.length - 1).fill(1);
    state.residualWeights.push(w);
  }
}

/**
 * Chan et al.'s pairwise update of (W, mean, M2) for yTrue and the residual:
 * `M2 = M2_a + M2_b + δ²·W_a·W_b/W`.
 *
 * @param state - the state to fold into
 * @param wb - the other part's weight
 * @param my - its mean of yTrue
 * @param m2y - its M2 of yTrue
 * @param mr - its mean residual
 * @param m2r - its M2 of the residual
 * @example
 * ```ts
 * const state = emptyMoments(false);
 * addBlock(state, Float64Array.of(1, 3), Float64Array.of(1, 3), null, null, 0, 2); // W 2, mean 2, M2 2
 * combineMoments(state, 2, 4, 0, 0, 0); // another part: W 2, mean 4, M2 0
 * [state.weightSum, state.meanTrue, state.m2True]; // [4, 3, 6] (6 = 2 + 0 + 2²·2·2/4)
 * ```
 */
export function combineMoments(
  state: RegressionMoments,
  wb: number,
  my: number,
  m2y: number,
  mr: number,
  m2r: number,
): void {
  const wa = state.weightSum;
  const w = wa + wb;
  const dy = my - state.meanTrue;
  const dr = mr - state.meanResidual;
  state.meanTrue += (dy * wb) / w;
  state.meanResidual += (dr * wb) / w;
  state.m2True += m2y + (dy * dy * wa * wb) / w;
  state.m2Residual += m2r + (dr * dr * wa * wb) / w;
  state.weightSum = w;
}

/**
 * Adds rows `[start, end)` of a selection (one block) to the state: the sums in one pass,
 * then the block's exact two-pass mean and M2, folded in with {@link combineMoments}.
 *
 * @param state - the state to add to
 * @param yTrue - true targets
 * @param yPred - predictions
 * @param weight - per-row weights, or null for 1
 * @param rows - row indices, or null for every row
 * @param start - first position in the selection
 * @param end - one past the last
 * @param squaredLog - whether to add the squared log differences (MSLE); default true
 * @throws {@link MetricInputError} `NON_FINITE_VALUE`, `INVALID_WEIGHT` naming the row;
 *   `INVALID_INPUT` (path `rows`) for a row index past the columns' end
 * @example
 * ```ts
 * const state = emptyMoments(false);
 * addBlock(state, Float64Array.of(1, 2, 3), Float64Array.of(1, 2, 5), null, null, 0, 3);
 * [state.count, state.sumAbs, state.sumSquares, state.maxAbs]; // [3, 2, 4, 2]
 * ```
 */
export function addBlock(
  state: RegressionMoments,
  yTrue: Float64Array,
  yPred: Float64Array,
  weight: Float64Array | null,
  rows: Uint32Array | null,
  start: number,
  end: number,
  squaredLog = true,
): void {
  let sw = 0;
  let swy = 0;
  let swr = 0;
  let sAbs = 0;
  let sSq = 0;
  let sLog = 0;
  let sPct = 0;
  let maxAbs = state.maxAbs;
  let minValue = state.minValue;
  for (let j = start; j < end; j++) {
    const i = rows === null ? j : rows[j]!;
    const y = yTrue[i]!;
    const p = yPred[i]!;
    const w = weight === null ? 1 : weight[i]!;
    if (y - y !== 0 || p - p !== 0 || !(w >= 0) || w === Number.POSITIVE_INFINITY) {
      rejectRow(y, p, w, i, j, rows, yTrue.length);
    }
    const r = y - p;
    const a = Math.abs(r);
    // Negative values make MSLE an error (minValue records them); keep the sum finite. The
    // two logarithms are 5/6 of a row's time: skipped where MSLE is never read.
    const d = squaredLog && y >= 0 && p >= 0 ? Math.log1p(y) - Math.log1p(p) : 0;
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
    if (state.residuals !== null) keepResidual(state, a, w, weight !== null);
  }
  state.count += end - start;
  state.maxAbs = maxAbs;
  state.minValue = minValue;
  state.sumAbs += sAbs;
  state.sumSquares += sSq;
  state.sumSquaredLog += sLog;
  state.sumPercentage += sPct;
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
  combineMoments(state, sw, my, m2y, mr, m2r);
}

/**
 * Folds another state into `state` (the other is left unchanged); both must agree on
 * keeping residuals (the caller checks).
 *
 * @param state - the state to add to
 * @param other - the state to add
 * @example
 * ```ts
 * const a = emptyMoments(false);
 * addBlock(a, Float64Array.of(1, 3), Float64Array.of(2, 3), null, null, 0, 2);
 * mergeMoments(a, { ...emptyMoments(false), count: 1, weightSum: 1, meanTrue: 5 }); // one row y = ŷ = 5
 * [a.count, a.meanTrue, a.sumAbs]; // [3, 3, 1]
 * ```
 */
export function mergeMoments(state: RegressionMoments, other: RegressionMoments): void {
  state.count += other.count;
  state.sumAbs += other.sumAbs;
  state.sumSquares += other.sumSquares;
  state.sumSquaredLog += other.sumSquaredLog;
  state.sumPercentage += other.sumPercentage;
  state.maxAbs = Math.max(state.maxAbs, other.maxAbs);
  state.minValue = Math.min(state.minValue, other.minValue);
  if (other.weightSum > 0) {
    combineMoments(
      state,
      other.weightSum,
      other.meanTrue,
      other.m2True,
      other.meanResidual,
      other.m2Residual,
    );
  }
  if (state.residuals !== null && other.residuals !== null) {
    if (state.residualWeights !== null || other.residualWeights !== null) {
      state.residualWeights ??= new Array<number>(state.residuals.length).fill(1);
      for (let i = 0; i < other.residuals.length; i++) {
        state.residualWeights.push(other.residualWeights?.[i] ?? 1);
      }
    }
    for (const a of other.residuals) state.residuals.push(a);
  }
}
