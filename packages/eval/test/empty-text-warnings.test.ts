import { describe, expect, it } from 'vitest';
import type { DatasetItem } from '../src/datasets/dataset-item.js';
import { emptyTextWarnings } from '../src/summary/empty-text-warnings.js';

const item = (row: number, fields: Record<string, string>): DatasetItem => ({
  id: `m${row}`,
  index: row - 1,
  row,
  fields,
  label: 'ham',
  group: undefined,
  reference: undefined,
});

describe('blank input text with several text columns', () => {
  it('a mail without a subject but with a body is no prompt without input: no warning', () => {
    const items = [
      item(1, { subject: '', body: 'Win a cruise' }),
      item(2, { subject: 'Hello', body: 'See you' }),
    ];
    expect(emptyTextWarnings(items, ['subject', 'body'])).toEqual([]);
  });

  it('rows where every text column is blank are named, as one column would name them', () => {
    const items = [
      item(1, { subject: '', body: ' ' }),
      item(2, { subject: 'Hello', body: 'See you' }),
      item(3, { subject: '', body: '' }),
    ];
    expect(emptyTextWarnings(items, ['subject', 'body'])).toEqual([
      "dataset.columns.text 'subject', 'body' are all empty or blank in 2 data rows (1, 3); their prompts are sent without that text and their answers scored like any other. Fill in the text or remove those rows from the data set, or map the column that holds the input as dataset.columns.text.",
    ]);
  });

  it('a column blank in every item is named: likely the wrong column mapped', () => {
    const items = [item(1, { subject: 'Hi', bdy: '' }), item(2, { subject: 'Yo', bdy: '' })];
    expect(emptyTextWarnings(items, ['subject', 'bdy'])).toEqual([
      "dataset.columns.text 'bdy' is empty or blank in every one of the 2 items, so no prompt holds it: check that the column mapped is the one that holds the input.",
    ]);
  });

  it('one column: each blank row, as before', () => {
    const items = [item(1, { text: '' }), item(2, { text: 'x' })];
    expect(emptyTextWarnings(items, 'text')).toEqual([
      "dataset.columns.text 'text' is empty or blank in 1 data row (1); their prompts are sent without that text and their answers scored like any other. Fill in the text or remove those rows from the data set, or map the column that holds the input as dataset.columns.text.",
    ]);
  });
});
