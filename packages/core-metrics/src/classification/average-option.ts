import { MetricInputError } from '../errors.js';

/**
 * An averaging method that yields one number: `'binary'` reports `posLabel` only,
 * `'micro'` pools counts over labels, `'macro'` is the unweighted mean over labels,
 * `'weighted'` the mean weighted by support.
 */
export type AveragingMethod = 'binary' | 'micro' | 'macro' | 'weighted';

/**
 * scikit-learn's `average` option: an {@link AveragingMethod}, or `null` for one value
 * per label (in `labels` order).
 */
export type Average = AveragingMethod | null;

/**
 * Value used when a ratio is 0/0 (e.g. precision of a never-predicted label): `0`, `1`,
 * `NaN` (ill-defined values are left out of averages, as in scikit-learn ≥ 1.3), or
 * `'warn'` (0, and a {@link MetricWarning} on the warning channel).
 */
export type ZeroDivision = 'warn' | number;

/**
 * The valid `average` values, in the order error messages list them.
 *
 * @example
 * ```ts
 * AVERAGE_VALUES; // ['binary', 'micro', 'macro', 'weighted', null]
 * ```
 */
export const AVERAGE_VALUES: readonly (Average | null)[] = [
  'binary',
  'micro',
  'macro',
  'weighted',
  null,
];

/**
 * Renders an option value for an error message.
 *
 * @param value - any value
 * @returns a short printable form
 * @example
 * ```ts
 * showValue('macro'); // '"macro"'
 * showValue(undefined); // 'undefined'
 * showValue(10n); // '10'
 * showValue([1, 'a']); // '[1,"a"]'
 * ```
 */
export function showValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Checks an `average` option.
 *
 * @param value - the option value (undefined → `fallback`)
 * @param fallback - the default
 * @param argument - name for messages, e.g. `'options.average'`
 * @returns the average
 * @throws {@link MetricInputError} `INVALID_OPTION` listing the valid values
 * @example
 * ```ts
 * checkAverage(undefined, 'binary'); // 'binary'
 * checkAverage(null, 'binary'); // null
 * try { checkAverage('mean', 'binary'); } catch (error) {
 *   error.message; // 'options.average is "mean"; valid values are \'binary\', \'micro\', … per label).'
 * }
 * ```
 */
export function checkAverage(
  value: unknown,
  fallback: Average | null,
  argument = 'options.average',
): Average | null {
  if (value === undefined) return fallback;
  if ((AVERAGE_VALUES as readonly unknown[]).includes(value)) return value as Average | null;
  throw new MetricInputError(
    'INVALID_OPTION',
    `${argument} is ${showValue(value)}; valid values are 'binary', 'micro', 'macro', 'weighted' and null (one score per label).`,
    argument,
  );
}

/**
 * Checks a `zeroDivision` option.
 *
 * @param value - the option value (undefined → `'warn'`)
 * @param argument - name for messages
 * @returns the zero-division policy
 * @throws {@link MetricInputError} `INVALID_OPTION` listing the valid values
 * @example
 * ```ts
 * checkZeroDivision(undefined); // 'warn'
 * checkZeroDivision(NaN); // NaN
 * try { checkZeroDivision(0.5); } catch (error) {
 *   error.message; // "options.zeroDivision is 0.5; valid values are 'warn', 0, 1 and NaN."
 * }
 * ```
 */
export function checkZeroDivision(value: unknown, argument = 'options.zeroDivision'): ZeroDivision {
  if (value === undefined) return 'warn';
  if (value === 'warn' || value === 0 || value === 1 || Number.isNaN(value)) {
    return value as ZeroDivision;
  }
  throw new MetricInputError(
    'INVALID_OPTION',
    `${argument} is ${showValue(value)}; valid values are 'warn', 0, 1 and NaN.`,
    argument,
  );
}

/**
 * Checks a boolean option.
 *
 * @param value - the option value (undefined → `fallback`)
 * @param fallback - the default
 * @param argument - name for messages
 * @returns the boolean
 * @throws {@link MetricInputError} `INVALID_OPTION`
 * @example
 * ```ts
 * checkBoolean(undefined, true, 'options.normalize'); // true
 * try { checkBoolean('yes', true, 'options.normalize'); } catch (error) {
 *   error.message; // 'options.normalize is "yes"; it must be true or false.'
 * }
 * ```
 */
export function checkBoolean(value: unknown, fallback: boolean, argument: string): boolean {
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  throw new MetricInputError(
    'INVALID_OPTION',
    `${argument} is ${showValue(value)}; it must be true or false.`,
    argument,
  );
}

/**
 * Checks an option against a list of allowed values.
 *
 * @param value - the option value (undefined → `fallback`)
 * @param allowed - the valid values
 * @param fallback - the default
 * @param argument - name for messages
 * @returns the value
 * @throws {@link MetricInputError} `INVALID_OPTION` listing the valid values
 * @example
 * ```ts
 * checkChoice(undefined, ['ovr', 'ovo'], 'ovr', 'options.multiClass'); // 'ovr'
 * try { checkChoice('all', ['ovr', 'ovo'], 'ovr', 'options.multiClass'); } catch (error) {
 *   error.message; // 'options.multiClass is "all"; valid values are "ovr", "ovo".'
 * }
 * ```
 */
export function checkChoice<T>(
  value: unknown,
  allowed: readonly T[],
  fallback: T,
  argument: string,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  throw new MetricInputError(
    'INVALID_OPTION',
    `${argument} is ${showValue(value)}; valid values are ${allowed.map(showValue).join(', ')}.`,
    argument,
  );
}

/**
 * The number substituted for 0/0 under a zero-division policy.
 *
 * @param zeroDivision - the policy
 * @returns 0 for `'warn'` and 0, 1 for 1, NaN for NaN
 * @example
 * ```ts
 * [zeroDivisionValue('warn'), zeroDivisionValue(1), zeroDivisionValue(NaN)]; // [0, 1, NaN]
 * ```
 */
export function zeroDivisionValue(zeroDivision: ZeroDivision): number {
  return zeroDivision === 'warn' ? 0 : zeroDivision;
}
