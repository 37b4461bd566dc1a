import { createHash } from 'node:crypto';
import type { DatasetItem } from './dataset-item.js';

/**
 * A fingerprint of what an item asks: its text (the mapped text column) and its choices.
 *
 * @remarks
 * The first 16 hex digits of the SHA-256 of `[text, choices]`. `assay compare` pairs rows by
 * item id; two data files whose items share ids and expected answers but not their text are
 * different data, and this tells them apart. Other columns are left out: a column added to
 * the file (a note, a human grade) or the same data in another format is the same data.
 *
 * @param item - a data set item
 * @returns 16 hex digits
 * @example
 * itemHash({ id: '1', index: 0, fields: { text: 'hi' }, label: 'a', group: undefined, reference: undefined }).length; // 16
 */
export function itemHash(item: DatasetItem): string {
  return createHash('sha256')
    .update(JSON.stringify([item.fields.text ?? null, item.choices ?? null]))
    .digest('hex')
    .slice(0, 16);
}
