import { rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { type ColumnKind, createRunner, loadColumns, type RunnerError } from '@assay/runner';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { readCsv } from '../src/io/read-csv.js';
import { type CsvPoolOptions, type FileReadPool, readCsvOnPool } from '../src/io/read-csv-pool.js';
import { csvFileWriter, inProcessPool as inProcess } from './helpers/csv-test-files.js';
import { expectSameTable } from './helpers/same-table.js';

const { dir, write } = csvFileWriter('assay-csv-pool-');

const runners = [1, 2]
  .filter((w) => w <= availableParallelism())
  .map((workers) => createRunner({ workers }));

afterAll(async () => {
  await Promise.all(runners.map((r) => r.close()));
  rmSync(dir, { recursive: true, force: true });
});

const SMALL: CsvPoolOptions = { minFileBytes: 0, minRangeBytes: 1 };

async function bothWays(
  file: string,
  columns: Record<string, ColumnKind>,
  pool: FileReadPool,
  options: CsvPoolOptions = SMALL,
) {
  const map = new Map(Object.entries(columns));
  const delimiter = file.endsWith('.tsv') ? '\t' : ',';
  const expected = await readCsv(file, map, delimiter);
  const actual = await readCsvOnPool(file, map, delimiter, pool, options);
  return { actual, expected };
}

// quotes with delimiters and line breaks, doubled quotes, CRLF, a BOM, empty lines, labels
// mixing numbers and text ('1' and '1.0' one label), NA, -0, and an auto column whose first
// text cell comes late (every range before it read numbers)
const TRICKY =
  '\uFEFFlabel,score,mixed,num_text,note\r\n' +
  Array.from({ length: 30 }, (_, i) => {
    const label = i % 5 === 0 ? `"sp""am, ${i % 3}\r\nx"` : i % 5 === 1 ? '""' : `h${i % 4}`;
    const score = i % 11 === 0 ? '' : i % 13 === 0 ? '-0' : (i * 0.37 - 3).toFixed(i % 4);
    const mixed = i === 21 ? 'cat' : i % 9 === 0 ? 'NA' : i % 7 === 0 ? '1.0' : String(i % 3);
    const numText = i % 2 === 0 ? '1' : i % 3 === 0 ? '"1.0"' : '2';
    return `${label},${score},${mixed},${numText},"n\n${i}"${i % 6 === 0 ? '\r\n\r\n' : '\r\n'}`;
  }).join('') +
  '\n';
const TRICKY_COLUMNS: Record<string, ColumnKind> = {
  label: 'label',
  score: 'number',
  mixed: 'auto',
  num_text: 'label',
};

describe('the CSV reader on the pool equals the sequential reader', () => {
  test('one split at every byte offset of a file with quotes, CRLF, a BOM and empty lines', async () => {
    const file = write(TRICKY);
    const { expected } = await bothWays(file, TRICKY_COLUMNS, inProcess(2));
    const size = Buffer.byteLength(TRICKY);
    for (let at = 0; at <= size; at++) {
      const options = { ...SMALL, splitAt: [at] };
      const actual = await readCsvOnPool(
        file,
        new Map(Object.entries(TRICKY_COLUMNS)),
        ',',
        inProcess(2),
        options,
      );
      expect(actual, `split at ${at}`).toBeDefined();
      expectSameTable(actual!, expected);
    }
    // about 400 pool reads: 5 s on an idle machine, past 30 s beside the other suites in CI
  }, 120_000);

  test('1, 2 and 3 workers of ranges, and the real pool with 1 and 2 workers', async () => {
    const file = write(TRICKY);
    for (const workers of [1, 2, 3]) {
      const { actual, expected } = await bothWays(file, TRICKY_COLUMNS, inProcess(workers));
      expectSameTable(actual!, expected);
    }
    for (const runner of runners) {
      const { actual, expected } = await bothWays(file, TRICKY_COLUMNS, runner);
      expectSameTable(actual!, expected);
    }
  });

  test('ranges of an auto column that began with numbers, before or after its first text cell, are read again as labels', async () => {
    const rows = ['y', '1', '2', '1.0', 'cat', '1.0', 'NA', 'dog', '3', '01', 'NA', 'x'];
    const file = write(`${rows.join('\n')}\n`);
    const { expected } = await bothWays(file, { y: 'auto' }, inProcess(1));
    const column = expected.columns.get('y');
    expect(column?.kind).toBe('label');
    // every cell the label of its own text, before the first text cell as after it
    if (column?.kind === 'label') {
      const labels = Array.from(column.codes, (c) => column.dictionary[c]);
      expect(labels).toEqual(rows.slice(1));
    }
    const lines = rows.map((r) => r.length + 1);
    const offsets = lines.map((_, k) => lines.slice(0, k).reduce((a, b) => a + b, 0));
    // every line its own range: the ranges after "cat" begin with numbers, NA and empties
    const actual = await readCsvOnPool(file, new Map([['y', 'auto']]), ',', inProcess(4), {
      ...SMALL,
      splitAt: offsets,
    });
    expectSameTable(actual!, expected);
  });

  test('a one-column file with empty lines and "" split at every byte offset', async () => {
    const text = 's\n1\n\n2\r\n\r\n""\n3\n\n';
    const file = write(text);
    const { expected } = await bothWays(file, { s: 'auto' }, inProcess(2));
    const column = expected.columns.get('s');
    // empty lines skipped (pandas); `""` is a missing cell
    expect(column?.kind === 'number' && Array.from(column.values)).toEqual([1, 2, Number.NaN, 3]);
    for (let at = 0; at <= text.length; at++) {
      const map = new Map<string, ColumnKind>([['s', 'auto']]);
      const actual = await readCsvOnPool(file, map, ',', inProcess(2), { ...SMALL, splitAt: [at] });
      expect(actual, `split at ${at}`).toBeDefined();
      expectSameTable(actual!, expected);
    }
  });

  test('workers that never get to the task (a busy pool) are not waited for', async () => {
    const file = write(TRICKY);
    const busy: FileReadPool = { workers: 2, runReadTask: () => new Promise(() => undefined) };
    const { actual, expected } = await bothWays(file, TRICKY_COLUMNS, busy);
    expectSameTable(actual!, expected);
  });

  test('a numeric TSV stays Float64 and the pool reads it', async () => {
    const text = `a\tb\n${Array.from({ length: 500 }, (_, i) => `${i % 3}\t${i / 7}`).join('\n')}`;
    const file = write(text, 'tsv');
    for (const runner of runners) {
      const { actual, expected } = await bothWays(file, { a: 'auto', b: 'number' }, runner);
      expect(actual?.columns.get('b')?.kind).toBe('number');
      expectSameTable(actual!, expected);
    }
  });

  test('a file over 4 MiB is read on the pool with the default options', async () => {
    const rows = Array.from(
      { length: 300_000 },
      (_, i) => `${i % 7 === 0 ? `"c\n${i % 3}"` : `c${i % 4}`},${(i % 1000) / 999},${i % 2}`,
    );
    const file = write(`t,s,y\r\n${rows.join('\r\n')}\r\n`);
    for (const runner of runners) {
      const { actual, expected } = await bothWays(
        file,
        { t: 'auto', s: 'number', y: 'auto' },
        runner,
        {},
      );
      expect(actual).toBeDefined();
      expectSameTable(actual!, expected);
    }
  });

  test('generated CSVs split at random places read the same', async () => {
    // mostly numbers, so that auto columns often turn into labels late (in a later range)
    const cell = fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom('', 'NA', '0', '1', '1.0', '-0', '2.5', '1e3') },
      { weight: 2, arbitrary: fc.integer({ min: -50, max: 50 }).map(String) },
      { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map(String) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('a', 'b c', '"x,y"', '"q""q"', '"l\nm"', '"r\r\ns"'),
      },
      { weight: 1, arbitrary: fc.constantFrom('""', '"3"') },
    );
    const row = fc.array(cell, { minLength: 3, maxLength: 3 });
    const csv = fc.record({
      rows: fc.array(
        fc.oneof({ weight: 9, arbitrary: row }, { weight: 1, arbitrary: fc.constant([]) }),
        {
          minLength: 1,
          maxLength: 40,
        },
      ),
      crlf: fc.boolean(),
      bom: fc.boolean(),
      finalBreak: fc.boolean(),
      kinds: fc.array(fc.constantFrom<ColumnKind>('auto', 'auto', 'label', 'number'), {
        minLength: 3,
        maxLength: 3,
      }),
      cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }),
    });
    let read = 0;
    await fc.assert(
      fc.asyncProperty(csv, async ({ rows, crlf, bom, finalBreak, kinds, cuts }) => {
        const eol = crlf ? '\r\n' : '\n';
        const body = ['a,b,c', ...rows.map((r) => r.join(','))].join(eol);
        const text = `${bom ? '\uFEFF' : ''}${body}${finalBreak ? eol : ''}`;
        const file = write(text);
        const columns = new Map([
          ['a', kinds[0]!],
          ['b', kinds[1]!],
          ['c', kinds[2]!],
        ]);
        const size = Buffer.byteLength(text);
        const options = { ...SMALL, splitAt: cuts.map((c) => Math.floor(c * size)) };
        const expected = await readCsv(file, columns, ',').catch((e: RunnerError) => e);
        const actual = await readCsvOnPool(file, columns, ',', inProcess(3), options);
        if (expected instanceof Error) {
          // the pool leaves every refused file to the sequential reader
          expect(actual).toBeUndefined();
        } else if (actual !== undefined) {
          expectSameTable(actual, expected);
          read++;
        } else {
          // only files the byte scanner leaves to csv-parse may be declined
          const { readCsvBytes } = await import('../src/io/read-csv-bytes.js');
          await expect(readCsvBytes(file, columns, ',')).rejects.toThrow();
        }
      }),
      { numRuns: 300 },
    );
    // the property must be about the pool: a good share of the files (the others have a
    // text cell in a number column) are read on it
    expect(read).toBeGreaterThan(60);
  });
});

