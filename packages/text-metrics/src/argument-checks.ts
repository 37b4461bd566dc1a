import { TextMetricsError } from './errors.js';

/**
 * A short description of a value for error messages, e.g. `a number (3)` or `null`.
 *
 * @param value - anything
 * @returns the description
 * @example
 * ```ts
 * describeValue(3); // 'a number (3)'
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') {
    return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return `a ${typeof value} (${String(value)})`;
  }
  return `a ${typeof value}`;
}

/**
 * Checks that an argument is a string.
 *
 * @param value - the argument
 * @param name - its name in messages, e.g. `'prediction'`
 * @returns the string
 * @throws {@link TextMetricsError} `INVALID_ARGUMENT`
 * @example
 * ```ts
 * checkString('yes', 'prediction'); // 'yes'
 * ```
 */
export function checkString(value: unknown, name: string): string {
  if (typeof value !== 'string') {
    throw new TextMetricsError(
      'INVALID_ARGUMENT',
      `Argument ${name} must be a string; got ${describeValue(value)}.`,
      name,
    );
  }
  return value;
}

/**
 * Checks references: one string, or an array of strings (non-empty unless `allowEmpty`).
 *
 * @param value - the argument
 * @param name - its name in messages
 * @param allowEmpty - whether `[]` is accepted (SQuAD v2: an unanswerable question)
 * @returns the references as an array
 * @throws {@link TextMetricsError} `INVALID_ARGUMENT`
 * @example
 * ```ts
 * checkReferences('Paris', 'references'); // ['Paris']
 * ```
 */
export function checkReferences(value: unknown, name: string, allowEmpty = false): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) {
    throw new TextMetricsError(
      'INVALID_ARGUMENT',
      `Argument ${name} must be a string or an array of strings; got ${describeValue(value)}.`,
      name,
    );
  }
  if (value.length === 0 && !allowEmpty) {
    throw new TextMetricsError(
      'INVALID_ARGUMENT',
      `Argument ${name} is an empty array; give at least one reference string.`,
      name,
    );
  }
  value.forEach((reference: unknown, i) => {
    if (typeof reference !== 'string') {
      throw new TextMetricsError(
        'INVALID_ARGUMENT',
        `Argument ${name}[${i}] must be a string; got ${describeValue(reference)}.`,
        `${name}[${i}]`,
      );
    }
  });
  return value as string[];
}

/**
 * Checks an options argument: `undefined` or a plain object.
 *
 * @param value - the argument
 * @param name - its name in messages, usually `'options'`
 * @returns the object (empty when `undefined`)
 * @throws {@link TextMetricsError} `INVALID_OPTION`
 * @example
 * ```ts
 * checkOptions(undefined, 'options'); // {}
 * ```
 */
export function checkOptions<T extends object>(value: T | undefined, name: string): T {
  if (value === undefined) return {} as T;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TextMetricsError(
      'INVALID_OPTION',
      `Argument ${name} must be an object or undefined; got ${describeValue(value)}.`,
      name,
    );
  }
  return value;
}

/**
 * Checks an optional boolean option.
 *
 * @param value - the option
 * @param fallback - its default
 * @param name - its path in messages, e.g. `'options.ignoreCase'`
 * @returns the boolean
 * @throws {@link TextMetricsError} `INVALID_OPTION`
 * @example
 * ```ts
 * checkBooleanOption(undefined, false, 'options.ignoreCase'); // false
 * ```
 */
export function checkBooleanOption(value: unknown, fallback: boolean, name: string): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') {
    throw new TextMetricsError(
      'INVALID_OPTION',
      `Option ${name} must be true or false; got ${describeValue(value)}.`,
      name,
    );
  }
  return value;
}

/**
 * Checks an optional option against a list of allowed values.
 *
 * @param value - the option
 * @param allowed - the values accepted
 * @param fallback - its default
 * @param name - its path in messages
 * @returns the value
 * @throws {@link TextMetricsError} `INVALID_OPTION` naming the allowed values
 * @example
 * ```ts
 * checkChoice(undefined, ['1.1', '2.0'], '1.1', 'options.version'); // '1.1'
 * ```
 */
export function checkChoice<T extends string>(
  value: unknown,
  allowed: readonly T[],
  fallback: T,
  name: string,
): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new TextMetricsError(
      'INVALID_OPTION',
      `Option ${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}; got ${describeValue(value)}.`,
      name,
    );
  }
  return value as T;
}

/**
 * Checks a non-negative integer argument.
 *
 * @param value - the argument
 * @param name - its name in messages
 * @returns the integer
 * @throws {@link TextMetricsError} `INVALID_ARGUMENT`
 * @example
 * ```ts
 * checkCount(3, 'n'); // 3
 * ```
 */
export function checkCount(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new TextMetricsError(
      'INVALID_ARGUMENT',
      `Argument ${name} must be a non-negative integer; got ${describeValue(value)}.`,
      name,
    );
  }
  return value;
}
