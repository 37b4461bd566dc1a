import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRecords, stepQuality, untimedAnswersWarning } from '@assay/loadtest';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import YAML from 'yaml';
import { type ChoiceServer, startChoiceServer } from '../../../test-support/choice-server.js';
import { assay } from './cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-loadtest-score-'));
let server: ModelServer;
let choices: ChoiceServer;

const QUESTIONS = Array.from({ length: 8 }, (_, i) => ({
  id: `q${i}`,
  question: `Which one is right (${i})?`,
  options: ['wrong one', 'right', 'wrong two'].map((t) => `${t} ${i}`),
  answer: 1,
}));

beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  choices = await startChoiceServer(new Set(QUESTIONS.map((q) => q.options[1]!)));
  writeFileSync(join(dir, 'questions.jsonl'), QUESTIONS.map((q) => JSON.stringify(q)).join('\n'));
});
afterAll(async () => {
  await server.close();
  await choices.close();
  rmSync(dir, { recursive: true, force: true });
});

function writeConfig(name: string, config: Record<string, unknown>): string {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(
    path,
    YAML.stringify({
      name,
      ...config,
      models: [
        { name: 'm', provider: 'openai-chat', baseUrl: 'http://127.0.0.1:9/v1', model: 'm' },
      ],
    }),
  );
  return path;
}

async function scoredRun(
  baseUrl: string,
  model: string,
  config: string,
  extra: string[] = [],
  expectedStderr = '',
) {
  const { code, stdout, stderr } = await assay([
    'loadtest',
    '--base-url',
    baseUrl,
    '--model',
    model,
    '--concurrency',
    '2',
    '--score',
    config,
    '--format',
    'json',
    '-q',
    ...extra,
  ]);
  expect(stderr).toBe(expectedStderr);
  expect(code).toBe(0);
  return JSON.parse(stdout);
}

describe('assay loadtest --score beyond classification', () => {
  test('a TPOT bound on answers whose decode timing was not observable fails, saying why, and the table shows -', async () => {
    // the extractive model writes each answer at once: every TPOT and ITL used to read 0,
    // and tpot_p95<=5 passed on it with exit 0
    const { code, stdout, stderr } = await assay([
      ...['loadtest', '--base-url', server.baseUrl, '--model', 'assay-subject-extractive'],
      ...['--concurrency', '2', '--requests', '12', '--max-tokens', '32'],
      ...['--slo', 'tpot_p95<=5,itl_p99<=10'],
    ]);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n').at(-1)).toBe(
      'assay loadtest: Step 0 misses the SLO: tpot_p95 has no value (decode timing was not observable: the chunks of 12 of 12 answers arrived together, in one read, and no other answer had 2 or more output tokens); itl_p99 has no value (decode timing was not observable: the chunks of 12 of 12 answers arrived together, in one read, and no other answer had 2 or more chunks).',
    );
    expect(stdout).not.toMatch(/TPOT p\d+\s+0\.0/);
  });

  test('a generation task reports each scorer per step with its interval, recomputable from --records', async () => {
    const config = writeConfig('subjects', {
      dataset: { builtin: 'spam-assassin-subjects', limit: 12, seed: 2 },
      task: { type: 'generation', scorers: ['exact_match', 'token_f1'] },
      prompt: { template: 'Write a subject line for this e-mail:\n\n{{text}}' },
    });
    const records = join(dir, 'subjects.arrow');
    // the extractive model writes each answer at once: its decode timing is not observable
    const result = await scoredRun(
      server.baseUrl,
      'assay-subject-extractive',
      config,
      ['--requests', '12', '--records', records],
      'assay loadtest: note: Decode timing was not observable for 12 of 12 answers: their chunks arrived together, in one read (the service wrote each answer at once, or something between buffered the stream), so TPOT and ITL have no value.\n',
    );
    expect(result.accuracy).toBeUndefined();
    const quality = result.quality as {
      metric: string;
      value: number;
      interval: number[];
      scored: number;
    }[];
    expect(quality.map((q) => q.metric)).toEqual(['exact_match', 'token_f1']);
    for (const q of quality) {
      expect(q.scored).toBe(12);
      expect(q.value).toBeGreaterThanOrEqual(0);
      expect(q.value).toBeLessThanOrEqual(1);
      expect(q.interval[0]).toBeLessThanOrEqual(q.value);
      expect(q.interval[1]).toBeGreaterThanOrEqual(q.value);
    }
    // the extractive model copies words of the e-mail: some overlap with the real subject
    expect(quality[1]!.value).toBeGreaterThan(0);
    const back = await readRecords(records);
    expect(back.every((r) => r.scores !== null && 'token_f1' in r.scores)).toBe(true);
    expect(stepQuality(back.filter((r) => !r.warmup))).toEqual(quality);
  });

  test('a multiple-choice task reports accuracy: the model that knows scores 1, the one that says A scores 0', async () => {
    const config = writeConfig('mc', {
      dataset: {
        path: join(dir, 'questions.jsonl'),
        columns: { text: 'question', choices: 'options', label: 'answer' },
      },
      task: { type: 'multiple-choice', labelFormat: 'index' },
    });
    // the choice server answers with one JSON body, not a stream: said, and scored all the same
    const untimed = `assay loadtest: warning: ${untimedAnswersWarning(8)}\n`;
    const knows = await scoredRun(choices.baseUrl, 'knows', config, ['--requests', '8'], untimed);
    expect(knows.accuracy).toMatchObject({ correct: 8, scored: 8, accuracy: 1 });
    expect(knows.quality).toEqual([
      { metric: 'accuracy', value: 1, interval: knows.accuracy.interval, scored: 8 },
    ]);
    const first = await scoredRun(choices.baseUrl, 'first', config, ['--requests', '8'], untimed);
    expect(first.quality[0].value).toBe(0);
  });

  test('a generation scorer that cannot score the data set is refused before any request', async () => {
    const config = writeConfig('numeric', {
      dataset: { builtin: 'spam-assassin-subjects', limit: 4, seed: 2 },
      task: { type: 'generation', scorers: ['numeric_match'] },
      prompt: { template: '{{text}}' },
    });
    const before = server.stats().requests;
    const { code, stderr } = await assay([
      'loadtest',
      '--base-url',
      server.baseUrl,
      '--model',
      'assay-subject-extractive',
      '--concurrency',
      '1',
      '--requests',
      '2',
      '--score',
      config,
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--score '.*numeric\.yaml': .*numeric/);
    expect(server.stats().requests).toBe(before);
  });
});
