import { describeValue } from '@assay/labels';
import { MetricInputError } from '../errors.js';

/**
 * Checks a numeric option: a `number` (never a numeric string, an array or a boolean, which
 * `<` and `>` would coerce) for which `valid` holds.
 *
 * @param value - the option as given (undefined → `fallback`)
 * @param fallback - the default
 * @param argument - its name for messages, e.g. `'options.maxFpr'`
 * @param valid - the range test, e.g. `(v) => v > 0 && v <= 1`
 * @param range - what would be valid, ending the message, e.g. `'a number in (0, 1]'`
 * @returns the number
 * @throws {@link MetricInputError} `INVALID_OPTION` naming the option, the value with its
 *   type and the valid range
 * @example
 * ```ts
 * const inUnit = (v) => v > 0 && v <= 1;
 * checkNumberOption(0.5, 1, 'options.maxFpr', inUnit, 'a number in (0, 1]'); // 0.5
 * try {
 *   checkNumberOption('0.5', 1, 'options.maxFpr', inUnit, 'a number in (0, 1]');
 * } catch (error) {
 *   error.message; // 'options.maxFpr is the string "0.5"; it must be a number in (0, 1].'
 * }
 * ```
 */
export function checkNumberOption(
  value: unknown,
  fallback: number,
  argument: string,
  valid: (value: number) => boolean,
  range: string,
): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && valid(value)) return value;
  throw new MetricInputError(
    'INVALID_OPTION',
    `${argument} is ${describeValue(value)}; it must be ${range}.`,
    argument,
  );
}

/**
 * Checks an integer option no smaller than `min` (a `number`, not a numeric string).
 *
 * @param value - the option as given (undefined → `fallback`)
 * @param fallback - the default
 * @param argument - its name for messages, e.g. `'options.nBins'`
 * @param range - what would be valid, default `'a positive integer'`
 * @param min - smallest valid value, default 1
 * @returns the integer
 * @throws {@link MetricInputError} `INVALID_OPTION`, as {@link checkNumberOption}
 * @example
 * ```ts
 * checkIntegerOption(undefined, 10, 'options.nBins'); // 10
 * try { checkIntegerOption(0, 10, 'options.nBins'); } catch (error) {
 *   error.message; // 'options.nBins is 0; it must be a positive integer.'
 * }
 * ```
 */
export function checkIntegerOption(
  value: unknown,
  fallback: number,
  argument: string,
  range = 'a positive integer',
  min = 1,
): number {
  return checkNumberOption(
    value,
    fallback,
    argument,
    (v) => Number.isInteger(v) && v >= min,
    range,
  );
}
