import { rmSync } from 'node:fs';
import type { ColumnKind, RunnerError } from '@assay/runner';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { countSpan } from '../src/io/csv-range-count.js';
import type { CsvCountTask } from '../src/io/csv-range-types.js';
import { readCsvStream } from '../src/io/read-csv.js';
import { readCsvBytes } from '../src/io/read-csv-bytes.js';
import { readCsvOnPool } from '../src/io/read-csv-pool.js';
import { csvFileWriter, inProcessPool as inProcess } from './helpers/csv-test-files.js';
import { expectSameTable } from './helpers/same-table.js';

const { dir, write } = csvFileWriter('assay-csv-fast-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Number cells the fast loop parses and ones it leaves to the generic path. */
const numberText = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.constantFrom('', '-', '+'),
        fc.stringMatching(/^[0-9]{0,18}$/),
        fc.option(fc.stringMatching(/^[0-9]{0,18}$/)),
        fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.integer({ min: -40, max: 40 }))),
      )
      .map(
        ([sign, int, frac, exp]) =>
          `${sign}${int}${frac === null ? '' : `.${frac}`}${exp === null ? '' : `${exp[0]}${exp[1]}`}`,
      )
      .filter((text) => /[0-9]/.test(text)),
  },
  { weight: 1, arbitrary: fc.constantFrom('', 'NA', 'NaN', 'null', '-0', '007', '0.000', '1e400') },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map(String) },
);

/** A cell as written, or within quotes (as R's write.csv writes labels). */
const maybeQuoted = (cell: fc.Arbitrary<string>) =>
  fc
    .tuple(cell, fc.boolean())
    .map(([text, quoted]) => (quoted || text.includes('"') ? `"${text}"` : text));

describe('the fast row loop reads what csv-parse reads', () => {
  test('numbers with many digits, exponents, signs, leading zeros, NA, empty and quoted cells (fast-check)', async () => {
    const input = fc.record({
      rows: fc.array(
        fc.tuple(
          maybeQuoted(numberText),
          maybeQuoted(numberText),
          maybeQuoted(fc.constantFrom('0', '1', '', '10', 'ab', 'cat', 'a""b', 'longer label')),
        ),
        { minLength: 1, maxLength: 60 },
      ),
      crlf: fc.boolean(),
      tsv: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ rows, crlf, tsv }) => {
        const sep = tsv ? '\t' : ',';
        const eol = crlf ? '\r\n' : '\n';
        const text = `x${sep}y${sep}z${eol}${rows.map((r) => r.join(sep)).join(eol)}${eol}`;
        const file = write(text, tsv ? 'tsv' : 'csv');
        const columns = new Map<string, ColumnKind>([
          ['x', 'number'],
          ['y', 'auto'],
          ['z', 'label'],
        ]);
        const expected = await readCsvStream(file, columns, sep).catch((e: RunnerError) => e);
        const actual = await readCsvBytes(file, columns, sep).catch((e: unknown) => e);
        if (expected instanceof Error) expect(actual).toBeInstanceOf(Error);
        else expectSameTable(actual as typeof expected, expected);
      }),
      { numRuns: 300 },
    );
  });

  test('parsed cells equal Number(text) bit for bit, -0 included', async () => {
    const cells = ['0.295255', '-0', '+5', '.5', '5.', '123456789012345', '1234567890123456'];
    cells.push('0.0000000000000000001', '1e22', '1e-22', '3E+5', '-2.5e-3', '00012.50', '9e23');
    const file = write(`v\n${cells.join('\n')}\n`);
    const table = await readCsvBytes(file, new Map([['v', 'number']]), ',');
    const column = table.columns.get('v');
    expect(column?.kind).toBe('number');
    if (column?.kind !== 'number') return;
    cells.forEach((text, i) => {
      expect(Object.is(column.values[i], Number(text)), text).toBe(true);
    });
  });

  test('labels met first in the fast loop and later: one code each, first-seen order', async () => {
    const labels = ['1', 'b', 'cat', '1', '"b"', 'tigers', 'zebra12', '', '"cat"', 'b', '""'];
    const rows = Array.from({ length: 3000 }, (_, i) => `${labels[i % labels.length]},${i}`);
    const file = write(`y,s\n${rows.join('\n')}\n`);
    const columns = new Map<string, ColumnKind>([
      ['y', 'label'],
      ['s', 'number'],
    ]);
    const expected = await readCsvStream(file, columns, ',');
    expectSameTable(await readCsvBytes(file, columns, ','), expected);
  });
});

