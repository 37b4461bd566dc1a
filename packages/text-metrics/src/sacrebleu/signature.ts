import { SACREBLEU_VERSION } from './version.js';

/**
 * sacrebleu's `Signature.format()`: `key:value` pairs joined by `|`, `nrefs` first and `version`
 * last, booleans as yes/no (the metric decides the order of the keys in between).
 *
 * @example
 * formatSignature('1', [['case', 'mixed'], ['eff', true]]); // 'nrefs:1|case:mixed|eff:yes|version:2.6.0'
 */
export function formatSignature(
  referenceCount: string,
  entries: readonly (readonly [string, string | number | boolean])[],
): string {
  const pairs = [`nrefs:${referenceCount}`];
  for (const [key, value] of entries) {
    const shown = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
    pairs.push(`${key}:${shown}`);
  }
  pairs.push(`version:${SACREBLEU_VERSION}`);
  return pairs.join('|');
}

/**
 * Python's `f'{value:.2f}'`: round half to even on the exact binary value, as Python does
 * (JavaScript's `toFixed` rounds an exact half up).
 *
 * @example
 * formatTwoDecimals(0.125); // '0.12' (0.125.toFixed(2) is '0.13')
 * formatTwoDecimals(0.1); // '0.10'
 */
export function formatTwoDecimals(value: number): string {
  const eighths = value * 8;
  // Only odd multiples of 1/8 lie exactly half-way between two hundredths.
  if (Number.isInteger(eighths) && Math.abs(eighths) % 2 === 1) {
    const hundredths = Math.round(value * 100 - 0.5);
    const even = hundredths % 2 === 0 ? hundredths : hundredths + 1;
    return (even / 100).toFixed(2);
  }
  return value.toFixed(2);
}
