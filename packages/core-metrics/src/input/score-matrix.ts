import { type ArrowVectorLike, firstNullRow, isArrowVector } from '@assay/labels';
import { MetricInputError } from '../errors.js';
import { checkColumn } from './check-column.js';
import { checkIntegerOption } from './number-option.js';
import type { NumericInput } from './numeric-column.js';

/**
 * An n×k score or probability matrix: one array per row (`number[][]`), or an
 * Arrow `FixedSizeList<Float>` vector (one list per row). A flat row-major
 * `Float64Array` is accepted too, with `options.nClasses` giving k.
 */
export type ScoreMatrixInput = ReadonlyArray<ArrayLike<number>> | ArrowVectorLike;

/** A validated row-major score matrix. */
export interface ScoreMatrix {
  /** Row-major values, `values[i * nClasses + j]`. */
  readonly values: Float64Array;
  /** Number of columns (classes). */
  readonly nClasses: number;
  /** Number of rows. */
  readonly nRows: number;
}

function isRowArray(values: unknown): values is ReadonlyArray<ArrayLike<number>> {
  if (!Array.isArray(values) || values.length === 0) return false;
  const first: unknown = values[0];
  return Array.isArray(first) || ArrayBuffer.isView(first);
}

function isListVector(values: unknown): values is ArrowVectorLike {
  return (
    isArrowVector(values) && typeof (values.type as { listSize?: unknown }).listSize === 'number'
  );
}

/**
 * Tells whether a score input is two-dimensional (rows of class scores).
 *
 * @param values - the score input
 * @param nClasses - `options.nClasses`, which marks a flat input as a matrix
 * @returns true for `number[][]`, Arrow list vectors, or any input with `nClasses`
 * @example
 * ```ts
 * isScoreMatrix([[0.2, 0.8]], undefined); // true
 * isScoreMatrix([0.2, 0.8], undefined); // false
 * isScoreMatrix([0.2, 0.8], 2); // true
 * ```
 */
export function isScoreMatrix(
  values: NumericInput | ScoreMatrixInput,
  nClasses: number | undefined,
): boolean {
  return nClasses !== undefined || isRowArray(values) || isListVector(values);
}

/**
 * Converts a score matrix input to a row-major Float64Array, checking shape and
 * finiteness.
 *
 * @param values - rows of scores, an Arrow list vector, or a flat array with `nClasses`
 * @param argument - the argument's name for messages
 * @param nClasses - width of a flat input
 * @param checkFinite - false when the caller runs {@link checkProbabilityRows}
 *   next, which also rejects NaN and ±Infinity (one pass instead of two)
 * @returns the validated matrix
 * @throws {@link MetricInputError} `EMPTY_INPUT`, `INVALID_SHAPE` (ragged rows,
 *   naming the row; flat length not a multiple of `nClasses`), `MISSING_VALUE`,
 *   `NON_FINITE_VALUE` (naming row and column), `INVALID_OPTION` (bad `nClasses`)
 * @example
 * ```ts
 * toScoreMatrix([[0.2, 0.8], [0.6, 0.4]], 'yScore'); // { values: [0.2, 0.8, 0.6, 0.4], nClasses: 2, nRows: 2 }
 * toScoreMatrix([0.2, 0.8, 0.6, 0.4], 'yScore', 2).nRows; // 2
 * ```
 */
export function toScoreMatrix(
  values: NumericInput | ScoreMatrixInput,
  argument: string,
  nClasses?: number,
  checkFinite = true,
): ScoreMatrix {
  let flat: Float64Array;
  let k: number;
  checkColumn(values, argument, 'scores');
  if (nClasses !== undefined) {
    k = checkIntegerOption(
      nClasses,
      1,
      'options.nClasses',
      `a positive integer (the width of the flat ${argument})`,
    );
    const source = isArrowVector(values) ? checkedArrow(values, argument) : values;
    flat = source instanceof Float64Array ? source : Float64Array.from(source as ArrayLike<number>);
    if (flat.length % k !== 0) {
      throw new MetricInputError(
        'INVALID_SHAPE',
        `${argument} has ${flat.length} values, not a multiple of options.nClasses = ${k}; a flat score matrix must hold nRows × nClasses values.`,
        argument,
      );
    }
  } else {
    const rows = isListVector(values)
      ? arrowRows(values, argument)
      : (values as ReadonlyArray<ArrayLike<number>>);
    if (rows.length === 0) {
      throw new MetricInputError(
        'EMPTY_INPUT',
        `${argument} is empty; at least one row is required.`,
        argument,
      );
    }
    k = rows[0]!.length;
    flat = new Float64Array(rows.length * k);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (row.length !== k) {
        throw new MetricInputError(
          'INVALID_SHAPE',
          `${argument} row ${i} has ${row.length} columns but row 0 has ${k}; every row must have one score per class.`,
          argument,
        );
      }
      for (let j = 0; j < k; j++) {
        const v = row[j];
        if (typeof v !== 'number') {
          throw new MetricInputError(
            'MISSING_VALUE',
            `${argument} has ${String(v)} at row ${i}, column ${j}; every score must be a finite number.`,
            argument,
          );
        }
        flat[i * k + j] = v;
      }
    }
  }
  if (flat.length === 0 || k === 0) {
    throw new MetricInputError(
      'EMPTY_INPUT',
      `${argument} is empty; at least one row is required.`,
      argument,
    );
  }
  for (let i = 0; checkFinite && i < flat.length; i++) {
    const v = flat[i]!;
    if (v - v !== 0) {
      throw new MetricInputError(
        'NON_FINITE_VALUE',
        `${argument} has ${v} at row ${Math.floor(i / k)}, column ${i % k}; every score must be a finite number.`,
        argument,
      );
    }
  }
  return { values: flat, nClasses: k, nRows: flat.length / k };
}

