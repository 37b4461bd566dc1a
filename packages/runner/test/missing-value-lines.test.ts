import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRunner, loadColumns, scorePredictions } from '@assay/runner';
import { Table, tableToIPC, vectorFromArray } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, describe, expect, test } from 'vitest';
import { runnerRejection } from './helpers/rejection.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-missing-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** The error of scoring y against p (and s as a score column, when asked) of a file. */
async function scoreError(file: string, roles: { yTrue: string; yPred: string; yScore?: string }) {
  const columns: Record<string, 'auto'> = { [roles.yTrue]: 'auto', [roles.yPred]: 'auto' };
  if (roles.yScore !== undefined) columns[roles.yScore] = 'auto';
  const table = await loadColumns(file, { columns });
  const runner = createRunner({ workers: 0 });
  try {
    return await runnerRejection(runner.scorePredictions({ table, roles }, { posLabel: 1 }));
  } finally {
    await runner.close();
  }
}

describe('a missing value in a file is named by line and column, as a non-numeric cell is', () => {
  test('CSV: the line of the row with the empty cell (the user trial: line 3, data row 2)', async () => {
    const file = write('missing.csv', 'y,p,s\n1,1,0.9\n0,,0.2\n1,0,0.4\n');
    const error = await scoreError(file, { yTrue: 'y', yPred: 'p' });
    expect(error.code).toBe('MISSING_VALUE');
    expect(error.path).toBe('p');
    expect(error.message).toContain(
      `Column "p" (y_pred) has a missing (null, empty, NaN, or a CSV marker such as NA, N/A or None) value at line 3 (data row 2) of ${file};`,
    );
  });

  test('CSV: the same line the non-numeric error names, after blank lines and a quoted line break', async () => {
    const head = 'y,p,t,s\n1,1,"two\nlines",0.9\n\n0,0,c,0.1\n';
    const missing = write('late.csv', `${head}1,,d,0.4\n`);
    const text = write('late-text.csv', `${head}1,1,d,high\n`);
    const error = await scoreError(missing, { yTrue: 'y', yPred: 'p' });
    const nonNumeric = await runnerRejection(loadColumns(text, { columns: { s: 'number' } }));
    const place = /at (line \d+ \(data row 3\)) of /.exec(nonNumeric.message)?.[1];
    expect(place).toBe('line 6 (data row 3)');
    expect(error.message).toContain(`at ${place} of ${missing};`);
  });

  test('TSV: a missing score names its line', async () => {
    const file = write('m.tsv', 'y\tp\ts\n1\t1\t0.9\n\n0\t0\t\n');
    const error = await scoreError(file, { yTrue: 'y', yPred: 'p', yScore: 's' });
    expect(error.path).toBe('s');
    expect(error.message).toContain(
      `Column "s" (y_score) has a missing (null, empty, NaN, or a CSV marker such as NA, N/A or None) value at line 4 (data row 2) of ${file};`,
    );
  });

  test('JSONL: a null names its line, blank lines counted', async () => {
    const file = write('m.jsonl', '{"y": 1, "p": 1}\n\n{"y": 0, "p": null}\n');
    const error = await scoreError(file, { yTrue: 'y', yPred: 'p' });
    expect(error.message).toContain(`at line 3 (data row 2) of ${file};`);
  });

  test('Arrow and Parquet, which have no lines: the data row and the file', async () => {
    const arrow = write(
      'm.arrow',
      tableToIPC(
        new Table({ y: vectorFromArray([1, 0, 1]), p: vectorFromArray([1, null, 0]) }),
        'file',
      ),
    );
    const parquet = write(
      'm.parquet',
      new Uint8Array(
        parquetWriteBuffer({
          columnData: [
            { name: 'y', data: [1, 0, 1], type: 'INT32' },
            { name: 'p', data: [1, null, 0], type: 'INT32' },
          ],
        }),
      ),
    );
    for (const file of [arrow, parquet]) {
      const error = await scoreError(file, { yTrue: 'y', yPred: 'p' });
      expect(error.code).toBe('MISSING_VALUE');
      expect(error.message).toMatch(/^Column "p" \(y_pred\) has a missing/);
      expect(error.message).toContain(`at data row 2 of ${file};`);
    }
  });

  test('generated text: a missing output names its line too', async () => {
    const file = write('gen.jsonl', '{"ref": "a b", "out": "a b"}\n\n{"ref": "c", "out": null}\n');
    const table = await loadColumns(file, { columns: { ref: 'text', out: 'text' } });
    const runner = createRunner({ workers: 0 });
    try {
      const error = await runnerRejection(
        runner.scoreGenerations(
          { table, roles: { references: 'ref', outputs: 'out' } },
          { metrics: ['exact_match'] },
        ),
      );
      expect(error.code).toBe('MISSING_VALUE');
      expect(error.path).toBe('out');
      expect(error.message).toContain(`at line 3 (data row 2) of ${file};`);
    } finally {
      await runner.close();
    }
  });

  test('in-memory columns, which have no file, keep the data row', async () => {
    const error = await runnerRejection(
      scorePredictions({ yTrue: [1, 0, 1], yPred: [1, null, 0] }, { workers: 0 }),
    );
    expect(error.message).toContain('at data row 2;');
  });
});
