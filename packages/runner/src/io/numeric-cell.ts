// How a text cell reads as a number: shared by the column builders and the label finishing.

/** Integer text of 16 digits or more: beyond 2^53 - 1 it may not read back as itself. */
export const BIG_INTEGER_TEXT = /^\s*[-+]?\d{16,}\s*$/;
const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$|^\s*[-+]?(Infinity|inf)\s*$/i;

/**
 * Parses a text cell as a number the way CSV readers do; empty, `NA`, `NaN`
 * and `null` cells are missing.
 *
 * @param text - the cell
 * @returns the number, NaN when missing, or undefined when not numeric
 */
export function parseNumericCell(text: string): number | undefined {
  if (text === '' || text === 'NA' || text === 'NaN' || text === 'nan' || text === 'null')
    return Number.NaN;
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
