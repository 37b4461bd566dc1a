import { rmSync } from 'node:fs';
import { createRunner, loadColumns, RunnerError } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';
import { readCsvStream } from '../src/io/read-csv.js';
import { readCsvBytes } from '../src/io/read-csv-bytes.js';
import { readCsvOnPool } from '../src/io/read-csv-pool.js';
import pandasMarkers from './fixtures/pandas-missing-markers.json' with { type: 'json' };
import { csvFileWriter, inProcessPool } from './helpers/csv-test-files.js';

// a user wrote None (pandas' default marker) in a score column and read that only empty
// cells were missing; pandas' markers are now all missing and the message lists them
const files = csvFileWriter('assay-missing-markers-');
const runner = createRunner({ workers: 1 });
afterAll(async () => {
  await runner.close();
  rmSync(files.dir, { recursive: true, force: true });
});

const CSV_ADVICE =
  "every value must be a number (or, for a missing value, an empty cell or one of pandas' markers: #N/A, #N/A N/A, #NA, -1.#IND, -1.#QNAN, -NaN, -nan, 1.#IND, 1.#QNAN, <NA>, N/A, NA, NULL, NaN, None, n/a, nan, null).";

async function rejection(promise: Promise<unknown>): Promise<RunnerError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RunnerError);
  expect((error as RunnerError).code).toBe('NON_NUMERIC_VALUE');
  return error as RunnerError;
}

describe('a non-numeric cell in a CSV number column names the missing markers accepted', () => {
  const csv = files.write('y,s\n1,0.5\n0,NA\n1,Null\n');
  const columns = new Map([['s', 'number' as const]]);

  test('read on this thread', async () => {
    const error = await rejection(loadColumns(csv, { columns }));
    expect(error.message).toBe(
      `Column "s" has the non-numeric value "Null" at line 4 (data row 3) of ${csv}; ${CSV_ADVICE}`,
    );
  });

  test('read with a runner: the pool hands the file to the sequential reader, same message', async () => {
    const options = { minFileBytes: 0, minRangeBytes: 1 };
    expect(await readCsvOnPool(csv, columns, ',', runner, options)).toBeUndefined();
    const error = await rejection(loadColumns(csv, { columns, runner }));
    expect(error.message).toBe(
      `Column "s" has the non-numeric value "Null" at line 4 (data row 3) of ${csv}; ${CSV_ADVICE}`,
    );
  });

  // pandas 2 added None to the markers; Debian's pandas 1.5 made the fixture
  const markers = [...pandasMarkers.missing, 'None'];

  test('each cell pandas reads as missing is missing: byte scanner, csv-parse and the pool', async () => {
    const file = files.write(`y,s\n${markers.map((m) => `1,${m}\n`).join('')}1,1\n`);
    const expected = [...markers.map(() => NaN), 1];
    const options = { minFileBytes: 0, minRangeBytes: 1 };
    const tables = [
      await readCsvBytes(file, columns, ','),
      await readCsvStream(file, columns, ','),
      await readCsvOnPool(file, columns, ',', inProcessPool(2), options),
    ];
    for (const table of tables) {
      const s = table?.columns.get('s');
      expect(s?.kind === 'number' ? Array.from(s.values) : s).toEqual(expected);
    }
  });

  const text = pandasMarkers.text.filter((cell) => cell !== 'None');
  test.each(text)('%j, which pandas reads as text, is refused', async (cell) => {
    const csv = files.write(`y,s\n1,0.5\n0,"${cell}"\n`);
    const error = await rejection(loadColumns(csv, { columns }));
    expect(error.message).toContain(`non-numeric value ${JSON.stringify(cell)} at line 3`);
  });

  test('in a column of numeric labels the markers are missing labels (code -1)', async () => {
    const file = files.write(`y,p\n${markers.map((m, i) => `${m},${i % 2}\n`).join('')}1,1\n`);
    const table = await loadColumns(file, { columns: { y: 'label', p: 'label' } });
    const y = table.columns.get('y')!;
    expect(y.kind === 'label' ? [...y.dictionary] : y).toEqual([1]);
    expect(y.kind === 'label' ? Array.from(y.codes) : y).toEqual([...markers.map(() => -1), 0]);
  });
});

test('in JSON Lines, the message names null and an absent key, the missing values there', async () => {
  const file = files.write('{"s": 0.5}\n{"s": "None"}\n', 'jsonl');
  const error = await rejection(loadColumns(file, { columns: { s: 'number' } }));
  expect(error.message).toContain(
    'every value must be a number (or, for a missing value, null, a bare NaN or no key).',
  );
});
