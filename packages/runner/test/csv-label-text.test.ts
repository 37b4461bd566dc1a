import { rmSync } from 'node:fs';
import {
  type ColumnKind,
  type LoadedColumn,
  type LoadedTable,
  scorePredictions,
} from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';
import { readCsvStream } from '../src/io/read-csv.js';
import { readCsvBytes } from '../src/io/read-csv-bytes.js';
import { readCsvOnPool } from '../src/io/read-csv-pool.js';
import { csvFileWriter, inProcessPool } from './helpers/csv-test-files.js';
import { runnerRejection } from './helpers/rejection.js';
import { expectSameTable } from './helpers/same-table.js';

// How CSV label columns read, against pandas 2 (read_csv; object columns compare as written)
// and scikit-learn: an `auto` column with any text is text labels, every cell the label of
// its own text whatever its row; a column of numeric text (and missing markers) is numbers.

const { dir, write } = csvFileWriter('assay-csv-label-text-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function decode(column: LoadedColumn | undefined): unknown[] {
  if (column === undefined) throw new Error('column missing');
  if (column.kind === 'number')
    return Array.from(column.values, (v) => (Number.isNaN(v) ? null : v));
  return Array.from(column.codes, (c) => (c < 0 ? null : column.dictionary[c]));
}

/** Every line start of `text` after the header: the pool reads each line as its own range. */
function lineStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Reads `text` with the byte scanner, with csv-parse, and on the pool (one range per line,
 * and the file in one range): all must agree; returns the scanner's table.
 */
async function readEveryWay(text: string, columns: Record<string, ColumnKind>) {
  const file = write(text);
  const map = new Map(Object.entries(columns));
  const scanned = await readCsvBytes(file, map, ',');
  expectSameTable(await readCsvStream(file, map, ','), scanned);
  for (const splitAt of [lineStarts(text), []]) {
    const options = { minFileBytes: 0, minRangeBytes: 1, splitAt };
    const pooled = await readCsvOnPool(file, map, ',', inProcessPool(3), options);
    expect(pooled, `split at ${JSON.stringify(splitAt)}`).toBeDefined();
    expectSameTable(pooled!, scanned);
  }
  return scanned;
}

/** The rows of `rows` reversed, below the same header. */
function reversed(header: string, rows: readonly string[]): string {
  return `${header}\n${[...rows].reverse().join('\n')}\n`;
}

describe('an auto column that holds text: each cell is the label of its own text', () => {
  test('1.0 before and after the first text cell is one label "1.0" (accuracy 0.5, as pandas + sklearn)', async () => {
    const table = await readEveryWay('y_true,y_pred\nx,2\n1.0,1.0\n2,x\n1.0,1.0\n', {
      y_true: 'auto',
      y_pred: 'auto',
    });
    expect(decode(table.columns.get('y_true'))).toEqual(['x', '1.0', '2', '1.0']);
    expect(decode(table.columns.get('y_pred'))).toEqual(['2', '1.0', 'x', '1.0']);
    const report = await scorePredictions(
      { table, roles: { yTrue: 'y_true', yPred: 'y_pred' } },
      { workers: 0, metrics: ['accuracy'], bootstrap: 0 },
    );
    // sklearn accuracy_score(['x','1.0','2','1.0'], ['2','1.0','x','1.0']) == 0.5; it was 0.25
    expect(report.overall.accuracy?.value).toBe(0.5);
  });

  test('1, 1.0, 01, NA keep their text before and after the switch, in any row order', async () => {
    const rows = ['1,0', '1.0,0', '01,0', 'NA,0', 'cat,0', '1.0,0', 'NA,0', '01,0', ',0'];
    const expected = ['1', '1.0', '01', 'NA', 'cat', '1.0', 'NA', '01', null];
    const forward = await readEveryWay(`y,z\n${rows.join('\n')}\n`, { y: 'auto' });
    expect(decode(forward.columns.get('y'))).toEqual(expected);
    const backward = await readEveryWay(reversed('y,z', rows), { y: 'auto' });
    expect(decode(backward.columns.get('y'))).toEqual([...expected].reverse());
  });

  test('spaces, signs, exponents and -0 stay as written once the column is text', async () => {
    const cells = [' 1', '1 ', '+1', '1e0', '-0', '0', 'a'];
    const table = await readEveryWay(`y,z\n${cells.map((c) => `${c},0`).join('\n')}\n`, {
      y: 'auto',
    });
    expect(decode(table.columns.get('y'))).toEqual(cells);
  });

  test('NA in a text column is the label "NA" in the first row as in a later one', async () => {
    const first = await readEveryWay('y_true,y_pred\nNA,a\nb,b\na,a\nb,NA\n', {
      y_true: 'auto',
      y_pred: 'auto',
    });
    const later = await readEveryWay('y_true,y_pred\na,a\nb,b\nNA,a\nb,NA\n', {
      y_true: 'auto',
      y_pred: 'auto',
    });
    expect(decode(first.columns.get('y_true'))).toEqual(['NA', 'b', 'a', 'b']);
    expect(decode(later.columns.get('y_true'))).toEqual(['a', 'b', 'NA', 'b']);
    for (const table of [first, later]) {
      const report = await scorePredictions(
        { table, roles: { yTrue: 'y_true', yPred: 'y_pred' } },
        { workers: 0, metrics: ['accuracy'], bootstrap: 0 },
      );
      expect(report.overall.accuracy?.value).toBe(0.5);
    }
  });

  test('a column of numbers with NA stays numbers with NA missing', async () => {
    const table = await readEveryWay('y,z\n1,0\nNA,0\n1.0,0\nnull,0\n2,0\n', { y: 'auto' });
    expect(table.columns.get('y')?.kind).toBe('number');
    expect(decode(table.columns.get('y'))).toEqual([1, null, 1, null, 2]);
  });
});

