import { rmSync } from 'node:fs';
import { createRunner, loadColumns, RunnerError } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';
import { readCsvOnPool } from '../src/io/read-csv-pool.js';
import { csvFileWriter } from './helpers/csv-test-files.js';

// a user wrote None (pandas' default marker) in a score column and read that only empty
// cells were missing, though NA, NaN, nan and null are too: the message lists them all
const files = csvFileWriter('assay-missing-markers-');
const runner = createRunner({ workers: 1 });
afterAll(async () => {
  await runner.close();
  rmSync(files.dir, { recursive: true, force: true });
});

const CSV_ADVICE =
  'every value must be a number (or, for a missing value, an empty cell, NA, NaN, nan or null).';

async function rejection(promise: Promise<unknown>): Promise<RunnerError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RunnerError);
  expect((error as RunnerError).code).toBe('NON_NUMERIC_VALUE');
  return error as RunnerError;
}

describe('a non-numeric cell in a CSV number column names the missing markers accepted', () => {
  const csv = files.write('y,s\n1,0.5\n0,NA\n1,None\n');
  const columns = new Map([['s', 'number' as const]]);

  test('read on this thread', async () => {
    const error = await rejection(loadColumns(csv, { columns }));
    expect(error.message).toBe(
      `Column "s" has the non-numeric value "None" at line 4 (data row 3) of ${csv}; ${CSV_ADVICE}`,
    );
  });

  test('read with a runner: the pool hands the file to the sequential reader, same message', async () => {
    const options = { minFileBytes: 0, minRangeBytes: 1 };
    expect(await readCsvOnPool(csv, columns, ',', runner, options)).toBeUndefined();
    const error = await rejection(loadColumns(csv, { columns, runner }));
    expect(error.message).toBe(
      `Column "s" has the non-numeric value "None" at line 4 (data row 3) of ${csv}; ${CSV_ADVICE}`,
    );
  });

  test('each marker listed is read as missing', async () => {
    const markers = ['', 'NA', 'NaN', 'nan', 'null'];
    const file = files.write(`y,s\n${markers.map((m) => `1,${m}\n`).join('')}1,1\n`);
    const s = (await loadColumns(file, { columns })).columns.get('s')!;
    expect(s.kind === 'number' ? Array.from(s.values) : s).toEqual([...markers.map(() => NaN), 1]);
  });
});

test('in JSON Lines, the message names null and an absent key, the missing values there', async () => {
  const file = files.write('{"s": 0.5}\n{"s": "None"}\n', 'jsonl');
  const error = await rejection(loadColumns(file, { columns: { s: 'number' } }));
  expect(error.message).toContain(
    'every value must be a number (or, for a missing value, null, a bare NaN or no key).',
  );
});
