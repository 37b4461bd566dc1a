import { MetricInputError } from '../errors.js';
import { type NumericInput, toFloat64Column } from '../input/numeric-column.js';
import type { OptionKeys } from '../input/option-keys.js';
import { showValue } from './average-option.js';

/**
 * The option names of metrics whose only option is `sampleWeight`.
 *
 * @example
 * ```ts
 * SAMPLE_WEIGHT_KEYS; // { sampleWeight: true }
 * ```
 */
export const SAMPLE_WEIGHT_KEYS: OptionKeys<{ sampleWeight?: NumericInput }> = {
  sampleWeight: true,
};

/**
 * Validates `options.sampleWeight`: finite, non-negative, one per row.
 *
 * @param sampleWeight - the option value
 * @param nRows - expected length
 * @returns the weights as a Float64Array, or null when not given
 * @throws {@link MetricInputError} `INVALID_OPTION` (not an array-like), `LENGTH_MISMATCH`,
 *   `EMPTY_INPUT`, `MISSING_VALUE`, `NON_FINITE_VALUE` or `INVALID_WEIGHT` (negative), naming
 *   the row
 * @example
 * ```ts
 * checkSampleWeight(undefined, 3); // null
 * checkSampleWeight([1, 0, 2], 3); // Float64Array [1, 0, 2]
 * try { checkSampleWeight([1, -1], 2); } catch (error) {
 *   error.message; // 'options.sampleWeight has the negative weight -1 at row 1; sample weights must be >= 0.'
 * }
 * ```
 */
export function checkSampleWeight(sampleWeight: unknown, nRows: number): Float64Array | null {
  if (sampleWeight === undefined || sampleWeight === null) return null;
  const argument = 'options.sampleWeight';
  if (
    typeof sampleWeight !== 'object' ||
    typeof (sampleWeight as ArrayLike<unknown>).length !== 'number'
  ) {
    throw new MetricInputError(
      'INVALID_OPTION',
      `${argument} is ${showValue(sampleWeight)}; it must be an array, typed array or Arrow vector of one non-negative weight per row.`,
      argument,
    );
  }
  const weights = toFloat64Column(sampleWeight as NumericInput, argument);
  if (weights.length !== nRows) {
    throw new MetricInputError(
      'LENGTH_MISMATCH',
      `${argument} has ${weights.length} values but yTrue has ${nRows}; give one weight per row.`,
      argument,
    );
  }
  for (let i = 0; i < weights.length; i++) {
    if (weights[i]! < 0) {
      throw new MetricInputError(
        'INVALID_WEIGHT',
        `${argument} has the negative weight ${weights[i]} at row ${i}; sample weights must be >= 0.`,
        argument,
      );
    }
  }
  return weights;
}
