/**
 * The one sign for a value that is missing or undefined (a metric that could not be
 * computed, a p-value without a test), in every report and terminal table.
 */
export const MISSING_VALUE = '—';

/**
 * Formats a number for reports: fixed digits, {@link MISSING_VALUE} for null/NaN.
 *
 * @param x - value
 * @param digits - fraction digits (default 3)
 * @returns the formatted text
 * @example
 * fmt(0.12345); // '0.123'
 */
export function fmt(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || Number.isNaN(x)) return MISSING_VALUE;
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  return x.toFixed(digits);
}

/**
 * Formats a p-value (`<0.001` for tiny values, {@link MISSING_VALUE} when there is none).
 *
 * @param p - p-value
 * @returns the formatted text
 * @example
 * fmtP(0.00001); // '<0.001'
 */
export function fmtP(p: number | null | undefined): string {
  if (p === null || p === undefined || Number.isNaN(p)) return MISSING_VALUE;
  return p < 0.001 ? '<0.001' : p.toFixed(3);
}

/**
 * Formats a metric value of `assay score`: four decimals, exponent notation for very
 * small or large magnitudes, large integers as they are, {@link MISSING_VALUE} for
 * null/NaN.
 *
 * @param value - the value
 * @returns the formatted text
 * @example
 * formatValue(0.123456); // '0.1235'
 */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return MISSING_VALUE;
  if (Number.isInteger(value) && Math.abs(value) >= 1000) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e6)) return value.toExponential(3);
  return value.toFixed(4);
}

/**
 * Formats an interval as `[lo, hi]` with {@link formatValue}; empty when there is none.
 *
 * @param ci - the interval
 * @returns the formatted text
 * @example
 * formatInterval([0.1, 0.2]); // '[0.1000, 0.2000]'
 */
export function formatInterval(ci: readonly [number, number] | null | undefined): string {
  return ci === undefined || ci === null ? '' : `[${formatValue(ci[0])}, ${formatValue(ci[1])}]`;
}

/**
 * Formats a duration: milliseconds below one second, else seconds with two decimals.
 *
 * @param ms - milliseconds
 * @returns the formatted text
 * @example
 * formatMs(1530); // '1.53 s'
 */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
