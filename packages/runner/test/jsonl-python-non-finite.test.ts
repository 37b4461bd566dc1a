import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadColumns, RunnerError, scorePredictions } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';

// Python's json.dumps({'y': float('nan')}) writes {"y": NaN}, and float('inf') Infinity:
// not JSON, but pandas.read_json(lines=True) reads NaN as a missing value and the infinities
// as ±inf, so such a file is read the same way here.
const dir = mkdtempSync(join(tmpdir(), 'assay-jsonl-non-finite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let written = 0;
function jsonl(lines: readonly string[]): string {
  const file = join(dir, `f${written++}.jsonl`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const columns = new Map([
  ['y', 'label'],
  ['p', 'number'],
] as const);

async function rejection(promise: Promise<unknown>): Promise<RunnerError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RunnerError);
  return error as RunnerError;
}

function score(file: string, dropMissing: boolean) {
  return loadColumns(file, { columns }).then((table) =>
    scorePredictions(
      { table, roles: { yTrue: 'y', yPred: 'y', yScore: 'p' } },
      { workers: 0, metrics: ['roc_auc', 'accuracy'], dropMissing },
    ),
  );
}

describe('bare NaN is a missing value, as null is', () => {
  const rows = ['{"y": 1, "p": 0.9}', '{"y": 0, "p": 0.4}', '{"y": 1, "p": 0.35}'];
  const withNaN = jsonl([...rows, '{"y": NaN, "p": 0.8}', '{"y": 0, "p": NaN}']);
  const withNull = jsonl([...rows, '{"y": null, "p": 0.8}', '{"y": 0, "p": null}']);

  test('loaded: the label is missing (code -1) and the number NaN', async () => {
    const table = await loadColumns(withNaN, { columns });
    const y = table.columns.get('y')!;
    const p = table.columns.get('p')!;
    expect(y.kind === 'label' ? Array.from(y.codes) : y).toEqual([0, 1, 0, -1, 1]);
    expect(p.kind === 'number' ? Array.from(p.values) : p).toEqual([0.9, 0.4, 0.35, 0.8, NaN]);
  });

  test('--drop-missing drops its rows, scoring what the same file with null scores', async () => {
    const report = await score(withNaN, true);
    expect(report.n).toBe(rows.length);
    expect(report.overall).toEqual((await score(withNull, true)).overall);
  });

  test('without --drop-missing, the missing-value error names its line and column', async () => {
    const error = await rejection(score(withNaN, false));
    expect(error.code).toBe('MISSING_VALUE');
    expect(error.message).toContain('Column "y"');
    expect(error.message).toContain(`line 4 (data row 4) of ${withNaN}`);
  });
});

describe('bare Infinity and -Infinity are infinite numbers', () => {
  test('loaded as ±Infinity', async () => {
    const file = jsonl(['{"y": 1, "p": Infinity}', '{"y": 0, "p": -Infinity}']);
    const p = (await loadColumns(file, { columns })).columns.get('p')!;
    expect(p.kind === 'number' ? Array.from(p.values) : p).toEqual([Infinity, -Infinity]);
  });

  test('an infinite score is refused as before, naming its line', async () => {
    const file = jsonl(['{"y": 1, "p": 0.9}', '{"y": 0, "p": Infinity}']);
    const error = await rejection(score(file, false));
    expect(error.code).toBe('NON_NUMERIC_VALUE');
    expect(error.message).toContain(`an infinite value (inf or Infinity`);
    expect(error.message).toContain(`line 2 (data row 2) of ${file}`);
  });
});

test('the words inside strings stay as written', async () => {
  const file = jsonl([
    String.raw`{"y": "NaN", "p": NaN, "t": "Infinity \"NaN\" -Infinity"}`,
    '{"y": "Infinity", "p": 1, "t": "NaN"}',
  ]);
  const table = await loadColumns(file, { columns: { y: 'label', p: 'number', t: 'text' } });
  const y = table.columns.get('y')!;
  expect(y.kind === 'label' ? y.dictionary : y).toEqual(['NaN', 'Infinity']);
  expect(table.texts!.get('t')!.values).toEqual(['Infinity "NaN" -Infinity', 'NaN']);
});

test('a line wrong in another way too is refused, at its column as written', async () => {
  const file = jsonl(['{"y": 1, "p": 0.5}', '{"y": NaN, "p": 0.5,}']);
  const error = await rejection(loadColumns(file, { columns }));
  expect(error.code).toBe('UNREADABLE_FILE');
  // the `}` after the trailing comma is character 21 of the line as written
  expect(error.message).toMatch(
    new RegExp(
      `^${file} line 2 is not valid JSON \\(.* at column 21\\) \\(bare NaN is read as null`,
    ),
  );
});

test('a line with no such token keeps the error of the line as written', async () => {
  const file = jsonl(['{"y": 1, "p": 0.5,}']);
  const error = await rejection(loadColumns(file, { columns }));
  expect(error.message).toMatch(/line 1 is not valid JSON \(.* at column 19\); each line/);
});