describe('an auto column of numbers with a few text cells, split anywhere', () => {
  test('reads the same labels as the sequential reader (fast-check)', async () => {
    const cell = fc.oneof(
      {
        weight: 12,
        arbitrary: fc.constantFrom(
          '1',
          '1.0',
          'NA',
          '-0',
          '',
          '2',
          '1e3',
          '"3"',
          '01',
          ' 1',
          'null',
        ),
      },
      { weight: 1, arbitrary: fc.constantFrom('cat', 'dog') },
    );
    const input = fc.record({
      cells: fc.array(cell, { minLength: 1, maxLength: 30 }),
      cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ cells, cuts }) => {
        const text = `y,z\n${cells.map((c) => `${c},0`).join('\n')}\n`;
        const file = write(text);
        const columns = new Map<string, ColumnKind>([['y', 'auto']]);
        const size = Buffer.byteLength(text);
        const options = { ...SMALL, splitAt: cuts.map((c) => Math.floor(c * size)) };
        const expected = await readCsv(file, columns, ',');
        const actual = await readCsvOnPool(file, columns, ',', inProcess(2), options);
        expectSameTable(actual!, expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('files the pool does not read go to the sequential reader with its errors', () => {
  const bad: [string, string, Record<string, ColumnKind>, string, string][] = [
    ['ragged row', 'a,b\n1,2\n"x\ny",3\n4\n', { a: 'auto' }, 'RAGGED_ROW', 'line 5'],
    ['non-numeric cell', 'y,s\n1,0.5\n0,0.25x\n', { s: 'number' }, 'NON_NUMERIC_VALUE', 'line 3'],
    ['quote inside a field', 'y,s\n1,0.5\na"b,0.5\n', { y: 'label' }, '', ''],
    ['invalid UTF-8', 'y,s\n1,0.5\n\xff,1\n', { y: 'label' }, 'UNREADABLE_FILE', 'line 3'],
  ];
  test.each(bad)('%s', async (_name, text, columns, code, where) => {
    const file = join(dir, `bad-${_name.replace(/\W+/g, '-')}.csv`);
    writeFileSync(file, Buffer.from(text, 'latin1'));
    const map = new Map(Object.entries(columns));
    const size = Buffer.byteLength(text, 'latin1');
    for (let at = 0; at <= size; at++) {
      const options = { ...SMALL, splitAt: [at] };
      expect(await readCsvOnPool(file, map, ',', inProcess(2), options)).toBeUndefined();
    }
    for (const runner of runners) {
      const viaPool = await loadColumns(file, { columns, runner }).catch((e: unknown) => e);
      const alone = await loadColumns(file, { columns }).catch((e: unknown) => e);
      expect(String(viaPool)).toBe(String(alone));
      if (code !== '') {
        expect((viaPool as RunnerError).code).toBe(code);
        expect(String(viaPool)).toContain(where);
      }
    }
  });

  test('a ragged row deep in a file over 4 MiB is named by its line, as without a runner', async () => {
    // every 7th record spans two lines, so the line differs from the record number
    const rows = Array.from({ length: 300_000 }, (_, i) =>
      i === 250_000 ? 'c1,0' : `${i % 7 === 0 ? `"c\n${i % 3}"` : `c${i % 4}`},${i % 2},0.5`,
    );
    const file = write(`t,y,s\n${rows.join('\n')}\n`);
    const lines = 1 + 250_000 + Math.ceil(250_000 / 7) + 1;
    const alone = await loadColumns(file, { columns: { t: 'label' } }).catch((e: unknown) => e);
    expect((alone as RunnerError).code).toBe('RAGGED_ROW');
    for (const runner of runners) {
      const viaPool = await loadColumns(file, { columns: { t: 'label' }, runner }).catch(
        (e: unknown) => e,
      );
      expect(String(viaPool)).toBe(String(alone));
      expect(String(viaPool)).toContain(`line ${lines}`);
    }
  });

  test('text columns, small files and a runner without workers stay sequential', async () => {
    const file = write('a,b\n1,x\n2,y\n');
    expect(await readCsvOnPool(file, new Map([['b', 'text']]), ',', inProcess(2), SMALL)).toBe(
      undefined,
    );
    expect(await readCsvOnPool(file, new Map([['a', 'auto']]), ',', inProcess(2))).toBe(undefined);
    expect(
      await readCsvOnPool(file, new Map([['a', 'auto']]), ',', inProcess(0), SMALL),
    ).toBeUndefined();
  });
});
