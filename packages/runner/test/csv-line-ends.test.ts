import { rmSync } from 'node:fs';
import { type ColumnKind, type LoadedColumn, loadColumns } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';
import { unclosedQuoteLine } from '../src/io/csv-quote-line.js';
import { readCsvStream } from '../src/io/read-csv.js';
import { readCsvBytes } from '../src/io/read-csv-bytes.js';
import { readCsvOnPool } from '../src/io/read-csv-pool.js';
import { csvFileWriter, inProcessPool } from './helpers/csv-test-files.js';
import { runnerRejection } from './helpers/rejection.js';
import { expectSameTable } from './helpers/same-table.js';

// Line ends as pandas.read_csv reads them: LF, CRLF and a lone CR each end a record, mixed in
// one file; errors name the line at fault.

const { dir, write } = csvFileWriter('assay-csv-line-ends-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function decode(column: LoadedColumn | undefined): unknown[] {
  if (column === undefined) throw new Error('column missing');
  if (column.kind === 'number') return Array.from(column.values);
  return Array.from(column.codes, (c) => (c < 0 ? null : column.dictionary[c]));
}

const COLUMNS: Record<string, ColumnKind> = { y: 'label', s: 'number' };

describe('mixed line ends are read as pandas reads them (they were RAGGED_ROW "line 3 has 3 fields")', () => {
  test.each([
    ['a lone CR among LFs', 'y,s\na,1\rb,2\nc,3\n'],
    ['a lone CR at the end of a line before LFs', 'y,s\na,1\nb,2\rc,3\n'],
    ['a lone CR among CRLFs', 'y,s\r\na,1\r\nb,2\rc,3\r\n'],
    ['two CRs: a record and an empty line', 'y,s\na,1\r\rb,2\nc,3\n'],
    ['CR only, no final line end', 'y,s\ra,1\rb,2\rc,3'],
  ])('%s', async (_name, text) => {
    const file = write(text);
    const map = new Map(Object.entries(COLUMNS));
    const table = await readCsvBytes(file, map, ',');
    expect(decode(table.columns.get('y'))).toEqual(['a', 'b', 'c']);
    expect(decode(table.columns.get('s'))).toEqual([1, 2, 3]);
    expectSameTable(await readCsvStream(file, map, ','), table);
    // the pool counts records by LF: a lone CR fails its count, and the sequential reader reads it
    const pool = await readCsvOnPool(file, map, ',', inProcessPool(2), {
      minFileBytes: 0,
      minRangeBytes: 1,
    });
    if (pool !== undefined) expectSameTable(pool, table);
  });

  test('a header ended by a lone CR before LF data', async () => {
    const table = await loadColumns(write('y,s\ra,1\nb,2\n'), { columns: COLUMNS });
    expect(decode(table.columns.get('y'))).toEqual(['a', 'b']);
    expect(decode(table.columns.get('s'))).toEqual([1, 2]);
  });

  test('a ragged row in a file of mixed line ends is named by its own line', async () => {
    const error = await runnerRejection(
      loadColumns(write('y,s\r\na,1\r\nb,2\rc,3,4\r\nd,5\r\n'), { columns: COLUMNS }),
    );
    expect(error.code).toBe('RAGGED_ROW');
    expect(error.message).toContain('line 4 has 3 fields');
  });
});

describe('a quote never closed is named by the line where it opened', () => {
  test('the file error names line 3, not the last line (it said line 6)', async () => {
    const error = await runnerRejection(
      loadColumns(write('y,s\na,1\n"b,2\nc,3\nd,4\ne,5\n'), { columns: COLUMNS }),
    );
    expect(error.code).toBe('UNREADABLE_FILE');
    expect(error.message).toContain('opened at line 3 is never closed');
    expect(error.path).toBe('line 3');
  });

  test('quoted fields that close, "" inside them and line breaks in them are passed over', () => {
    const text = 'y,s\r\n"a ""q"", b",1\r\n"two\nlines",2\rx,"open\n\nstill';
    // line 1 header, 2 "a…", 3-4 "two lines", 5 x (after the lone CR): the open quote
    expect(unclosedQuoteLine(Buffer.from(text))).toBe(5);
    expect(unclosedQuoteLine(Buffer.from('y,s\n"a",1\n'))).toBeUndefined();
    expect(unclosedQuoteLine(Buffer.from('y\ts\na\t"b\n'), '\t')).toBe(2);
  });
});
