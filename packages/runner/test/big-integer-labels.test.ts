import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadColumns, RunnerError, scorePredictions } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'assay-bigint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const columns = new Map([
  ['label', 'label'],
  ['pred', 'label'],
] as const);

describe('integer labels beyond 2^53', () => {
  test('stay text in a CSV, so distinct ids never collide', async () => {
    // as numbers 9007199254740993 and 9007199254740992 are the same double: accuracy would be 1
    const file = join(dir, 'ids.csv');
    writeFileSync(
      file,
      'label,pred\n9007199254740993,9007199254740992\n9007199254740992,9007199254740992\n7,7\n',
    );
    const table = await loadColumns(file, { columns });
    const label = table.columns.get('label')!;
    expect(label.kind === 'label' && label.dictionary).toEqual([
      '9007199254740993',
      '9007199254740992',
      '7',
    ]);
    const report = await scorePredictions(
      { table, roles: { yTrue: 'label', yPred: 'pred' } },
      { workers: 0, metrics: ['accuracy'] },
    );
    expect(report.overall.accuracy!.value).toBeCloseTo(2 / 3, 14);
  });

  test('as JSON numbers (already rounded by the parser) are refused, naming the column', async () => {
    const file = join(dir, 'ids.jsonl');
    writeFileSync(file, '{"label": 9007199254740993, "pred": 1}\n{"label": 2, "pred": 2}\n');
    const error = await loadColumns(file, { columns }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunnerError);
    expect((error as RunnerError).code).toBe('UNSAFE_INTEGER_LABEL');
    expect((error as RunnerError).path).toBe('label');
    expect((error as RunnerError).message).toMatch(
      /has a label beyond 2\^53 - 1 \(9007199254740991\) at data row 1, read as 9007199254740992: a number that large is rounded/,
    );
  });

  test('safe integers in a CSV are still numbers', async () => {
    const file = join(dir, 'small.csv');
    writeFileSync(file, 'label,pred\n9007199254740991,1\n1,1\n');
    const label = (await loadColumns(file, { columns })).columns.get('label')!;
    expect(label.kind === 'label' && label.dictionary).toEqual([9007199254740991, 1]);
  });

  describe('in columns read as `auto` (numbers unless a cell is not), as `assay score` reads them', () => {
    const auto = new Map([
      ['label', 'auto'],
      ['pred', 'auto'],
    ] as const);

    test('CSV integer text beyond 2^53 makes the column labels that keep the text', async () => {
      // scikit-learn on this file (pandas reads int64): accuracy 0.5; as doubles the two ids
      // are equal and the accuracy would be 1
      const file = join(dir, 'auto-ids.csv');
      writeFileSync(file, 'label,pred\n9007199254740993,9007199254740992\n1,1\n');
      const table = await loadColumns(file, { columns: auto });
      const label = table.columns.get('label')!;
      expect(label.kind === 'label' && label.dictionary).toEqual(['9007199254740993', '1']);
      const report = await scorePredictions(
        { table, roles: { yTrue: 'label', yPred: 'pred' } },
        { workers: 0, metrics: ['accuracy'] },
      );
      expect(report.overall.accuracy!.value).toBe(0.5);
    });

    test('JSON numbers beyond 2^53 used as labels are refused, not scored as equal', async () => {
      const file = join(dir, 'auto-ids.jsonl');
      writeFileSync(
        file,
        '{"label": 9007199254740993, "pred": 9007199254740992}\n{"label": 1, "pred": 1}\n',
      );
      const table = await loadColumns(file, { columns: auto });
      const error = await scorePredictions(
        { table, roles: { yTrue: 'label', yPred: 'pred' } },
        { workers: 0, metrics: ['accuracy'] },
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RunnerError);
      expect((error as RunnerError).code).toBe('UNSAFE_INTEGER_LABEL');
      expect((error as RunnerError).path).toBe('label');
    });

    test('a number column beyond 2^53 is still a number where no label is asked of it', async () => {
      const file = join(dir, 'auto-big-score.csv');
      writeFileSync(file, 'label,pred\n1,72057594037927936\n0,3\n');
      const table = await loadColumns(file, { columns: new Map([['pred', 'number']]) });
      const pred = table.columns.get('pred')!;
      expect(pred.kind === 'number' && Array.from(pred.values)).toEqual([72057594037927936, 3]);
    });
  });
});
