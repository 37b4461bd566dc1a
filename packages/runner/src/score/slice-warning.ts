import type { Label } from '@assay/labels';

/** A slice column with more distinct values than this may be a measurement, not categories. */
export const MANY_SLICES = 20;

/** Slices of fewer rows than this on average are too small to read. */
const FEW_ROWS = 5;

/**
 * The warning for a slice column that looks continuous or unique per row: more than
 * {@link MANY_SLICES} values with fewer than 5 rows each on average, that are fractional
 * numbers or more than half as many as the rows.
 * Each value is reported as a slice of its own, with a few rows each, which no one reads.
 *
 * @param name - the slice column
 * @param values - its distinct values (sorted)
 * @param n - the rows scored
 * @returns the warning, or undefined for a column of categories
 * @example
 * ```ts
 * const latencies = Array.from({ length: 400 }, (_, i) => 0.1 + i / 1000);
 * sliceWarning('latency', latencies, 500); // '--slice column "latency" has 400 distinct values …'
 * sliceWarning('lang', ['de', 'en', 'fr'], 500); // undefined
 * ```
 */
export function sliceWarning(
  name: string,
  values: readonly Label[],
  n: number,
): string | undefined {
  if (values.length <= MANY_SLICES) return undefined;
  const perValue = n / values.length;
  // a sweep of 21 settings with 100 rows each is categories, fractional or not
  if (perValue >= FEW_ROWS) return undefined;
  const fractional = values.some((v) => typeof v === 'number' && !Number.isInteger(v));
  if (!fractional && perValue >= 2) return undefined;
  const shown = (v: Label) => (typeof v === 'number' ? String(Number(v.toPrecision(4))) : v);
  const why = fractional
    ? `fractional numbers from ${shown(values[0]!)} to ${shown(values.at(-1)!)}, a measurement rather than categories`
    : `${Math.round((values.length / n) * 100) / 100} per row, close to one slice per row`;
  return `--slice column "${name}" has ${values.length.toLocaleString('en-US')} distinct values for ${n.toLocaleString('en-US')} rows (${why}): each value is reported as a slice of its own, with about ${Math.max(1, Math.round(n / values.length))} row(s) each. Bin it into a few ranges in the file first, or slice by a column of categories.`;
}
