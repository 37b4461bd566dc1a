import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadColumns, scorePredictions } from '@assay/runner';
import { Table, tableToIPC, vectorFromArray } from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import { runnerRejection } from './helpers/rejection.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-rows-'));

describe('error messages count lines and data rows from 1, as a person reads the file', () => {
  test('a JSONL line is its line in the file and its data row skips blank lines', async () => {
    const file = join(dir, 'blank.jsonl');
    writeFileSync(file, '{"s": 0.5}\n\n{"s": 0.25}\n{"s": "high"}\n');
    const error = await runnerRejection(loadColumns(file, { columns: { s: 'number' } }));
    expect(error.code).toBe('NON_NUMERIC_VALUE');
    expect(error.message).toContain('at line 4 (data row 3);');
  });

  test('an Arrow file names the 1-based data row', async () => {
    const file = join(dir, 'n.arrow');
    writeFileSync(file, tableToIPC(new Table({ n: vectorFromArray([1.5, 2.5]) }), 'file'));
    const error = await runnerRejection(loadColumns(file, { columns: { n: 'text' } }));
    expect(error.message).toContain('at data row 1;');
  });

  test('a missing label names the first row as data row 1', async () => {
    const error = await runnerRejection(
      scorePredictions({ yTrue: [null, 1, 0], yPred: [0, 1, 0] }, { workers: 0 }),
    );
    expect(error.code).toBe('MISSING_VALUE');
    expect(error.message).toContain('at data row 1;');
  });

  test('after dropMissing drops rows, a bad score still names its data row in the input', async () => {
    // row 2 (1-based) is dropped for its missing label; the infinite score is the input's 5th row
    const yTrue = [0, null, 1, 0, 1, 0];
    const yPred = [0, 1, 1, 0, 1, 0];
    const yScore = [0.1, 0.2, 0.9, 0.3, Number.POSITIVE_INFINITY, 0.2];
    const error = await runnerRejection(
      scorePredictions({ yTrue, yPred, yScore }, { workers: 0, dropMissing: true }),
    );
    expect(error.code).toBe('NON_NUMERIC_VALUE');
    expect(error.message).toContain('has Infinity at data row 5;');
  });
});
