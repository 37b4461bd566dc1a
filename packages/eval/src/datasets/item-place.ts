import type { DatasetItem } from './dataset-item.js';

/**
 * Where a message finds an item: `data row 3 (id '2')` for an item of a data file, `item
 * 'spam-2/00001'` for one of a built-in data set (which has no rows to look at).
 *
 * @remarks
 * Rows count from 1, as a person reads the file, while the id of a row without an id column is
 * its 0-based record number, so data row 3 has id `'2'`. The ids stay as they are: prompts
 * (`{{id}}`), multiple-choice orders, `dataset.ids`, holdout ids and `assay compare`'s pairing
 * all depend on them, and renumbering would make a rerun pay for its answers again. Naming
 * both tells the row to look at and the id the outputs carry.
 *
 * @param item - a loaded item
 * @param start - whether the phrase starts a sentence (`Data row 3 …`, `Item '…'`)
 * @returns the phrase
 * @example
 * itemPlace({ id: '2', index: 0, row: 3, fields: {}, label: 'spam', group: undefined, reference: undefined }); // "data row 3 (id '2')"
 * itemPlace({ id: 'spam-2/00001', index: 0, fields: {}, label: 'spam', group: undefined, reference: undefined }, true); // "Item 'spam-2/00001'"
 */
export function itemPlace(item: DatasetItem, start = false): string {
  const place =
    item.row === undefined ? `item '${item.id}'` : `data row ${item.row} (id '${item.id}')`;
  return start ? `${place.charAt(0).toUpperCase()}${place.slice(1)}` : place;
}
