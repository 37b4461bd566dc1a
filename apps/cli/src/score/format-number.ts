/**
 * Formats a metric value for a table: 4 decimals, `n/a` when undefined.
 *
 * @param value - the value or null
 * @returns the text
 */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined) return 'n/a';
  if (Number.isInteger(value) && Math.abs(value) >= 1000) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e6)) return value.toExponential(3);
  return value.toFixed(4);
}

/**
 * Formats a confidence interval.
 *
 * @param ci - `[lo, hi]` or undefined
 * @returns `[lo, hi]` text, or an empty string
 */
export function formatInterval(ci: readonly [number, number] | undefined): string {
  return ci === undefined ? '' : `[${formatValue(ci[0])}, ${formatValue(ci[1])}]`;
}

/**
 * Formats milliseconds for people.
 *
 * @param ms - milliseconds
 * @returns e.g. `850 ms` or `3.21 s`
 */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
