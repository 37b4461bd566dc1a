import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildMessages,
  type DatasetItem,
  EvaluationError,
  loadRunDataset,
  parseRunConfig,
} from '../src/index.js';
import { configIssues, thresholdConfig } from './support/threshold-config.js';

// A trial's typo {{txet}} on a CSV of id,text,label was told "Its slots: id, text, label,
// reference": the data has no reference, and {{reference}} rendered empty in every prompt.
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-slot-lists-'));
  writeFileSync(join(dir, 'mail.csv'), 'id,text,label\na,win money,spam\nb,lunch?,ham\n');
  writeFileSync(join(dir, 'mapped.csv'), 'body,y,src\nwin money,spam,x\nlunch?,ham,y\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The prompt-slot problems of a classification run on `file` with these settings. */
async function slotProblems(
  file: string,
  prompt: Record<string, unknown>,
  columns: Record<string, string> = {},
): Promise<string[]> {
  const config = parseRunConfig(
    {
      name: 'slots',
      dataset: { path: file, columns },
      task: { type: 'classification', labels: ['spam', 'ham'] },
      prompt,
      models: [
        { name: 'a', provider: 'openai-chat', baseUrl: 'http://127.0.0.1:1/v1', model: 'm' },
      ],
    },
    { baseDir: dir },
  );
  const error = await loadRunDataset(config).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EvaluationError);
  return (error as EvaluationError).issues.map((i) => `${i.path}: ${i.message}`);
}

describe('an unknown prompt slot of a file data set', () => {
  it('lists the columns the data has, and no reference slot a classification file lacks', async () => {
    expect(await slotProblems('mail.csv', { template: 'Mail: {{txet}}' })).toEqual([
      "prompt.template: the slot '{{txet}}' names no column of the data file; did you mean '{{text}}'? Its columns: id, text, label",
    ]);
  });

  it('refuses {{reference}} without a reference column, as the prompt would get an empty string', async () => {
    const prompt = { template: '{{text}} ({{reference}})', allowLabelInPrompt: true };
    expect(await slotProblems('mail.csv', prompt)).toEqual([
      "prompt.template: the slot '{{reference}}' names no column of the data file; its columns: id, text, label",
    ]);
  });

  it('lists the built-in slots apart from the columns, each with the column it reads', async () => {
    const columns = { text: 'body', label: 'y' };
    expect(await slotProblems('mapped.csv', { template: '{{txt}}' }, columns)).toEqual([
      "prompt.template: the slot '{{txt}}' names no column of the data file; did you mean '{{text}}'? Its columns: body, y, src; built-in slots: id (the item's number, from 0), text (column 'body'), label (the gold label, column 'y')",
    ]);
  });
});

describe('an unknown prompt slot of a built-in data set', () => {
  it('lists the fields SpamAssassin mail has, without a reference it has none of', () => {
    const config = thresholdConfig([], { prompt: { template: '{{txet}}' } });
    expect(configIssues(config)).toEqual([
      "prompt.template: the slot '{{txet}}' names no field of the builtin data set 'spam-assassin'; did you mean '{{text}}'? Its fields: text, id, group, label",
    ]);
  });
});

describe('the slots a prompt is built from', () => {
  const spec = { fewShot: { answerTemplate: '{{label}}' } };
  const mail: DatasetItem = {
    id: 'a',
    index: 0,
    fields: { id: 'a', text: 'win money' },
    label: 'spam',
    group: undefined,
    reference: undefined,
  };

  it('have no reference where the item has none, so {{reference}} fails instead of rendering empty', () => {
    expect(() => buildMessages(mail, [], { ...spec, template: '{{text}} {{reference}}' })).toThrow(
      "The prompt slot '{{reference}}' (prompt.template) names no field; available: id, text, label.",
    );
  });

  it('keep a field named label where the item has no gold label (subject lines keep spam/ham)', () => {
    const subject = { ...mail, fields: { ...mail.fields, label: 'spam' }, label: undefined };
    expect(buildMessages(subject, [], { ...spec, template: '{{label}}: {{text}}' })).toEqual([
      { role: 'user', content: 'spam: win money' },
    ]);
  });
});
