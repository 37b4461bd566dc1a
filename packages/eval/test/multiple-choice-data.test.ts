import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EvaluationError,
  loadRunConfig,
  loadRunDataset,
  parseRunConfig,
  type RunConfig,
} from '../src/index.js';
import { planRun } from '../src/run/plan-run.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-mc-data-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function jsonl(name: string, rows: object[]): string {
  return file(name, rows.map((r) => JSON.stringify(r)).join('\n'));
}

function config(
  path: string,
  task: Record<string, unknown> = {},
  columns: Record<string, unknown> = {},
  prompt?: Record<string, unknown>,
): RunConfig {
  return parseRunConfig({
    dataset: { path, columns },
    task: { type: 'multiple-choice', ...task },
    ...(prompt ? { prompt } : {}),
    models: [{ name: 'm', provider: 'openai-chat', baseUrl: 'http://127.0.0.1:1/v1', model: 'x' }],
    output: { dir: join(dir, 'out') },
  });
}

async function refusal(c: RunConfig): Promise<EvaluationError> {
  const error = await loadRunDataset(c).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EvaluationError);
  return error as EvaluationError;
}

const GOOD = [
  { id: 'a', text: 'Two plus two?', choices: ['3', '4', '5'], label: 'B' },
  { id: 'b', text: 'Sky colour?', choices: ['blue', 'green'], label: 'A' },
];

