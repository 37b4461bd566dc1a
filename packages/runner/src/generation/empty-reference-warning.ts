import { describeDataRow } from '../io/table-source.js';

/** What {@link emptyReferenceWarning} reads of the prepared rows. */
export interface ReferenceRows {
  /** Per row its references (missing ones left out). */
  readonly references: readonly (readonly string[])[];
  /** The input's data row (from 0) of each row. */
  readonly dataRows: readonly number[];
  /** The references' column as messages name it. */
  readonly referencesLabel: string;
}

/**
 * The warning for rows with an empty reference (`""`): it is scored as it is, as sacrebleu
 * scores it (only an empty output matches it), but it is far more often a reference left
 * blank (a CSV cell, which cannot be missing, or a JSONL `""` for `null`) than a reference
 * of no text, and it moves every metric of its row. Names how many rows have one and where
 * the first is: its line in the file for a loaded table (the file is read again up to that
 * row, only when there is one), else its data row.
 *
 * @param rows - the prepared rows
 * @param input - the job's input (a `{ table, roles }` names the file's line)
 * @returns the warning, or undefined when no reference is empty
 * @example
 * await emptyReferenceWarning({ references: [['a'], [''], ['b', '']], dataRows: [0, 1, 2], referencesLabel: 'references' }, {});
 * // 'references has an empty reference ("") in 2 rows, the first at data row 2: …'
 */
export async function emptyReferenceWarning(
  rows: ReferenceRows,
  input: object,
): Promise<string | undefined> {
  let count = 0;
  let first = -1;
  rows.references.forEach((refs, i) => {
    if (!refs.includes('')) return;
    count++;
    if (first < 0) first = rows.dataRows[i]!;
  });
  if (count === 0) return undefined;
  const table = 'table' in input && 'roles' in input ? input.table : undefined;
  const place =
    typeof table === 'object' && table !== null
      ? await describeDataRow(table, first)
      : `data row ${first + 1}`;
  const where = count === 1 ? `in 1 row, at ${place}` : `in ${count} rows, the first at ${place}`;
  return `${rows.referencesLabel} has an empty reference ("") ${where}: it is scored as a reference of no text, as sacrebleu scores it (only an empty output matches it); if ${count === 1 ? 'that row lacks its' : 'those rows lack their'} reference, give it, or mark it missing (null in JSONL, which --drop-missing drops).`;
}
