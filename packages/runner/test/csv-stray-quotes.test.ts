import { rmSync } from 'node:fs';
import { type LoadedColumn, loadColumns } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';
import pandasReads from './fixtures/stray-quotes.json' with { type: 'json' };
import { csvFileWriter } from './helpers/csv-test-files.js';
import { runnerRejection } from './helpers/rejection.js';

// A quote inside an unquoted field (a subject line `He said "hi"` exported unquoted) stopped the
// read; pandas reads it as part of the field. Fixture: make-stray-quotes.py (pandas 1.5).
const files = csvFileWriter('assay-stray-quotes-');
afterAll(() => rmSync(files.dir, { recursive: true, force: true }));

function texts(column: LoadedColumn | undefined): unknown[] {
  if (column?.kind !== 'label') throw new Error('not a label column');
  return Array.from(column.codes, (code) => column.dictionary[code]);
}

describe('a quote inside an unquoted field is part of the field, as pandas reads it', () => {
  test.each(pandasReads.cases)('$csv', async ({ csv, p }) => {
    const path = files.write(csv);
    const table = await loadColumns(path, { columns: { y: 'label', p: 'label' } });
    expect(texts(table.columns.get('p'))).toEqual(p);
  });

  test('text after a closing quote is still refused, naming the line (pandas joins it silently)', async () => {
    const path = files.write('y,p\na,"ab"c\n');
    const error = await runnerRejection(loadColumns(path, { columns: { y: 'label', p: 'label' } }));
    expect(error.code).toBe('UNREADABLE_FILE');
    expect(error.message).toContain('line 2 has "c" right after the closing quote');
  });
});

test('text after a closing quote in a record of several lines names the line it is on', async () => {
  const path = files.write('y,p\na,"multi\nline"\nb,"x\ny"z\nc,d\n');
  const error = await runnerRejection(loadColumns(path, { columns: { y: 'label', p: 'label' } }));
  expect(error.message).toContain('line 5 has "z" right after the closing quote');
});

describe('lines are counted as the file has them, a CRLF inside a quoted field once', () => {
  // csv-parse counted such a CRLF as two lines: the messages named a line one too late each
  const crlf = 'y,p,s\r\na,"x\r\ny",0.5\r\nb,"q\r\nr",0.2\r\n';

  test('a non-numeric cell after two quoted line breaks', async () => {
    const path = files.write(`${crlf}c,d,oops\r\n`);
    const columns = { y: 'label', p: 'label', s: 'number' } as const;
    const error = await runnerRejection(loadColumns(path, { columns }));
    expect(error.message).toContain('"oops" at line 6 (data row 3)');
  });

  test('text after a closing quote after them', async () => {
    const path = files.write(`${crlf}c,"d\r\ne"z,0.1\r\n`);
    const error = await runnerRejection(loadColumns(path, { columns: { y: 'label' } }));
    expect(error.message).toContain('line 7 has "z" right after the closing quote');
  });
});
