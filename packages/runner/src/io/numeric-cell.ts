// How a text cell reads as a number: shared by the column builders and the label finishing.

/** Integer text of 16 digits or more: beyond 2^53 - 1 it may not read back as itself. */
export const BIG_INTEGER_TEXT = /^\s*[-+]?\d{16,}\s*$/;
const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$|^\s*[-+]?(Infinity|inf)\s*$/i;

/**
 * The cells read as missing: an empty cell and pandas 2's default `na_values`, matched
 * exactly (`" NA"` and `Null` are text, as in pandas). pandas 1.x lacks `None`.
 */
export const MISSING_MARKERS: ReadonlySet<string> = new Set([
  '',
  '#N/A',
  '#N/A N/A',
  '#NA',
  '-1.#IND',
  '-1.#QNAN',
  '-NaN',
  '-nan',
  '1.#IND',
  '1.#QNAN',
  '<NA>',
  'N/A',
  'NA',
  'NULL',
  'NaN',
  'None',
  'n/a',
  'nan',
  'null',
]);

/**
 * Parses a text cell as a number the way pandas' `read_csv` does: an empty cell and
 * pandas' missing markers ({@link MISSING_MARKERS}: `NA`, `N/A`, `NaN`, `NULL`, `None`, …)
 * are missing.
 *
 * @param text - the cell
 * @returns the number, NaN when missing, or undefined when not numeric
 */
export function parseNumericCell(text: string): number | undefined {
  if (MISSING_MARKERS.has(text)) return Number.NaN;
  if (!NUMERIC.test(text)) return undefined;
  const t = text.trim().toLowerCase();
  if (t.endsWith('inf') || t.endsWith('infinity'))
    return t.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return Number(text);
}

/** Whether a CSV cell is integer text that no double holds exactly (beyond 2^53 - 1). */
export function isBigIntegerText(cell: unknown, value: number): boolean {
  return (
    typeof cell === 'string' &&
    Number.isInteger(value) &&
    !Number.isSafeInteger(value) &&
    BIG_INTEGER_TEXT.test(cell)
  );
}
