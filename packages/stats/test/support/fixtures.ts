import { readFileSync } from 'node:fs';

/**
 * The cases of one fixture written by scripts/make-fixtures.py. JSON has no
 * NaN, so the script writes null; null comes back here as NaN.
 *
 * @param name - file name under test/fixtures, e.g. `'quantiles.json'`
 * @returns the `cases` array of that file
 */
export function loadCases<T>(name: string): T[] {
  const text = readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
  const parsed = JSON.parse(text, (_key, value: unknown) => (value === null ? Number.NaN : value));
  return (parsed as { cases: T[] }).cases;
}

/**
 * The error of `actual` relative to `max(|expected|, scale)`: 0 where the two
 * are equal or both NaN, Infinity where only one is NaN.
 */
export function relativeError(actual: number, expected: number, scale = 0): number {
  if (Number.isNaN(expected) || Number.isNaN(actual)) {
    return Number.isNaN(expected) && Number.isNaN(actual) ? 0 : Number.POSITIVE_INFINITY;
  }
  if (actual === expected) return 0;
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), scale);
}
