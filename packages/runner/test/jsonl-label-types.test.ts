import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadColumns, RunnerError, scorePredictions } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';

// JSON values carry their type, as pandas.read_json keeps them; reference values from
// scikit-learn 1.2.1 (unique_labels, accuracy_score, f1_score).
const dir = mkdtempSync(join(tmpdir(), 'assay-jsonl-types-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const auto = new Map([
  ['y', 'auto'],
  ['p', 'auto'],
] as const);

function jsonl(name: string, rows: readonly unknown[]): string {
  const file = join(dir, name);
  writeFileSync(file, rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return file;
}

describe('JSON Lines labels keep the types JSON gives them', () => {
  test('numbers and words in one column are a Mix of label input types, not all strings', async () => {
    // unique_labels([1, 2, 'cat', 1]) raises "Mix of label input types (string and number)";
    // the reader used to turn every label into a string and score the file
    const file = jsonl('mixed.jsonl', [
      { y: 1, p: 1 },
      { y: 2, p: 2 },
      { y: 'cat', p: 'cat' },
      { y: 1, p: 'cat' },
    ]);
    const error = await loadColumns(file, { columns: auto }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunnerError);
    expect((error as RunnerError).code).toBe('MIXED_LABEL_TYPES');
    expect((error as RunnerError).path).toBe('y');
    expect((error as RunnerError).message).toContain(
      'column "y" has the number label 1 (data row 1) and the string label "cat" (data row 3)',
    );
  });

  test('true and false are 1 and 0, so f1 needs no positive class', async () => {
    // y_true = [True, False, True], y_pred = [True, True, False]:
    // accuracy_score == 1/3, f1_score == 0.5 (pos_label=1, which True equals)
    const file = jsonl('bool.jsonl', [
      { y: true, p: true },
      { y: false, p: true },
      { y: true, p: false },
    ]);
    const table = await loadColumns(file, { columns: auto });
    const report = await scorePredictions(
      { table, roles: { yTrue: 'y', yPred: 'p' } },
      { workers: 0, metrics: ['accuracy', 'f1'] },
    );
    expect(report.labels).toEqual([0, 1]);
    expect(report.overall.accuracy!.value).toBeCloseTo(1 / 3, 15);
    expect(report.overall.f1!.value).toBeCloseTo(0.5, 15);
  });

  test('true and false with 0 and 1 in the other column are one set of labels', async () => {
    const file = jsonl('bool-num.jsonl', [
      { y: 1, p: true },
      { y: 0, p: false },
      { y: 1, p: false },
    ]);
    const table = await loadColumns(file, { columns: auto });
    const report = await scorePredictions(
      { table, roles: { yTrue: 'y', yPred: 'p' } },
      { workers: 0, metrics: ['accuracy'] },
    );
    expect(report.overall.accuracy!.value).toBeCloseTo(2 / 3, 15);
  });

  test('an array of strings is refused with the hint that generation scoring reads it', async () => {
    const file = jsonl('refs.jsonl', [{ y: ['The cat sat.', 'A cat sat.'], p: 'The cat sat.' }]);
    const error = await loadColumns(file, { columns: auto }).catch((e: unknown) => e);
    expect((error as RunnerError).code).toBe('NON_NUMERIC_VALUE');
    expect((error as RunnerError).message).toBe(
      `Column "y" has the array ["The cat sat.","A cat sat."] at line 1 (data row 1) of ${file}; a label or value is a number, a string or a boolean. If the columns hold generated text and references (several references per row), pass --task generation.`,
    );
    // an array of numbers is no list of references: no hint
    const numbers = jsonl('numbers.jsonl', [{ y: [1, 2], p: 1 }]);
    const plain = await loadColumns(numbers, { columns: auto }).catch((e: unknown) => e);
    expect((plain as RunnerError).message).not.toContain('--task generation');
  });

  test('words alone stay string labels', async () => {
    const file = jsonl('words.jsonl', [
      { y: 'spam', p: 'ham' },
      { y: 'ham', p: 'ham' },
    ]);
    const table = await loadColumns(file, { columns: auto });
    const y = table.columns.get('y')!;
    expect(y.kind === 'label' && y.dictionary).toEqual(['spam', 'ham']);
  });
});
