import { MetricInputError } from '../errors.js';

/** Serialized {@link RegressionAccumulator} (JSON-safe: no Infinity/NaN). */
export interface RegressionAccumulatorJSON {
  readonly kind: 'RegressionAccumulator';
  readonly version: 1;
  /** Rows seen (including zero-weight rows). */
  readonly count: number;
  /** Σ w. */
  readonly weightSum: number;
  /** Weighted mean of yTrue. */
  readonly meanTrue: number;
  /** Σ w (y − mean)². */
  readonly m2True: number;
  /** Weighted mean of the residual r = y − ŷ. */
  readonly meanResidual: number;
  /** Σ w (r − mean_r)². */
  readonly m2Residual: number;
  /** Σ w |r|. */
  readonly sumAbs: number;
  /** Σ w r². */
  readonly sumSquares: number;
  /**
   * Σ w (ln(1 + y) − ln(1 + ŷ))² (meaningful only when no value is negative), or null from an
   * accumulator made with `squaredLog: false`.
   */
  readonly sumSquaredLog: number | null;
  /** Σ w |r| / max(|y|, ε). */
  readonly sumPercentage: number;
  /** max |r| over all rows. */
  readonly maxAbs: number;
  /** Smallest yTrue or yPred seen, or null when none. */
  readonly minValue: number | null;
  /** Kept |residuals| (with `keepResiduals`), else null. */
  readonly residuals: number[] | null;
  /** Weights of the kept residuals, or null when all rows had weight 1. */
  readonly residualWeights: number[] | null;
}

const NUMBER_FIELDS = [
  'count',
  'weightSum',
  'meanTrue',
  'm2True',
  'meanResidual',
  'm2Residual',
  'sumAbs',
  'sumSquares',
  'sumPercentage',
  'maxAbs',
] as const;

/** Every field of a snapshot, in the order toJSON() writes them. */
const FIELDS: readonly string[] = [
  'kind',
  'version',
  ...NUMBER_FIELDS,
  'sumSquaredLog',
  'minValue',
  'residuals',
  'residualWeights',
];

/** The sums and moments that a snapshot of no rows has at 0, as a new accumulator does. */
const ZERO_WHEN_EMPTY = [
  'weightSum',
  'meanTrue',
  'm2True',
  'meanResidual',
  'm2Residual',
  'sumAbs',
  'sumSquares',
  'sumSquaredLog',
  'sumPercentage',
  'maxAbs',
] as const;

type Bad = (field: string, want: string) => never;

/**
 * Refuses fields that fit each other in no state that update() and merge() can reach: a
 * snapshot of no rows (count 0) with a weight, a moment or a smallest value, or one of some
 * rows without a smallest value.
 */
function checkConsistent(o: Record<string, unknown>, bad: Bad): void {
  if (o.count === 0) {
    for (const field of ZERO_WHEN_EMPTY) {
      const v = o[field];
      if (v !== null && v !== 0) bad(field, `0 when count is 0 (no rows seen), not ${String(v)}`);
    }
    if (o.minValue !== null) bad('minValue', 'null when count is 0 (no rows seen)');
  } else if (o.minValue === null) {
    bad('minValue', `a finite number when count is ${String(o.count)} (the smallest value seen)`);
  }
}

/**
 * Checks a parsed {@link RegressionAccumulatorJSON} field by field, then the fields against
 * each other; a key that toJSON() does not write is refused, not dropped.
 *
 * @param json - a value parsed from `JSON.stringify(accumulator)`
 * @returns the state, with residual lists normalised to null when absent
 * @throws {@link MetricInputError} `INVALID_STATE` naming the bad field and what it must be
 * @example
 * ```ts
 * const json = JSON.parse(JSON.stringify(new RegressionAccumulator().update([1, 2], [1, 3])));
 * validateRegressionAccumulatorJSON(json).count; // 2
 * try { validateRegressionAccumulatorJSON({ ...json, version: 2 }); } catch (error) {
 *   error.message; // 'RegressionAccumulator.fromJSON: field version is invalid; it must be 1.'
 * }
 * try { validateRegressionAccumulatorJSON({ ...json, count: 0 }); } catch (error) {
 *   error.message; // 'RegressionAccumulator.fromJSON: field weightSum is invalid; it must be 0 when count is 0 (no rows seen), not 2.'
 * }
 * ```
 */
export function validateRegressionAccumulatorJSON(json: unknown): RegressionAccumulatorJSON {
  const bad = (field: string, want: string): never => {
    throw new MetricInputError(
      'INVALID_STATE',
      `RegressionAccumulator.fromJSON: field ${field} is invalid; it must be ${want}.`,
      field,
    );
  };
  if (typeof json !== 'object' || json === null) bad('(root)', 'an object from toJSON()');
  const o = json as Record<string, unknown>;
  if (o.kind !== 'RegressionAccumulator') bad('kind', "'RegressionAccumulator'");
  if (o.version !== 1) bad('version', '1');
  for (const key of Object.keys(o)) {
    if (!FIELDS.includes(key)) {
      bad(key, `absent: a snapshot from toJSON() has only the fields ${FIELDS.join(', ')}`);
    }
  }
  for (const field of NUMBER_FIELDS) {
    const v = o[field];
    if (typeof v !== 'number' || !Number.isFinite(v)) bad(field, 'a finite number');
  }
  const log = o.sumSquaredLog;
  if (log !== null && (typeof log !== 'number' || !Number.isFinite(log))) {
    bad('sumSquaredLog', 'a finite number, or null (an accumulator without squaredLog)');
  }
  const count = o.count as number;
  if (!Number.isInteger(count) || count < 0) bad('count', 'a non-negative integer');
  for (const field of ['weightSum', 'm2True', 'm2Residual', 'sumAbs', 'sumSquares', 'maxAbs']) {
    if ((o[field] as number) < 0) bad(field, 'non-negative');
  }
  if (o.minValue !== null && (typeof o.minValue !== 'number' || !Number.isFinite(o.minValue))) {
    bad('minValue', 'a finite number or null');
  }
  const list = (field: string): number[] | null => {
    const v = o[field];
    if (v === null || v === undefined) return null;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'number' || !Number.isFinite(x) || x < 0)) {
      return bad(field, 'null or an array of finite non-negative numbers');
    }
    return v as number[];
  };
  const residuals = list('residuals');
  const residualWeights = list('residualWeights');
  if (residuals !== null && residuals.length !== count)
    bad('residuals', `an array of ${count} values`);
  if (residualWeights !== null && residualWeights.length !== (residuals?.length ?? -1)) {
    bad('residualWeights', 'null or as long as residuals');
  }
  checkConsistent(o, bad);
  return { ...(o as unknown as RegressionAccumulatorJSON), residuals, residualWeights };
}
