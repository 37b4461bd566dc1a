import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadColumns, scorePredictions } from '@assay/runner';
import { Table, tableToIPC, vectorFromArray } from 'apache-arrow';
import { afterAll, describe, expect, test } from 'vitest';
import { runnerRejection } from './helpers/rejection.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('error messages count lines and data rows from 1, as a person reads the file', () => {
  test('a JSONL line is its line in the file and its data row skips blank lines', async () => {
    const file = join(dir, 'blank.jsonl');
    writeFileSync(file, '{"s": 0.5}\n\n{"s": 0.25}\n{"s": "high"}\n');
    const error = await runnerRejection(loadColumns(file, { columns: { s: 'number' } }));
    expect(error.code).toBe('NON_NUMERIC_VALUE');
    expect(error.message).toContain(`at line 4 (data row 3) of ${file};`);
  });

  test('a CSV line counts the header as line 1 and its data row counts from 1', async () => {
    const file = join(dir, 'high.csv');
    writeFileSync(file, 's\n0.5\n0.25\nhigh\n');
    const error = await runnerRejection(loadColumns(file, { columns: { s: 'number' } }));
    expect(error.code).toBe('NON_NUMERIC_VALUE');
    expect(error.message).toContain(`at line 4 (data row 3) of ${file};`);
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
    expect(error.message).toContain('which overflows to Infinity) at data row 5;');
  });

  test('after dropMissing drops rows, a brier_score probability out of range names its input row', async () => {
    const yTrue = [0, null, 1, 0, 1];
    const yPred = [0, 1, 1, 0, 1];
    const yScore = [0.1, 0.2, 0.9, 1.5, 0.8];
    const error = await runnerRejection(
      scorePredictions(
        { yTrue, yPred, yScore },
        { workers: 0, dropMissing: true, metrics: ['brier_score'] },
      ),
    );
    expect(error.code).toBe('INVALID_PROBABILITY');
    expect(error.message).toContain('y_score is 1.5 at data row 4;');
  });

  test('after dropMissing drops rows, class probabilities that do not sum to 1 name their input row', async () => {
    const yTrue = [0, null, 1, 2, 1];
    const yPred = [0, 1, 1, 2, 1];
    // one column per class; the input's 4th row sums to 1.5
    const yProba = [
      [0.8, 0.3, 0.1, 0.5, 0.2],
      [0.1, 0.3, 0.8, 0.5, 0.7],
      [0.1, 0.4, 0.1, 0.5, 0.1],
    ];
    const error = await runnerRejection(
      scorePredictions(
        { yTrue, yPred, yProba },
        { workers: 0, dropMissing: true, metrics: ['roc_auc_ovr'] },
      ),
    );
    expect(error.code).toBe('INVALID_PROBABILITY');
    expect(error.message).toContain('the class probabilities sum to 1.5, not 1, at data row 4;');
  });
});
