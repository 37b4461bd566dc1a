import { describeValue } from '@assay/labels';
import { SplitError } from '../errors.js';

/**
 * Validates an integer option.
 *
 * @param value - the option as given
 * @param argument - its name, e.g. `'options.nSplits'`
 * @param min - smallest valid value
 * @param max - largest valid value
 * @returns the value
 * @throws {@link SplitError} `INVALID_OPTION` naming the option and the valid range
 */
export function checkInteger(
  value: unknown,
  argument: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range =
      max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer in [${min}, ${max}]`;
    throw new SplitError(
      'INVALID_OPTION',
      `${argument} must be ${range}, got ${describeValue(value)}.`,
      argument,
    );
  }
  return value;
}

/**
 * Validates a boolean option.
 *
 * @param value - the option as given
 * @param argument - its name
 * @returns the value
 * @throws {@link SplitError} `INVALID_OPTION` unless `true` or `false`
 */
export function checkBoolean(value: unknown, argument: string): boolean {
  if (typeof value !== 'boolean') {
    throw new SplitError(
      'INVALID_OPTION',
      `${argument} must be true or false, got ${describeValue(value)}.`,
      argument,
    );
  }
  return value;
}
