import type { DatasetItem } from '../datasets/dataset-item.js';

/** How many rows a warning names before it only counts the rest. */
const ROWS_NAMED = 5;

/** Where to find an item: its data row, or its id in a built-in data set (which has no rows). */
function placeOf(item: DatasetItem): string {
  return item.row === undefined ? `'${item.id}'` : String(item.row);
}

/**
 * Run warnings for items whose input text is empty or whitespace only, one per text column
 * (`dataset.columns.text`, default `text`) that has such cells.
 *
 * @remarks
 * Such an item is still sent and scored: the model answers a prompt without the text, which
 * is seldom meant (a cell left blank, a JSONL `null`, or the wrong column mapped) and counts
 * in every metric as any other item. A missing value reads as `''` (a JSONL `null` included),
 * so it is found here too. The warning names the first rows and how many there are, so they
 * can be found in the data file.
 * @param items - the items the run asks
 * @param textColumns - `dataset.columns.text` (default `text`)
 * @returns one warning per column with empty cells, or none
 * @example
 * emptyTextWarnings([{ id: '4', index: 4, row: 5, fields: { body: ' ' }, label: 'ham', group: undefined, reference: undefined }], 'body');
 * // ["dataset.columns.text 'body' is empty or blank in 1 data row (5); …"]
 */
export function emptyTextWarnings(
  items: readonly DatasetItem[],
  textColumns: string | readonly string[] = 'text',
): string[] {
  const columns = typeof textColumns === 'string' ? [textColumns] : textColumns;
  const warnings: string[] = [];
  for (const column of columns) {
    const empty = items.filter((it) => (it.fields[column] ?? '').trim() === '');
    if (empty.length === 0) continue;
    const rows = empty[0]!.row === undefined ? 'item' : 'data row';
    const count = `${empty.length} ${rows}${empty.length === 1 ? '' : 's'}`;
    const named = empty.slice(0, ROWS_NAMED).map(placeOf).join(', ');
    const more = empty.length > ROWS_NAMED ? `, and ${empty.length - ROWS_NAMED} more` : '';
    warnings.push(
      `dataset.columns.text '${column}' is empty or blank in ${count} (${named}${more}); their prompts are sent without that text and their answers scored like any other. Fill in the text or remove those rows from the data set, or map the column that holds the input as dataset.columns.text.`,
    );
  }
  return warnings;
}
