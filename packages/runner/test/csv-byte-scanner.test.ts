import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoadedColumn, loadColumns } from '@assay/runner';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { lastParseFailed, parseDecimal } from '../src/io/csv-bytes.js';
import { readCsvStream } from '../src/io/read-csv.js';
import { readCsvBytes } from '../src/io/read-csv-bytes.js';
import { runnerRejection } from './helpers/rejection.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-csv-bytes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function decode(column: LoadedColumn | undefined): unknown[] {
  if (column === undefined) throw new Error('column missing');
  if (column.kind === 'number') return Array.from(column.values);
  return Array.from(column.codes, (c) => (c < 0 ? null : column.dictionary[c]));
}

function write(name: string, text: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** Both readers on one file: the byte scanner (through loadColumns) and csv-parse. */
async function bothReaders(
  file: string,
  columns: Record<string, 'label' | 'number' | 'auto' | 'text'>,
) {
  const map = new Map(Object.entries(columns));
  const delimiter = file.endsWith('.tsv') ? '\t' : ',';
  // the scanner itself (loadColumns would hide a scanner that gave up behind csv-parse)
  const fast = await readCsvBytes(file, map, delimiter);
  const slow = await readCsvStream(file, map, delimiter);
  return { fast, slow };
}

describe('the CSV byte scanner reads what csv-parse reads', () => {
  test('quoted fields with delimiters, doubled quotes and line breaks, a BOM and CRLF', async () => {
    const text =
      '\uFEFFlabel,score,note\r\n' +
      '"spam, eggs",0.5,"said ""hi"""\r\n' +
      'ham,"0.25","two\r\nlines"\r\n' +
      '\r\n' +
      '"",1e-3,\r\n' +
      'ham,-0,plain';
    const file = write('quoted.csv', text);
    const { fast, slow } = await bothReaders(file, {
      label: 'label',
      score: 'number',
      note: 'text',
    });
    expect(fast.n).toBe(4);
    expect(decode(fast.columns.get('label'))).toEqual(['spam, eggs', 'ham', null, 'ham']);
    expect(decode(fast.columns.get('score'))).toEqual([0.5, 0.25, 0.001, -0]);
    expect(fast.texts?.get('note')?.values).toEqual(['said "hi"', 'two\r\nlines', '', 'plain']);
    for (const name of ['label', 'score']) {
      expect(decode(fast.columns.get(name))).toEqual(decode(slow.columns.get(name)));
    }
    expect(fast.texts?.get('note')?.values).toEqual(slow.texts?.get('note')?.values);
    expect(fast.available).toEqual(['label', 'score', 'note']);
  });

  test('records and quoted line breaks split across read chunks', async () => {
    const rows = Array.from({ length: 300_000 }, (_, i) =>
      i % 7 === 0 ? `"a\nb,${i}",${i % 3},${(i / 7).toFixed(5)}` : `x${i % 5},${i % 3},${i * 0.5}`,
    );
    const file = write('long.csv', `t,y,s\n${rows.join('\n')}\n`);
    const { fast, slow } = await bothReaders(file, { t: 'label', y: 'auto', s: 'number' });
    expect(fast.n).toBe(300_000);
    for (const name of ['t', 'y', 's']) {
      expect(decode(fast.columns.get(name))).toEqual(decode(slow.columns.get(name)));
    }
  });

  test('an auto column with a text cell is text labels; numeric text with NA is numeric labels', async () => {
    const file = write('auto.tsv', 'y\tp\n1\t1\n2\tNA\ncat\t03\n\t2.0\n');
    const { fast, slow } = await bothReaders(file, { y: 'auto', p: 'label' });
    expect(decode(fast.columns.get('y'))).toEqual(['1', '2', 'cat', null]);
    // numeric text and a missing marker: numbers, NA missing (as pandas, and as read as numbers)
    expect(decode(fast.columns.get('p'))).toEqual([1, null, 3, 2]);
    for (const name of ['y', 'p']) {
      expect(decode(fast.columns.get(name))).toEqual(decode(slow.columns.get(name)));
    }
  });

  test('ragged rows and non-numeric cells are named by line, through the csv-parse reader', async () => {
    const ragged = write('ragged.csv', 'a,b\n1,2\n"x\ny",3\n4\n');
    const error = await runnerRejection(loadColumns(ragged, { columns: { a: 'auto' } }));
    expect(error.code).toBe('RAGGED_ROW');
    expect(error.message).toContain('line 5 has 1 field but the header has 2;');
    const wide = write('wide.csv', 'a,b\n1,2\n3,4,5\n');
    const extra = await runnerRejection(loadColumns(wide, { columns: { a: 'auto' } }));
    expect(extra.message).toContain('line 3 has 3 fields but the header has 2;');
    const bad = write('bad.csv', 'y,s\n1,0.5\n0,0.25x\n');
    const refused = await runnerRejection(loadColumns(bad, { columns: { s: 'number' } }));
    expect(refused.code).toBe('NON_NUMERIC_VALUE');
    expect(refused.message).toContain('"s"');
    expect(refused.message).toContain('line 3');
  });

  test('a lone CR ends a record in both readers; a quote inside an unquoted field is left to csv-parse', async () => {
    const cr = write('cr.csv', 'y,s\r1,0.5\r0,0.25\r');
    const { fast, slow } = await bothReaders(cr, { s: 'number' });
    expect(decode(fast.columns.get('s'))).toEqual([0.5, 0.25]);
    expect(decode(slow.columns.get('s'))).toEqual([0.5, 0.25]);
    const quote = write('quote.csv', 'y,s\na"b,0.5\n');
    const error = await loadColumns(quote, { columns: { y: 'label' } }).catch((e: unknown) => e);
    const expected = await readCsvStream(quote, new Map([['y', 'label']])).catch((e: unknown) => e);
    expect(String(error)).toBe(String(expected));
  });
});

describe('parseDecimal', () => {
  test('equals Number(text) wherever it answers, and answers for plain decimals', () => {
    const decimal = fc
      .tuple(
        fc.constantFrom('', '-', '+'),
        fc.stringMatching(/^[0-9]{0,12}$/),
        fc.option(fc.stringMatching(/^[0-9]{0,8}$/)),
        fc.option(fc.integer({ min: -30, max: 30 })),
      )
      .map(
        ([sign, int, frac, exp]) =>
          `${sign}${int}${frac === null ? '' : `.${frac}`}${exp === null ? '' : `e${exp}`}`,
      );
    fc.assert(
      fc.property(decimal, (text) => {
        const bytes = Buffer.from(text);
        const value = parseDecimal(bytes, 0, bytes.length);
        if (!lastParseFailed()) expect(Object.is(value, Number(text))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
    for (const text of ['0.295255', '-12', '1e-3', '-0', '123456789012345']) {
      const bytes = Buffer.from(text);
      expect(Object.is(parseDecimal(bytes, 0, bytes.length), Number(text))).toBe(true);
      expect(lastParseFailed()).toBe(false);
    }
    for (const text of ['', '-', '.', '1e', '0x10', ' 1', '1234567890123456', 'inf', '1.2.3']) {
      const bytes = Buffer.from(text);
      parseDecimal(bytes, 0, bytes.length);
      expect(lastParseFailed()).toBe(true);
    }
  });
});
