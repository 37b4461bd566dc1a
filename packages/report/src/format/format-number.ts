/**
 * The one sign for a value that is missing or undefined (a metric that could not be
 * computed, a p-value without a test), in every report and terminal table.
 *
 * @example
 * MISSING_VALUE; // '—' (an em dash)
 */
export const MISSING_VALUE = '—';

/**
 * Formats a number for reports: fixed digits, {@link MISSING_VALUE} for null/NaN (and for
 * what is no number at all, such as a string from untyped JavaScript).
 *
 * @param x - value
 * @param digits - fraction digits (default 3)
 * @returns the formatted text
 * @example
 * fmt(0.12345); // '0.123'
 */
export function fmt(x: number | null | undefined, digits = 3): string {
  if (typeof x !== 'number' || Number.isNaN(x)) return MISSING_VALUE;
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  return x.toFixed(digits);
}

/**
 * Formats a p-value (`<0.001` for tiny values, {@link MISSING_VALUE} when there is none, and
 * for a value outside [0, 1], which is no p-value: it must not read as `<0.001` or `1.700`).
 *
 * @param p - p-value
 * @returns the formatted text
 * @example
 * fmtP(0.00001); // '<0.001'
 * fmtP(-0.2); // '—'
 */
export function fmtP(p: number | null | undefined): string {
  // 1 + 1e-9: a p-value summed or scaled in floating point may pass 1 by a rounding error
  if (typeof p !== 'number' || Number.isNaN(p) || p < 0 || p > 1 + 1e-9) return MISSING_VALUE;
  return p < 0.001 ? '<0.001' : Math.min(p, 1).toFixed(3);
}

/**
 * Formats a bootstrap p-value: as {@link fmtP}, except that a p of 0 only says p < 2/B for B
 * resamples, so it reads `<0.004` for 500 (`<0.001` once 2/B is below 0.001).
 *
 * @param p - the bootstrap p-value
 * @param resamples - B, the resamples it came from
 * @returns the formatted text
 * @example
 * fmtBootstrapP(0, 500); // '<0.004'
 */
export function fmtBootstrapP(p: number | null | undefined, resamples: number): string {
  if (p !== 0 || resamples <= 0) return fmtP(p);
  const bound = Math.min(1, 2 / resamples);
  return bound < 0.001 ? '<0.001' : `<${Number(bound.toPrecision(2))}`;
}

/**
 * A bootstrap p-value as a decision reads it: a p of 0 only says p < 2/B, so it counts as
 * 2/B (at most 1), the bound `assay compare` and Holm's adjustment use too.
 *
 * @param p - the p-value (null: none)
 * @param resamples - B, the resamples it came from
 * @returns the p-value to compare with alpha, or null
 * @example
 * bootstrapPForDecision(0, 20); // 0.1
 */
export function bootstrapPForDecision(p: number | null, resamples: number): number | null {
  return p === 0 && resamples > 0 ? Math.min(1, 2 / resamples) : p;
}

/**
 * The significance level of a confidence level, without the float noise of `1 − ci`
 * (1 − 0.95 is 0.050000000000000044, which a note would print and a comparison would read).
 *
 * @param ci - the confidence level, e.g. 0.95
 * @returns alpha, e.g. 0.05
 * @example
 * alphaOf(0.95); // 0.05
 */
export function alphaOf(ci: number): number {
  return Number((1 - ci).toFixed(10));
}

/**
 * A confidence level as a percentage, to two decimals at most: `95%`, `97.5%`, `98.33%`.
 *
 * @param level - the level, e.g. 0.975
 * @returns the text
 * @example
 * levelText(0.98333); // '98.33%'
 */
export function levelText(level: number): string {
  return `${Number((100 * level).toFixed(2))}%`;
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

const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const DOLLARS = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const UNITS = ['', 'k', 'M', 'B', 'T'] as const;

/**
 * Formats a whole number with thousands separators (`2,796`), {@link MISSING_VALUE} for
 * null/NaN.
 *
 * @param n - the number (rounded to an integer)
 * @returns the formatted text
 * @example
 * formatInteger(2796); // '2,796'
 */
export function formatInteger(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return MISSING_VALUE;
  return GROUPED.format(Math.round(n));
}

/**
 * Formats a count (tokens, requests) for reading: as it is below 1000, else three
 * significant digits with a unit: `12.3k`, `5.09M`, `1.20B`; {@link MISSING_VALUE} for
 * null/NaN. The exact value stays in `results.json`.
 *
 * @param n - the count
 * @returns the formatted text
 * @remarks A value that rounds up to the next unit moves there (`999,950` is `1.00M`, not `1000k`).
 * @example
 * formatCount(5_090_123); // '5.09M'
 */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return MISSING_VALUE;
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '-∞';
  const abs = Math.abs(n);
  if (abs < 1000) return String(Math.round(n));
  let unit = Math.min(UNITS.length - 1, Math.floor(Math.log10(abs) / 3));
  let scaled = abs / 1000 ** unit;
  if (Number(scaled.toPrecision(3)) >= 1000 && unit < UNITS.length - 1) {
    unit += 1;
    scaled = abs / 1000 ** unit;
  }
  return `${n < 0 ? '-' : ''}${scaled.toPrecision(3)}${UNITS[unit]}`;
}

/**
 * Formats an amount of US dollars for reading, the same way everywhere: cents with thousands
 * separators from $1 up (`$1,234.56`), three significant digits below (`$0.198`, `$0.0992`,
 * `$0.0000456`, as costs per request are small), so two costs side by side carry the same
 * precision; {@link MISSING_VALUE} for null/NaN.
 *
 * @param usd - the amount
 * @returns the formatted text
 * @example
 * formatUsd(1234.561); // '$1,234.56'
 * formatUsd(0.19838); // '$0.198'
 */
export function formatUsd(usd: number | null | undefined): string {
  if (usd === null || usd === undefined || Number.isNaN(usd)) return MISSING_VALUE;
  if (!Number.isFinite(usd)) return usd > 0 ? '$∞' : '-$∞';
  const abs = Math.abs(usd);
  const sign = usd < 0 ? '-' : '';
  // 0.9996 reads $1.00 in cents, not $1.000 in significant digits
  if (abs === 0 || Number(abs.toPrecision(3)) >= 1) return `${sign}$${DOLLARS.format(abs)}`;
  const digits = Math.min(100, 2 - Math.floor(Math.log10(Number(abs.toPrecision(3)))));
  return `${sign}$${abs.toFixed(digits)}`;
}