describe('multiple-choice data', () => {
  it('reads choices from a JSONL array and labels as letters', async () => {
    const items = await loadRunDataset(config(jsonl('good.jsonl', GOOD)));
    expect(items.map((i) => i.choices)).toEqual([
      ['3', '4', '5'],
      ['blue', 'green'],
    ]);
  });

  it('reads one column per choice from CSV, with 0-based index labels', async () => {
    const path = file('cols.csv', 'q,A,B,C,D,answer\nWhy?,x,y,z,,2\nHow?,p,q,r,s,0\n');
    const c = config(
      path,
      { labelFormat: 'index' },
      {
        text: 'q',
        choices: ['A', 'B', 'C', 'D'],
        label: 'answer',
      },
    );
    const items = await loadRunDataset(c);
    expect(items.map((i) => i.choices)).toEqual([
      ['x', 'y', 'z'],
      ['p', 'q', 'r', 's'],
    ]);
    const { task } = await planRun(c);
    expect(items.map((i) => task.expected(i))).toEqual(['C', 'A']);
  });

  it('reads a JSON array written in a CSV cell and labels given as choice text', async () => {
    const path = file('json-cell.csv', 'text,choices,label\nPick,"[""cat"", ""dog""]",dog\n');
    const c = config(path, { labelFormat: 'text' });
    const { task, items } = await planRun(c);
    expect(items[0]!.choices).toEqual(['cat', 'dog']);
    expect(task.expected(items[0]!)).toBe('B');
  });

  it('fills the default prompt with the lettered choices of each order', async () => {
    const c = config(jsonl('prompt.jsonl', GOOD), { permutations: 1, seed: 3 });
    const { plans } = await planRun(c);
    const plan = plans.get('m')!;
    expect(plan.tasks.map((t) => [t.item, t.permutation])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    const first = plan.prompts.get(plan.tasks[0]!.promptHash)!.at(-1)!.content;
    expect(first).toContain('Two plus two?\n\nA) 3\nB) 4\nC) 5');
    expect(first).toContain('where LETTER is one of ABC.');
    const swapped = plan.prompts.get(plan.tasks[3]!.promptHash)!.at(-1)!.content;
    expect(swapped).toContain('A) green\nB) blue');
  });

  it('numbers the choices when answers are read as numbers', async () => {
    const c = config(jsonl('numbered.jsonl', GOOD), { extract: 'number' });
    const { plans } = await planRun(c);
    const plan = plans.get('m')!;
    const text = plan.prompts.get(plan.tasks[0]!.promptHash)!.at(-1)!.content;
    expect(text).toContain('1) 3\n2) 4\n3) 5');
    expect(text).toContain("'Answer: $NUMBER' (without quotes) where NUMBER is one of 1, 2, 3.");
  });

  it('fills per-letter slots of a custom template', async () => {
    const c = config(
      jsonl('slots.jsonl', GOOD.slice(0, 1)),
      {},
      {},
      {
        template: '{{text}} (a) {{A}} (b) {{B}} (c) {{C}} [{{letters}}]',
      },
    );
    const { plans } = await planRun(c);
    const plan = plans.get('m')!;
    expect(plan.prompts.get(plan.tasks[0]!.promptHash)!.at(-1)!.content).toBe(
      'Two plus two? (a) 3 (b) 4 (c) 5 [ABC]',
    );
  });
});

describe('bad multiple-choice data is refused naming the row', () => {
  it('a missing choices column', async () => {
    const e = await refusal(config(jsonl('none.jsonl', [{ text: 'q', label: 'A' }])));
    expect(e.code).toBe('MISSING_COLUMN');
    expect(e.path).toBe('dataset.columns.choices');
    expect(e.message).toMatch(/Data row 1 of '.*none\.jsonl' has no column 'choices'/);
  });

  it('a choices cell that is not an array', async () => {
    const e = await refusal(
      config(jsonl('str.jsonl', [{ text: 'q', choices: 'a|b', label: 'A' }])),
    );
    expect(e.code).toBe('INVALID_CHOICES');
    expect(e.message).toMatch(/Data row 1 of .* not an array of choices/);
  });

  it('a choice that is not a string', async () => {
    const rows = [GOOD[0]!, { text: 'q', choices: ['a', { b: 1 }], label: 'A' }];
    const e = await refusal(config(jsonl('obj.jsonl', rows)));
    expect(e.message).toMatch(
      /^Data row 2 of .* has choice 2 of column 'choices' = \{"b":1\}, not a string/,
    );
  });

  it('fewer than two choices', async () => {
    const e = await refusal(
      config(jsonl('one.jsonl', [{ text: 'q', choices: ['a'], label: 'A' }])),
    );
    expect(e.code).toBe('INVALID_CHOICES');
    expect(e.message).toMatch(/^Data row 1 \(id '0'\) has 1 choice; .* needs 2 to 26/);
  });

  it('more choices than letters', async () => {
    const choices = Array.from({ length: 27 }, (_, i) => `c${i}`);
    const e = await refusal(config(jsonl('many.jsonl', [{ text: 'q', choices, label: 'A' }])));
    expect(e.message).toMatch(/has 27 choices; .* needs 2 to 26 \(one per letter A-Z\)/);
    expect(e.path).toBe('dataset.columns.choices');
  });

  it('a label that names no choice, in each label format', async () => {
    const rows = [...GOOD, { id: 'c', text: 'q', choices: ['x', 'y'], label: 'C' }];
    const letter = await refusal(config(jsonl('label.jsonl', rows)));
    expect(letter.path).toBe('dataset.columns.label');
    expect(letter.message).toMatch(
      /^Data row 3 \(id 'c'\) has label 'C', which is not one of its 2 choices; with task\.labelFormat 'letter' the label column must hold a letter A-B\./,
    );
    const index = await refusal(config(jsonl('index.jsonl', GOOD), { labelFormat: 'index' }));
    expect(index.message).toMatch(/label 'B'.* must hold a 0-based index 0-2\./);
    const text = await refusal(config(jsonl('text.jsonl', GOOD), { labelFormat: 'text' }));
    expect(text.message).toMatch(/must hold the text of one of its choices\./);
  });

  it('an empty choice column before a filled one', async () => {
    const path = file('gap.csv', 'text,A,B,C,label\nq,x,,z,A\n');
    const e = await refusal(config(path, {}, { choices: ['A', 'B', 'C'] }));
    expect(e.message).toMatch(/empty choice column 'B' before a filled one/);
  });
});

describe('multiple-choice configuration', () => {
  const path = () => join(dir, 'good.jsonl');
  const refused = (raw: Record<string, unknown>): string[] => {
    try {
      parseRunConfig({
        dataset: { path: path() },
        task: { type: 'multiple-choice' },
        models: [
          { name: 'm', provider: 'openai-chat', baseUrl: 'http://127.0.0.1:1/v1', model: 'x' },
        ],
        ...raw,
      });
    } catch (error) {
      return (error as EvaluationError).issues.map((i) => `${i.path}: ${i.message}`);
    }
    return [];
  };

  it('accepts accuracy and position_bias_rate in metrics and thresholds, and nothing else', () => {
    expect(
      refused({
        task: { type: 'multiple-choice', permutations: 2 },
        evaluation: { metrics: ['accuracy', 'position_bias_rate'] },
        thresholds: ['position_bias_rate <= 0.1'],
      }),
    ).toEqual([]);
    expect(refused({ evaluation: { metrics: ['f1_macro'] } })[0]).toMatch(
      /^evaluation\.metrics\[0\]: unknown metric 'f1_macro' for a multiple-choice task/,
    );
  });

  it('refuses position_bias_rate without extra choice orders before anything is sent', () => {
    const issues = refused({
      evaluation: { metrics: ['accuracy', 'position_bias_rate'] },
      thresholds: ['accuracy >= 0.5', 'position_bias_rate.ci_high <= 0.1'],
    });
    expect(issues).toEqual([
      'evaluation.metrics[1]: position_bias_rate needs task.permutations of 1 or more (each item also asked in other choice orders); set task.permutations, e.g. 2',
      'thresholds[1]: position_bias_rate needs task.permutations of 1 or more (each item also asked in other choice orders); set task.permutations, e.g. 2',
    ]);
  });

  it('refuses more than 100 permutations and few-shot examples', () => {
    expect(refused({ task: { type: 'multiple-choice', permutations: 101 } })[0]).toMatch(
      /^task\.permutations: /,
    );
    expect(refused({ prompt: { fewShot: { count: 2 } } })[0]).toMatch(/^prompt\.fewShot\.count: /);
  });
});

describe('examples/multiple-choice.yaml', () => {
  it('is a valid configuration whose data loads with four choices per question', async () => {
    const c = await loadRunConfig(
      fileURLToPath(new URL('../../../examples/multiple-choice.yaml', import.meta.url)),
    );
    const { items, plans, task } = await planRun(c);
    expect(items).toHaveLength(12);
    expect(items.every((i) => i.choices?.length === 4)).toBe(true);
    expect(plans.get('local-model')!.tasks).toHaveLength(12 * 4);
    expect(task.labelCounts(items)).toEqual({ A: 3, B: 3, C: 3, D: 3 });
  });
});