// no quotes: the pool counts its spans on the threads instead of reading the file here
const PLAIN =
  '\uFEFFlabel,score,mixed\r\n' +
  Array.from({ length: 40 }, (_, i) => {
    const score = i % 11 === 0 ? '' : i % 13 === 0 ? '-0' : (i * 0.37 - 3).toFixed(i % 4);
    const mixed = i === 27 ? 'cat' : i % 9 === 0 ? 'NA' : i % 7 === 0 ? '1.0' : String(i % 3);
    return `h${i % 4},${score},${mixed}${i % 6 === 0 ? '\r\n\r\n' : '\r\n'}`;
  }).join('') +
  '\n0,1,2';

describe('the pool counts the records of files without quotes on its threads', () => {
  test('one split at every byte offset reads what the sequential reader reads', async () => {
    const file = write(PLAIN);
    const columns = new Map<string, ColumnKind>([
      ['label', 'label'],
      ['score', 'number'],
      ['mixed', 'auto'],
    ]);
    const expected = await readCsvBytes(file, columns, ',');
    const size = Buffer.byteLength(PLAIN);
    for (let at = 0; at <= size; at++) {
      const options = { minFileBytes: 0, minRangeBytes: 1, splitAt: [at, at + 7] };
      const actual = await readCsvOnPool(file, columns, ',', inProcess(2), options);
      expect(actual, `split at ${at}`).toBeDefined();
      expectSameTable(actual!, expected);
    }
  });

  test('spans meet end to end and their records add up to the rows', () => {
    const file = write(PLAIN);
    const size = Buffer.byteLength(PLAIN);
    const from = PLAIN.indexOf('\n') + 3;
    for (let cut = from + 1; cut < size; cut++) {
      const task: CsvCountTask = {
        kind: 'csv-parse',
        file,
        cuts: [from, cut, size],
        width: 3,
        next: new Int32Array(new SharedArrayBuffer(4)),
      };
      const [a, b] = [countSpan(task, 0), countSpan(task, 1)];
      expect(a.first).toBe(from);
      expect(a.end).toBe(b.first);
      expect(b.end).toBe(size);
      expect(a.rows + b.rows, `cut at ${cut}`).toBe(41);
      expect(a.quoted || b.quoted).toBe(false);
    }
  });

  test('a quote anywhere sends the split to the pass that follows quotes', async () => {
    const text = `a,b\n1,2\n"x\ny",3\n${'4,5\n'.repeat(50)}`;
    const file = write(text);
    const columns = new Map<string, ColumnKind>([['a', 'label']]);
    const expected = await readCsvBytes(file, columns, ',');
    for (let at = 0; at <= text.length; at += 3) {
      const options = { minFileBytes: 0, minRangeBytes: 1, splitAt: [at] };
      const actual = await readCsvOnPool(file, columns, ',', inProcess(2), options);
      expectSameTable(actual!, expected);
    }
  });
});

describe('records longer than the reused read buffer', () => {
  test('a 1.5 MiB cell is read whole, sequentially and on the pool', async () => {
    const long = 'x'.repeat(3 << 19);
    const rows = Array.from({ length: 2000 }, (_, i) => `${i === 700 ? long : `l${i % 3}`},${i}`);
    const file = write(`y,s\n${rows.join('\n')}\n`);
    const columns = new Map<string, ColumnKind>([
      ['y', 'label'],
      ['s', 'number'],
    ]);
    const expected = await readCsvStream(file, columns, ',');
    const sequential = await readCsvBytes(file, columns, ',');
    expectSameTable(sequential, expected);
    const column = sequential.columns.get('y');
    expect(column?.kind === 'label' && column.dictionary.includes(long)).toBe(true);
    const options = { minFileBytes: 0, minRangeBytes: 1 };
    const pooled = await readCsvOnPool(file, columns, ',', inProcess(2), options);
    expect(pooled).toBeDefined();
    expectSameTable(pooled!, expected);
  });
});
