// An `auto` CSV column that turns out to hold text after rows read as numbers is read again
// as labels, so that every cell is the label of its own text whatever its row.
import { CellColumnBuilder } from './column-builders.js';
import type { ColumnKind } from './loaded-column.js';
import type { TextColumnBuilder } from './text-column-builder.js';

/**
 * Thrown by a CSV reader when `auto` columns met a text cell after rows they read as numbers
 * (`1.0` read as 1, `NA` as missing): the caller reads the file again with those columns as
 * `label` ({@link asLabelColumns}), where `1.0` is the label `"1.0"` and `NA` the label `"NA"`
 * on every row, as pandas reads an object column.
 */
export class LateTextColumns extends Error {
  /**
   * @param names - the columns to read again as labels
   */
  constructor(readonly names: readonly string[]) {
    super(`columns ${names.join(', ')} hold text after numbers`);
  }
}

/**
 * Throws {@link LateTextColumns} when a builder's `auto` column met text after numbers.
 *
 * @param builders - the readers' column builders
 * @throws {@link LateTextColumns} naming those columns
 * @example
 * const pick = csvPick(0, new CellColumnBuilder('y', 'auto'));
 * readRecords(Buffer.from('1\nNA\nyes\n'), 0, 9, true, recordLoop([pick], 1, 0x2c, Number.POSITIVE_INFINITY));
 * try {
 *   throwIfLateText([pick.builder]);
 * } catch (error) {
 *   error.names; // ['y']: 'yes' came after rows read as numbers
 * }
 */
export function throwIfLateText(
  builders: readonly (CellColumnBuilder | TextColumnBuilder)[],
): void {
  let names: string[] | undefined;
  for (const builder of builders) {
    if (builder instanceof CellColumnBuilder && builder.textAfterNumbers) {
      (names ??= []).push(builder.name);
    }
  }
  if (names !== undefined) throw new LateTextColumns(names);
}

/**
 * Reads a CSV file with `read`, again with the columns it names as `label` for as long as it
 * throws {@link LateTextColumns} (each column at most once: a `label` column never does).
 *
 * @param columns - the columns to read and how
 * @param read - one read of the file
 * @returns what `read` returns
 * @example
 * const kinds = [];
 * const read = async (columns) => {
 *   kinds.push(columns.get('y'));
 *   if (columns.get('y') === 'auto') throw new LateTextColumns(['y']);
 *   return 'read';
 * };
 * await readingLateTextAgain(new Map([['y', 'auto']]), read); // 'read'
 * kinds; // ['auto', 'label']
 */
export async function readingLateTextAgain<T>(
  columns: ReadonlyMap<string, ColumnKind>,
  read: (columns: ReadonlyMap<string, ColumnKind>) => Promise<T>,
): Promise<T> {
  let kinds = columns;
  for (;;) {
    try {
      return await read(kinds);
    } catch (error) {
      if (!(error instanceof LateTextColumns)) throw error;
      const next = new Map(kinds);
      for (const name of error.names) next.set(name, 'label');
      kinds = next;
    }
  }
}
