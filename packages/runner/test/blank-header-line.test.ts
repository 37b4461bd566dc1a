import { rmSync } from 'node:fs';
import { createRunner, loadColumns, RunnerError } from '@assay/runner';
import { afterAll, expect, test } from 'vitest';
import { csvFileWriter } from './helpers/csv-test-files.js';

// a new user's CSV of blank lines was said to have the columns "" (one empty name)
const files = csvFileWriter('assay-blank-header-');
const runner = createRunner({ workers: 1 });
afterAll(async () => {
  await runner.close();
  rmSync(files.dir, { recursive: true, force: true });
});

test.each([
  ['only blank lines', '\n\n\n'],
  ['a blank first line before the header', '\ny,p\n1,0\n'],
])('%s: the message says the file has no header row', async (_, text) => {
  const file = files.write(text);
  for (const options of [{}, { runner }]) {
    const error = await loadColumns(file, {
      columns: { y: 'label', p: 'label' },
      ...options,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunnerError);
    expect((error as RunnerError).code).toBe('MISSING_COLUMN');
    expect((error as RunnerError).message).toBe(
      `${file} has no header row: its first line is blank, and a file of blank lines has no columns and no data; the first line must name the columns (e.g. y,p), followed by one line per row.`,
    );
  }
});
