import { rmSync } from 'node:fs';
import { loadColumns } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';
import { csvFileWriter } from './helpers/csv-test-files.js';
import { runnerRejection } from './helpers/rejection.js';

// JSON Lines saved as .csv was refused for a quote "right after the closing quote" of its
// first key, which named nothing of the cause
const files = csvFileWriter('assay-json-as-csv-');
afterAll(() => rmSync(files.dir, { recursive: true, force: true }));

describe('a JSON Lines file read as CSV', () => {
  test('is refused naming the format it holds and how to read it', async () => {
    const path = files.write('\uFEFF{"y":"a","p":"a"}\n{"y":"b","p":"a"}\n');
    const error = await runnerRejection(loadColumns(path, { columns: { y: 'label', p: 'label' } }));
    expect(error.code).toBe('UNREADABLE_FILE');
    expect(error.message).toBe(
      `${path} is read as CSV (by its extension), but its first line starts with a JSON object, as JSON Lines does: name it .jsonl, or pass --input-format jsonl (format: 'jsonl').`,
    );
    // read as what it is, it scores
    const table = await loadColumns(path, { columns: { y: 'label', p: 'label' }, format: 'jsonl' });
    expect(table.n).toBe(2);
  });

  test('a CSV whose header starts with another character is read as before', async () => {
    const path = files.write('y,p\n{a},a\n');
    const table = await loadColumns(path, { columns: { y: 'label', p: 'label' } });
    expect(table.n).toBe(1);
  });
});
