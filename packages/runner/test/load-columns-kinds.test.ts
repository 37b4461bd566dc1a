import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadColumns } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';
import { runnerRejection } from './helpers/rejection.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-column-kinds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'preds.csv');
writeFileSync(file, 'label,pred\n0,1\n1,1\n');

describe("loadColumns' columns option is checked before the file is read", () => {
  test('a kind that is not number, label, auto or text is refused, with the kind meant', async () => {
    const error = await runnerRejection(
      loadColumns(file, { columns: { label: 'label', pred: 'lable' } } as never),
    );
    expect([error.code, error.path]).toEqual(['INVALID_OPTION', 'columns.pred']);
    expect(error.message).toBe(
      `columns["pred"] must say how to read the column, got the string "lable"; did you mean 'label'? The kinds are 'number', 'label', 'auto', 'text'.`,
    );
    const map = await runnerRejection(
      loadColumns(file, { columns: new Map([['label', 'numbers']]) } as never),
    );
    expect(map.path).toBe('columns.label');
    expect(map.message).toContain("did you mean 'number'?");
  });

  test('an array of names is refused with the object it should be', async () => {
    const error = await runnerRejection(loadColumns(file, { columns: ['label', 'pred'] } as never));
    // before: MISSING_COLUMN ... has no column "0", "1"
    expect([error.code, error.path]).toEqual(['INVALID_OPTION', 'columns']);
    expect(error.message).toBe(
      `columns must be an object mapping each column name to how it is read ('number', 'label', 'auto', 'text') such as { "label": 'auto', "pred": 'auto' }, got an array of 2.`,
    );
  });

  test('a missing columns option is named', async () => {
    const error = await runnerRejection(loadColumns(file, {} as never));
    expect(error.path).toBe('columns');
    expect(error.message).toContain('got undefined');
  });

  test('valid kinds, and a kind left undefined, read as before', async () => {
    const table = await loadColumns(file, {
      columns: { label: 'number', pred: undefined } as never,
    });
    expect(table.columns.get('label')!.kind).toBe('number');
    expect(table.columns.get('pred')).toBeDefined();
  });
});
