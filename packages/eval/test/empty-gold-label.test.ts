import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dryRun, loadFileDataset, parseRunConfig } from '../src/index.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-empty-label-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Eight rows whose 6th label is `sixth` (a JSONL value; `undefined` leaves the key out). */
function jsonl(name: string, sixth: unknown): string {
  const path = join(dir, name);
  const rows = Array.from({ length: 8 }, (_, i) =>
    JSON.stringify({ id: `m${i}`, text: `mail ${i}`, label: i === 5 ? sixth : 'ok' }),
  );
  writeFileSync(path, `${rows.join('\n')}\n`);
  return path;
}

const noValue = (path: string, what = 'no value') =>
  `Data row 6 of '${path}' has ${what} in column 'label' (dataset.columns.label); every row needs its gold answer there: fill it in or remove the row.`;

describe('a data row whose gold label holds no value', () => {
  it('is refused naming the row and column for a JSONL null or "", not as a label to list', async () => {
    for (const [name, sixth] of [
      ['null.jsonl', null],
      ['empty.jsonl', ''],
    ] as const) {
      const path = jsonl(name, sixth);
      await expect(loadFileDataset(path, { requireLabel: true })).rejects.toMatchObject({
        name: 'EvaluationError',
        code: 'MISSING_VALUE',
        path: 'dataset.columns.label',
        message: noValue(path),
      });
    }
  });

  it('is refused for an empty or whitespace-only CSV cell', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => `${i + 1},mail ${i},${i === 5 ? '' : 'ok'}`);
    const csv = join(dir, 'empty.csv');
    writeFileSync(csv, `id,text,label\n${rows.join('\n')}\n`);
    await expect(loadFileDataset(csv, { requireLabel: true })).rejects.toMatchObject({
      code: 'MISSING_VALUE',
      message: noValue(csv),
    });
    const blank = join(dir, 'blank.csv');
    writeFileSync(blank, `id,text,label\n${rows.join('\n').replace('6,mail 5,', '6,mail 5,  ')}\n`);
    await expect(loadFileDataset(blank, { requireLabel: true })).rejects.toMatchObject({
      code: 'MISSING_VALUE',
      message: noValue(blank, 'only whitespace'),
    });
  });

  it('is refused the same way for a missing Arrow value', async () => {
    const labels = ['ok', 'ok', 'ok', 'ok', 'ok', null, 'ok', 'ok'];
    const path = join(dir, 'null.arrow');
    writeFileSync(
      path,
      tableToIPC(
        tableFromArrays({
          id: labels.map((_, i) => `m${i}`),
          text: labels.map(() => 'x'),
          label: labels,
        }),
        'file',
      ),
    );
    await expect(loadFileDataset(path, { requireLabel: true })).rejects.toMatchObject({
      code: 'MISSING_VALUE',
      message: noValue(path),
    });
  });

  it('is what a dry run refuses, while a label key left out still says the column is missing', async () => {
    const config = (path: string) =>
      parseRunConfig({
        name: 'labels',
        dataset: { path },
        task: { type: 'classification', labels: ['ok', 'bad'] },
        prompt: { template: '{{text}}' },
        models: [
          { name: 'm', provider: 'openai-chat', baseUrl: 'http://127.0.0.1:1/v1', model: 'x' },
        ],
        output: { dir: join(dir, 'out') },
      });
    const nulled = jsonl('dry-null.jsonl', null);
    await expect(dryRun(config(nulled))).rejects.toThrow(noValue(nulled));
    await expect(dryRun(config(nulled))).rejects.not.toThrow(/task\.labels/);
    await expect(dryRun(config(jsonl('dry-missing.jsonl', undefined)))).rejects.toMatchObject({
      code: 'MISSING_COLUMN',
      message: expect.stringMatching(/^Data row 6 of .* has no column 'label'/),
    });
  });
});
