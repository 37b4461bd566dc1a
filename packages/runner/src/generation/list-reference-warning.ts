import { describeDataRow } from '../io/table-source.js';
import type { ReferenceRows } from './empty-reference-warning.js';

/**
 * A list of quoted strings as JSON or Python writes it (`["a", "b"]`, `['a', 'b']`): what
 * pandas' `to_csv` and `json.dumps` make of a list column. Checked by shape, not parsed: a
 * Python list is no JSON, and the warning only needs to say what the cell looks like.
 */
const QUOTED_LIST = /^\s*\[\s*(["'])[\s\S]*\1\s*\]\s*$/;

const SHOWN = 60;

/**
 * The warning for references that look like lists written as text (a CSV cell `["a","b"]`):
 * such a cell is one reference, brackets and quotes included, so the row's several references
 * are silently scored as one odd string. Names how many rows have one and where the first is
 * (its line in the file for a loaded table, else its data row) and how to give several.
 *
 * @param rows - the prepared rows
 * @param input - the job's input (a `{ table, roles }` names the file's line)
 * @returns the warning, or undefined when no row's one reference looks like a list
 * @example
 * await listReferenceWarning({ references: [['["a", "b"]'], ['c']], dataRows: [0, 1], referencesLabel: 'references' }, {});
 * // 'references holds text that looks like a list of strings (["a", "b"]) in 1 row, at data row 1: …'
 */
export async function listReferenceWarning(
  rows: ReferenceRows,
  input: object,
): Promise<string | undefined> {
  let count = 0;
  let first = -1;
  rows.references.forEach((refs, i) => {
    if (refs.length !== 1 || !QUOTED_LIST.test(refs[0]!)) return;
    count++;
    if (first < 0) first = i;
  });
  if (count === 0) return undefined;
  const table = 'table' in input && 'roles' in input ? input.table : undefined;
  const dataRow = rows.dataRows[first]!;
  const place =
    typeof table === 'object' && table !== null
      ? await describeDataRow(table, dataRow)
      : `data row ${dataRow + 1}`;
  const text = rows.references[first]![0]!.trim();
  const shown = text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text;
  const where = count === 1 ? `in 1 row, at ${place}` : `in ${count} rows, the first at ${place}`;
  return `${rows.referencesLabel} holds text that looks like a list of strings (${shown}) ${where}: such a cell is scored as one reference, brackets and quotes included. To give a row several references, write them as a JSON array of strings in a JSONL file (or a list column in Arrow or Parquet); a CSV cell is always one text.`;
}
