import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadColumns, scorePredictions } from '@assay/runner';
import { Bool, Table, tableToIPC, vectorFromArray } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, expect, test } from 'vitest';

// y_true = [True, False, True, True], y_pred = [True, True, False, True]:
// scikit-learn 1.2.1: accuracy_score == 0.5, f1_score == 2/3 (pos_label=1, which True equals)
const yTrue = [true, false, true, true];
const yPred = [true, true, false, true];
const dir = mkdtempSync(join(tmpdir(), 'assay-bool-labels-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  const table = new Table({
    y: vectorFromArray(yTrue, new Bool()),
    p: vectorFromArray(yPred, new Bool()),
  });
  writeFileSync(join(dir, 'b.arrow'), tableToIPC(table, 'file'));
  const parquet = parquetWriteBuffer({
    columnData: [
      { name: 'y', data: yTrue, type: 'BOOLEAN' },
      { name: 'p', data: yPred, type: 'BOOLEAN' },
    ],
  });
  writeFileSync(join(dir, 'b.parquet'), new Uint8Array(parquet));
  writeFileSync(
    join(dir, 'b.jsonl'),
    yTrue.map((y, i) => `${JSON.stringify({ y, p: yPred[i] })}\n`).join(''),
  );
});

test.each(['b.arrow', 'b.parquet', 'b.jsonl'])(
  '%s: booleans are the labels 0 and 1, so f1 needs no positive class',
  async (name) => {
    const table = await loadColumns(join(dir, name), { columns: { y: 'auto', p: 'auto' } });
    const report = await scorePredictions(
      { table, roles: { yTrue: 'y', yPred: 'p' } },
      { workers: 0, metrics: ['accuracy', 'f1'] },
    );
    expect(report.labels).toEqual([0, 1]);
    expect(report.overall.accuracy!.value).toBe(0.5);
    expect(report.overall.f1!.value).toBeCloseTo(2 / 3, 15);
  },
);