describe('a label column of numeric text and missing markers is numeric labels', () => {
  const text = 'y_true,y_pred\n1,1.0\n1.0,1\nNA,0\n0,NA\n0,0\n';
  const columns: Record<string, ColumnKind> = { y_true: 'label', y_pred: 'label' };

  test('1 and 1.0 are one label and NA is missing (as pandas reads the column)', async () => {
    const table = await readEveryWay(text, columns);
    expect(decode(table.columns.get('y_true'))).toEqual([1, 1, null, 0, 0]);
    expect(decode(table.columns.get('y_pred'))).toEqual([1, 1, 0, null, 0]);
  });

  test('dropMissing drops the NA rows (accuracy 1, as pandas dropna + sklearn; it was 0.2)', async () => {
    const table = await readEveryWay(text, columns);
    const roles = { yTrue: 'y_true', yPred: 'y_pred' };
    const report = await scorePredictions(
      { table, roles },
      {
        workers: 0,
        task: 'classification',
        metrics: ['accuracy'],
        bootstrap: 0,
        dropMissing: true,
      },
    );
    expect(report.overall.accuracy?.value).toBe(1);
    const error = await runnerRejection(
      scorePredictions(
        { table, roles },
        { workers: 0, task: 'classification', metrics: ['accuracy'], bootstrap: 0 },
      ),
    );
    expect(error.code).toBe('MISSING_VALUE');
    expect(error.message).toContain('row 3');
  });

  test('a column of nothing but markers keeps them as labels (no number to be missing among)', async () => {
    const table = await readEveryWay('y,p\nNA,1\nnull,0\n', { y: 'label', p: 'label' });
    expect(decode(table.columns.get('y'))).toEqual(['NA', 'null']);
    expect(decode(table.columns.get('p'))).toEqual([1, 0]);
  });

  test('with any other text, NA is a label as written', async () => {
    const table = await readEveryWay('y,z\n1,0\nNA,0\ncat,0\n1.0,0\n', { y: 'label' });
    expect(decode(table.columns.get('y'))).toEqual(['1', 'NA', 'cat', '1.0']);
  });
});

describe('empty and whitespace-only lines are skipped, as pandas skips them', () => {
  test('in a one-column file (an empty line was a missing row)', async () => {
    const table = await readEveryWay('s\n1\n\n2\n\r\n3\n', { s: 'auto' });
    expect(decode(table.columns.get('s'))).toEqual([1, 2, 3]);
    const labels = await readEveryWay('y\na\n\nb\n', { y: 'label' });
    expect(decode(labels.columns.get('y'))).toEqual(['a', 'b']);
  });

  test('in a one-column file "" is a missing cell, not an empty line (pandas: NaN)', async () => {
    const table = await readEveryWay('s\n1\n""\n2\n', { s: 'auto' });
    expect(decode(table.columns.get('s'))).toEqual([1, null, 2]);
  });

  test('a line of spaces and tabs (it was RAGGED_ROW), in one- and two-column files', async () => {
    for (const [text, columns, expected] of [
      ['y,s\na,1\n   \nb,2\n \t\n', { y: 'label' }, ['a', 'b']],
      ['s\nx\n  \ny\n', { s: 'label' }, ['x', 'y']],
      // a quoted cell of spaces is a label, the same spaces unquoted a line to skip
      ['s\n"   "\nx\n   \n"   "\n', { s: 'label' }, ['   ', 'x', '   ']],
    ] as const) {
      const file = write(text);
      const map = new Map(Object.entries(columns));
      const table: LoadedTable = await readCsvBytes(file, map, ',');
      expect(decode(table.columns.get(Object.keys(columns)[0]!))).toEqual(expected);
      expectSameTable(await readCsvStream(file, map, ','), table);
      // the pool reads such a file alike or leaves it to the sequential reader
      const pool = await readCsvOnPool(file, map, ',', inProcessPool(2), {
        minFileBytes: 0,
        minRangeBytes: 1,
        splitAt: lineStarts(text),
      });
      if (pool !== undefined) expectSameTable(pool, table);
    }
  });
});
