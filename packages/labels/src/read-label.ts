import type { Label } from './label.js';
import { LabelError } from './label-error.js';

/**
 * Tells whether a cell holds no label: null, undefined or NaN (a missing
 * value, which callers either reject or drop).
 *
 * @param value - a cell of a label column
 * @returns true for null, undefined and NaN
 * @example
 * ```ts
 * import { isMissingLabel } from '@assay/labels';
 * isMissingLabel(Number.NaN); // true
 * ```
 */
export function isMissingLabel(value: unknown): value is null | undefined | number {
  return value === null || value === undefined || Number.isNaN(value);
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/**
 * Reads one cell as a label the way numpy reads it: numbers and strings as
 * they are (-0 as 0, the same label), booleans as 0 and 1, bigints as numbers.
 *
 * @param value - the cell
 * @param row - its row, for messages
 * @param argument - the column's name, for messages (e.g. `'yTrue'`)
 * @returns the label
 * @throws {@link LabelError} `MISSING_VALUE` (null, undefined or NaN),
 *   `MIXED_LABEL_TYPES` (an object or any other value that is not a label)
 * @example
 * ```ts
 * import { readLabel } from '@assay/labels';
 * readLabel(true, 0, 'yTrue'); // 1
 * ```
 */
export function readLabel(value: unknown, row: number, argument: string): Label {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && !Number.isNaN(value)) return value + 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return Number(value);
  if (isMissingLabel(value)) {
    throw new LabelError(
      'MISSING_VALUE',
      `${argument} has ${String(value)} at row ${row}; every label must be a number or a string.`,
      argument,
    );
  }
  throw new LabelError(
    'MIXED_LABEL_TYPES',
    `${argument} has ${article(typeof value)} at row ${row}; every label must be a number, a string or a boolean.`,
    argument,
  );
}
