import { MetricInputError } from '../errors.js';
import { checkSameLength, type NumericInput, toFloat64Column } from './numeric-column.js';

/**
 * Validates an optional `sampleWeight` column: same length as the targets,
 * finite, non-negative, with a positive sum.
 *
 * @param values - the weights, or null/undefined for unit weights
 * @param rows - the number of target rows
 * @param argument - name for messages
 * @param positiveSum - reject an all-zero weight vector (false where the caller decides,
 *   as the regression accumulator, whose `maxError` takes no weights)
 * @returns the weights as a Float64Array, or null
 * @throws {@link MetricInputError} `LENGTH_MISMATCH`, `NON_FINITE_VALUE`,
 *   `MISSING_VALUE`, `INVALID_WEIGHT` (negative weight, naming the row, or an
 *   all-zero weight vector)
 * @example
 * ```ts
 * toWeightColumn(undefined, 2); // null
 * toWeightColumn([1, 3], 2); // Float64Array [1, 3]
 * toWeightColumn([0, 0], 2, 'weight', false); // Float64Array [0, 0] (positiveSum off)
 * ```
 */
export function toWeightColumn(
  values: NumericInput | null | undefined,
  rows: number,
  argument = 'options.sampleWeight',
  positiveSum = true,
): Float64Array | null {
  if (values === null || values === undefined) return null;
  const weight = toFloat64Column(values, argument);
  checkSameLength(['yTrue', rows], [argument, weight.length]);
  let sum = 0;
  for (let i = 0; i < weight.length; i++) {
    const w = weight[i]!;
    if (w < 0) {
      throw new MetricInputError(
        'INVALID_WEIGHT',
        `${argument} has ${w} at row ${i}; sample weights must be finite and non-negative.`,
        argument,
      );
    }
    sum += w;
  }
  if (positiveSum && sum <= 0) {
    throw new MetricInputError(
      'INVALID_WEIGHT',
      `${argument} sums to 0; at least one sample weight must be positive.`,
      argument,
    );
  }
  return weight;
}