function checkedArrow(vector: ArrowVectorLike, argument: string): ArrayLike<unknown> {
  const nullRow = firstNullRow(vector);
  if (nullRow >= 0) {
    throw new MetricInputError(
      'MISSING_VALUE',
      `${argument} has a null at row ${nullRow}; every score must be a finite number.`,
      argument,
    );
  }
  return vector.toArray();
}

function arrowRows(vector: ArrowVectorLike, argument: string): ArrayLike<number>[] {
  const nullRow = firstNullRow(vector);
  if (nullRow >= 0) {
    throw new MetricInputError(
      'MISSING_VALUE',
      `${argument} has a null row at ${nullRow}; every row must hold one score per class.`,
      argument,
    );
  }
  const rows: ArrayLike<number>[] = [];
  for (let i = 0; i < vector.length; i++) {
    const row = vector.get(i) as ArrowVectorLike | ArrayLike<number>;
    rows.push(isArrowVector(row) ? (row.toArray() as ArrayLike<number>) : row);
  }
  return rows;
}

/**
 * Checks every value of a score matrix is a probability and every row sums
 * to 1 within numpy's `allclose` tolerance (`|s − 1| ≤ 1e-8 + 1e-5·|s|`), the
 * check scikit-learn applies to multiclass `roc_auc_score` input.
 *
 * @param matrix - the matrix to check
 * @param argument - the argument's name for messages
 * @throws {@link MetricInputError} `INVALID_PROBABILITY` (value outside [0, 1],
 *   naming row and column), `NON_FINITE_VALUE`, `PROBABILITIES_NOT_NORMALIZED`
 *   (naming the row and its sum)
 * @example
 * ```ts
 * checkProbabilityRows(toScoreMatrix([[0.2, 0.8]], 'yScore'), 'yScore'); // undefined
 * try { checkProbabilityRows(toScoreMatrix([[0.2, 0.7]], 'yScore'), 'yScore'); } catch (error) {
 *   error.code; // 'PROBABILITIES_NOT_NORMALIZED' (the row sums to 0.8999999999999999)
 * }
 * ```
 */
export function checkProbabilityRows(matrix: ScoreMatrix, argument: string): void {
  const { values, nClasses: k, nRows } = matrix;
  for (let i = 0; i < nRows; i++) {
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const v = values[i * k + j]!;
      if (!(v >= 0 && v <= 1)) {
        if (v - v !== 0) {
          throw new MetricInputError(
            'NON_FINITE_VALUE',
            `${argument} has ${v} at row ${i}, column ${j}; every score must be a finite number.`,
            argument,
          );
        }
        throw new MetricInputError(
          'INVALID_PROBABILITY',
          `${argument} has ${v} at row ${i}, column ${j}; probabilities must lie in [0, 1].`,
          argument,
        );
      }
      sum += v;
    }
    if (!(Math.abs(sum - 1) <= 1e-8 + 1e-5 * Math.abs(sum))) {
      throw new MetricInputError(
        'PROBABILITIES_NOT_NORMALIZED',
        `${argument} row ${i} sums to ${sum}; each row of class probabilities must sum to 1 (within 1e-5 relative, 1e-8 absolute).`,
        argument,
      );
    }
  }
}

/**
 * Checks a column of binary probabilities lies in [0, 1].
 *
 * @remarks
 * Expects finite values (as `toFloat64Column` returns): NaN passes unchecked.
 *
 * @param values - the probabilities
 * @param argument - the argument's name for messages
 * @throws {@link MetricInputError} `INVALID_PROBABILITY` naming the row
 * @example
 * ```ts
 * checkProbabilityColumn(Float64Array.of(0, 0.5, 1), 'yProb'); // undefined
 * try { checkProbabilityColumn(Float64Array.of(0.5, 1.5), 'yProb'); } catch (error) {
 *   error.message; // 'yProb has 1.5 at row 1; probabilities must lie in [0, 1].'
 * }
 * ```
 */
export function checkProbabilityColumn(values: Float64Array, argument: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < 0 || v > 1) {
      throw new MetricInputError(
        'INVALID_PROBABILITY',
        `${argument} has ${v} at row ${i}; probabilities must lie in [0, 1].`,
        argument,
      );
    }
  }
}
