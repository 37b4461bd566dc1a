import { describe, expect, it } from 'vitest';
import type { DatasetItem } from '../src/datasets/dataset-item.js';
import { itemHash } from '../src/datasets/item-hash.js';

const item = (fields: Record<string, string>, choices?: string[]): DatasetItem => ({
  id: '1',
  index: 0,
  fields,
  label: 'a',
  group: undefined,
  reference: undefined,
  ...(choices === undefined ? {} : { choices }),
});

describe('itemHash', () => {
  it('changes with the text and the choices', () => {
    const base = itemHash(item({ text: 'Is this spam?' }));
    expect(base).toMatch(/^[0-9a-f]{16}$/);
    expect(itemHash(item({ text: 'Is this ham?' }))).not.toBe(base);
    expect(itemHash(item({ text: 'Is this spam?' }, ['yes', 'no']))).not.toBe(base);
    expect(itemHash(item({ text: 'Is this spam?' }, ['no', 'yes']))).not.toBe(
      itemHash(item({ text: 'Is this spam?' }, ['yes', 'no'])),
    );
  });

  it('ignores the other columns: a note or a human grade added to the file is the same item', () => {
    expect(itemHash(item({ text: 'Is this spam?', note: 'checked', human_grade: 'C' }))).toBe(
      itemHash(item({ text: 'Is this spam?' })),
    );
  });
});
