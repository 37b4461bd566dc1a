/**
 * A received value as an error message shows it: numbers as they print, anything else with
 * its type, so that a wrong type is not mistaken for a valid-looking value (`options.k is
 * the string "2"`, not `options.k is 2`).
 *
 * @param value - the value an argument or option was given
 * @returns e.g. `0.5`, `the string "0.5"`, `the boolean true`, `null`, `an array of 1`
 * @example
 * ```ts
 * import { describeValue } from '@assay/labels';
 * describeValue('2'); // 'the string "2"'
 * ```
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'number':
      return String(value);
    case 'string':
      return `the string ${JSON.stringify(value)}`;
    case 'boolean':
      return `the boolean ${value}`;
    case 'bigint':
      return `the bigint ${value}n`;
    case 'undefined':
      return 'undefined';
    case 'function':
      return 'a function';
    case 'symbol':
      return `the symbol ${String(value)}`;
    default:
      if (value === null) return 'null';
      if (Array.isArray(value)) return `an array of ${value.length}`;
      return ArrayBuffer.isView(value) ? `a ${value.constructor.name}` : 'an object';
  }
}
