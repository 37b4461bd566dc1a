import { createHash } from 'node:crypto';
import type { DatasetItem } from './dataset-item.js';

/**
 * A fingerprint of what an item holds: every field (column) with its text, and its choices.
 *
 * @remarks
 * The first 16 hex digits of the SHA-256 of the fields as `[name, text]` pairs sorted by name,
 * then the choices. `assay compare` pairs rows by item id; two data files whose items share
 * ids and expected answers but not their text are different data, and this tells them apart.
 * A column added to the file changes it too (the prompt may read any column).
 *
 * @param item - a data set item
 * @returns 16 hex digits
 * @example
 * itemHash({ id: '1', index: 0, fields: { text: 'hi' }, label: 'a', group: undefined, reference: undefined }).length; // 16
 */
export function itemHash(item: DatasetItem): string {
  const fields = Object.entries(item.fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256')
    .update(JSON.stringify([fields, item.choices ?? null]))
    .digest('hex')
    .slice(0, 16);
}
