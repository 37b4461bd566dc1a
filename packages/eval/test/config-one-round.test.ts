import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { EvaluationError, parseRunConfig, runEvaluation } from '../src/index.js';

/** The user trial's config: many typos at once. */
const BAD = `
name: bad1
dataset:
  builtin: spam-assasin
  limt: 50
task:
  type: clasification
  labels: [spam, ham]
  positiveLabel: Spam
prompt:
  template: "Classify: {{txt}}"
models:
  - name: nb
    provider: openai
    baseUrl: 127.0.0.1:18401/v1
    model: assay-spam-nb
    params: { max_tokens: 4, temprature: 0 }
evaluation:
  bootsrap: 100
  metrics: [acuracy, f1-macro]
tresholds:
  - f1_macro >= 0.9
`;

function problems(text: string): Map<string, string> {
  try {
    parseRunConfig(YAML.parse(text), { baseDir: process.cwd() });
  } catch (error) {
    expect(error).toBeInstanceOf(EvaluationError);
    const issues = (error as EvaluationError).issues ?? [];
    return new Map(issues.map((i) => [i.path, i.message]));
  }
  throw new Error('the configuration was accepted');
}

describe('a configuration with many problems', () => {
  it('reports metric names, positiveLabel and prompt slots in the same round as the typos', () => {
    const found = problems(BAD);
    // the first round's typos are still there
    expect(found.get('dataset.builtin')).toContain("did you mean 'spam-assassin'?");
    expect(found.get('task.type')).toContain("did you mean 'classification'?");
    expect(found.get('tresholds')).toContain("did you mean 'thresholds'?");
    // and what used to take two more rounds
    expect(found.get('evaluation.metrics[0]')).toContain(
      "unknown metric 'acuracy' for a classification task; did you mean 'accuracy'?",
    );
    expect(found.get('evaluation.metrics[1]')).toContain("did you mean 'f1_macro'?");
    expect(found.get('task.positiveLabel')).toContain(
      "did you mean 'spam'? Expected one of the labels (spam, ham)",
    );
    expect(found.get('prompt.template')).toBe(
      "the slot '{{txt}}' names no field of the builtin data set 'spam-assassin'; did you mean '{{text}}'? Its fields: text, id, group, label (checked as builtin 'spam-assassin')",
    );
  });

  it('suggests the label a positiveLabel differs from only in case, with a valid task type', () => {
    const fixedType = BAD.replace('clasification', 'classification');
    expect(problems(fixedType).get('task.positiveLabel')).toBe(
      "did you mean 'spam'? Expected one of the labels (spam, ham)",
    );
  });

  it('checks the slots of a builtin data set, model prompt overrides included, and accepts its fields', () => {
    const doc = {
      dataset: { builtin: 'spam-assassin-subjects' },
      task: { type: 'generation' },
      prompt: { system: 'Write a subject.', template: '{{body}}' },
      models: [
        {
          name: 'a',
          provider: 'openai-chat',
          baseUrl: 'http://127.0.0.1:1/v1',
          model: 'm',
          prompt: { messages: [{ role: 'user', content: '{{bdy}} {{nothing_like_it}}' }] },
        },
      ],
    };
    const found = (() => {
      try {
        parseRunConfig(doc);
      } catch (error) {
        return (error as EvaluationError).issues ?? [];
      }
      return [];
    })();
    const slots = found.filter((i) => i.message.startsWith('the slot '));
    expect(slots.map((i) => [i.path, i.message])).toEqual([
      [
        'models[0].prompt.messages[0].content',
        "the slot '{{bdy}}' names no field of the builtin data set 'spam-assassin-subjects'; did you mean '{{body}}'? Its fields: text, body, id, group, label, reference",
      ],
      [
        'models[0].prompt.messages[0].content',
        "the slot '{{nothing_like_it}}' names no field of the builtin data set 'spam-assassin-subjects'; its fields: text, body, id, group, label, reference",
      ],
    ]);
  });
});

describe('a data file that does not fit the configuration', () => {
  it('names every missing mapped column and unknown prompt slot in one error, before any request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-file-round-'));
    try {
      writeFileSync(
        join(dir, 'mail.jsonl'),
        '{"id":"a","body":"WIN money now","subject":"prize","label":"spam"}\n{"id":"b","body":"meeting at 10","subject":"sync","label":"ham"}\n',
      );
      const config = parseRunConfig(
        {
          name: 'file-round',
          dataset: { path: 'mail.jsonl', columns: { id: 'id', text: 'bdy', group: 'team' } },
          task: { type: 'classification', labels: ['spam', 'ham'] },
          prompt: { template: 'Subject: {{subjct}}\n\n{{text}}\n{{nothing_like_it}}' },
          // an unreachable URL: a check that came after the first request would fail otherwise
          models: [
            {
              name: 'nb',
              provider: 'openai-chat',
              baseUrl: 'http://127.0.0.1:1/v1',
              model: 'assay-spam-nb',
              prompt: { system: 'Answer {{labels}}' },
            },
          ],
          output: { dir: join(dir, 'out') },
        },
        { baseDir: dir },
      );
      const error = await runEvaluation(config).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(EvaluationError);
      const e = error as EvaluationError;
      expect(e.code).toBe('MISSING_COLUMN');
      expect(e.issues.map((i) => [i.path, i.message])).toEqual([
        [
          'dataset.columns.text',
          "the data file has no column 'bdy'; did you mean 'body'? Its columns: id, body, subject, label",
        ],
        [
          'dataset.columns.group',
          "the data file has no column 'team'; its columns: id, body, subject, label",
        ],
        [
          'prompt.template',
          "the slot '{{subjct}}' names no column of the data file; did you mean '{{subject}}'? Its columns: id, body, subject, label; built-in slots: text (column 'bdy')",
        ],
        [
          'prompt.template',
          "the slot '{{nothing_like_it}}' names no column of the data file; its columns: id, body, subject, label; built-in slots: text (column 'bdy')",
        ],
        [
          'models[0].prompt.system',
          "the slot '{{labels}}' names no column of the data file; did you mean '{{label}}'? Its columns: id, body, subject, label; built-in slots: text (column 'bdy')",
        ],
      ]);
      expect(e.message).toMatch(
        /^The data file '.*mail\.jsonl' does not fit the configuration \(5 problems\):\n {2}dataset\.columns\.text: /,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
