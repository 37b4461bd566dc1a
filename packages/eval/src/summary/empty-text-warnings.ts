import type { DatasetItem } from '../datasets/dataset-item.js';

/** How many rows a warning names before it only counts the rest. */
const ROWS_NAMED = 5;

/** Where to find an item: its data row, or its id in a built-in data set (which has no rows). */
function placeOf(item: DatasetItem): string {
  return item.row === undefined ? `'${item.id}'` : String(item.row);
}

/** The count and first places of `empty` items: `2 data rows (3, 6)`. */
function rowsText(empty: readonly DatasetItem[]): string {
  const rows = empty[0]!.row === undefined ? 'item' : 'data row';
  const count = `${empty.length} ${rows}${empty.length === 1 ? '' : 's'}`;
  const named = empty.slice(0, ROWS_NAMED).map(placeOf).join(', ');
  const more = empty.length > ROWS_NAMED ? `, and ${empty.length - ROWS_NAMED} more` : '';
  return `${count} (${named}${more})`;
}

const blank = (item: DatasetItem, column: string) => (item.fields[column] ?? '').trim() === '';

/**
 * Run warnings for items whose input text is empty or whitespace only: with one text column
 * (`dataset.columns.text`, default `text`), the items where it is blank; with several, the
 * items where all are blank, and a column blank in every item (likely the wrong one mapped).
 *
 * @remarks
 * Such an item is still sent and scored: the model answers a prompt without the text, which
 * is seldom meant (a cell left blank, a JSONL `null`, or the wrong column mapped) and counts
 * in every metric as any other item. A missing value reads as `''` (a JSONL `null` included),
 * so it is found here too. With several text columns one of them may well be blank where
 * another holds the input (a mail without a subject): only a prompt with no input at all, or
 * a column that never holds any, is warned about. The warning names the first rows and how
 * many there are, so they can be found in the data file.
 * @param items - the items the run asks
 * @param textColumns - `dataset.columns.text` (default `text`)
 * @returns the warnings, or none
 * @example
 * emptyTextWarnings([{ id: '4', index: 4, row: 5, fields: { body: ' ' }, label: 'ham', group: undefined, reference: undefined }], 'body');
 * // ["dataset.columns.text 'body' is empty or blank in 1 data row (5); …"]
 */
export function emptyTextWarnings(
  items: readonly DatasetItem[],
  textColumns: string | readonly string[] = 'text',
): string[] {
  const columns = typeof textColumns === 'string' ? [textColumns] : textColumns;
  const advice =
    'their prompts are sent without that text and their answers scored like any other. Fill in the text or remove those rows from the data set, or map the column that holds the input as dataset.columns.text.';
  const empty = items.filter((it) => columns.every((c) => blank(it, c)));
  if (columns.length === 1) {
    return empty.length === 0
      ? []
      : [`dataset.columns.text '${columns[0]}' is empty or blank in ${rowsText(empty)}; ${advice}`];
  }
  const names = columns.map((c) => `'${c}'`).join(', ');
  const warnings =
    empty.length === 0
      ? []
      : [`dataset.columns.text ${names} are all empty or blank in ${rowsText(empty)}; ${advice}`];
  if (empty.length === items.length) return warnings;
  for (const column of columns) {
    if (items.length > 0 && items.every((it) => blank(it, column))) {
      warnings.push(
        `dataset.columns.text '${column}' is empty or blank in every one of the ${items.length} items, so no prompt holds it: check that the column mapped is the one that holds the input.`,
      );
    }
  }
  return warnings;
}
