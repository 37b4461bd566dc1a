import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EvaluationError,
  loadFileDataset,
  loadRunDataset,
  parseRunConfig,
  type RunConfig,
} from '../src/index.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-label-refusals-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

function config(dataset: Record<string, unknown>, task: Record<string, unknown>): RunConfig {
  return parseRunConfig({
    dataset,
    task,
    prompt: { template: '{{text}}' },
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

const STARTER_TASK = {
  type: 'classification',
  labels: ['positive', 'negative'],
  positiveLabel: 'positive',
};

describe('a data set whose labels task.labels does not all list', () => {
  it('names every label of the data with its count next to task.labels (a starter switched to the built-in data set)', async () => {
    const e = await refusal(config({ builtin: 'spam-assassin', limit: 200 }, STARTER_TASK));
    expect(e.code).toBe('INVALID_CONFIG');
    expect(e.path).toBe('task.labels');
    const [, ham, spam] =
      /^task\.labels is \["positive", "negative"\], but the 200 items of the data set have 2 distinct labels: "ham" \((\d+) items\), "spam" \((\d+) items\); not in task\.labels: "ham", "spam" \(the first item with one: item '[^']+'\); list every label the data uses in task\.labels\.$/.exec(
        e.message,
      ) ?? [];
    expect(Number(ham) + Number(spam)).toBe(200);
  });

  it('lists the labels most frequent first and caps a long list with how many more there are', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `t${i},l${String(i).padStart(2, '0')}`);
    const path = csv('many.csv', ['text,label', ...rows, 'again,l24', 'more,ok']);
    const e = await refusal(config({ path }, { type: 'classification', labels: ['ok', 'no'] }));
    expect(e.message).toContain('but the 27 items of the data set have 26 distinct labels: ');
    // l24 occurs twice, so it leads; the rest are tied and alphabetical, and 6 are left out
    expect(e.message).toContain(': "l24" (2 items), "l00" (1 item), "l01" (1 item), ');
    expect(e.message).toContain('"l18" (1 item) and 6 more; not in task.labels: "l24", "l00", ');
    expect(e.message).toContain(
      '"l17", "l18" and 5 more (the first item with one: data row 1 (id \'0\'))',
    );
    expect(e.message).not.toContain('"l23"');
  });

  it('tells a label that differs only by case apart from one to add', async () => {
    const path = csv('cased.csv', ['text,label', 'a,Spam', 'b,ham', 'c,junk']);
    const e = await refusal(config({ path }, { type: 'classification', labels: ['spam', 'ham'] }));
    expect(e.message).toMatch(
      /not in task\.labels: "Spam", "junk" \(the first item with one: data row 1 \(id '0'\)\); "Spam" differs from task\.labels' "spam" only by case: gold labels are matched exactly \(case included\), so write task\.labels as the data does and list the other labels the data uses, or fix the data\.$/,
    );
  });
});

describe('messages name the data row (from 1) and the id (from 0 without an id column)', () => {
  it('keeps the 0-based ids the outputs, prompts and comparisons key on', async () => {
    const path = csv('plain.csv', ['text,label', 'a,spam', 'b,ham', 'c,spam']);
    const items = await loadFileDataset(path, { requireLabel: true });
    expect(items.map((i) => i.id)).toEqual(['0', '1', '2']);
    expect(items.map((i) => i.row)).toEqual([1, 2, 3]);
  });

  it('names a bad label by its row and id', async () => {
    const path = csv('bad-row.csv', ['text,label', 'a,spam', 'b,ham', 'c,spma']);
    const e = await refusal(config({ path }, { type: 'classification', labels: ['spam', 'ham'] }));
    expect(e.message).toContain("(the first item with one: data row 3 (id '2'))");
  });

  it("names the file's row, not the item's place after dataset.ids", async () => {
    const lines = Array.from({ length: 10 }, (_, i) => `t${i},${i === 7 ? 'n/a' : i}`);
    const path = csv('targets.csv', ['text,label', ...lines]);
    const e = await refusal(
      config({ path, ids: ['5', '7'] }, { type: 'regression', answer: { extract: 'number' } }),
    );
    expect(e.code).toBe('NON_NUMERIC_VALUE');
    expect(e.message).toBe(
      "Data row 8 (id '7') has a non-numeric target 'n/a'; a regression target is a number (dataset.columns.label).",
    );
  });
});
