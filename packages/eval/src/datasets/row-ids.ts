import { EvaluationError } from '../errors.js';

/**
 * The ids of a data file's rows so far: id → the data row (from 1) that has it, and whether
 * the row had none and was given it.
 */
export type RowIds = Map<string, { readonly row: number; readonly given: boolean }>;

/** What to say of a duplicate id when one of the two rows was given it for want of its own. */
function givenIdClash(id: string, given: number, other: number, path: string): string {
  return `Data row ${given} of '${path}' has no id and was given '${id}' (a row without an id gets its 0-based record number), which data row ${other} also uses; ids must be unique: give data row ${given} an id of its own (or every row one), or change data row ${other}'s.`;
}

/**
 * Records a row's id, refusing an empty one or one an earlier row holds. A row without an id
 * column gets its 0-based record number as id, which rows that have ids can also use: the
 * message then names the row that had no id as well as the one it clashes with, since a
 * message about the row with the visible id alone pointed at an id no row of the file shows.
 *
 * @remarks The record number stays the id (journals of earlier runs key on it); only the
 *   message says where it came from.
 * @param ids - the ids so far
 * @param id - this row's id
 * @param place - the data row (from 1), whether the id was given for want of one, the file
 * @throws EvaluationError `MISSING_VALUE` at `dataset.columns.id`
 * @example
 * const ids = new Map();
 * claimRowId(ids, '4', { row: 5, given: true, path: 'mail.jsonl' });
 * ids.get('4'); // { row: 5, given: true }
 */
export function claimRowId(
  ids: RowIds,
  id: string,
  place: { readonly row: number; readonly given: boolean; readonly path: string },
): void {
  const { row, given, path } = place;
  const earlier = ids.get(id);
  if (id !== '' && earlier === undefined) {
    ids.set(id, { row, given });
    return;
  }
  const message =
    earlier === undefined
      ? `Data row ${row} of '${path}' has an empty id; ids must be unique and non-empty.`
      : given
        ? givenIdClash(id, row, earlier.row, path)
        : earlier.given
          ? givenIdClash(id, earlier.row, row, path)
          : `Data row ${row} of '${path}' has a duplicate ('${id}') id, as data row ${earlier.row} has; ids must be unique and non-empty.`;
  throw new EvaluationError('MISSING_VALUE', message, { path: 'dataset.columns.id' });
}
