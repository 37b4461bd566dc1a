import { describe, expect, test } from 'vitest';
import {
  checkJudgeConfig,
  type JudgeConfigIssue,
  JudgeSchema,
  judgeMetricNames,
  ModelConfigSchema,
  resolveJudgeClient,
} from '../src/index.js';

const inline = {
  name: 'grader',
  provider: 'openai-chat',
  baseUrl: 'http://127.0.0.1:8080/v1',
  model: 'assay-overlap-judge',
  params: { temperature: 0.9, seed: 5, maxTokens: 200 },
};

function issues(raw: unknown): JudgeConfigIssue[] {
  const out: JudgeConfigIssue[] = [];
  checkJudgeConfig(raw, (i) => out.push(i));
  return out;
}

describe('judge section', () => {
  test('defaults: temperature 0, seed 0, one repeat, no partial credit', () => {
    expect(JudgeSchema.parse({ client: 'gen', mode: 'closedqa' })).toEqual({
      client: 'gen',
      mode: 'closedqa',
      temperature: 0,
      seed: 0,
      repeats: 1,
      partialCredit: false,
    });
  });

  test('an inline client takes the fields of a models[] entry', () => {
    const parsed = JudgeSchema.parse({ client: inline, mode: 'factuality' });
    expect(typeof parsed.client === 'object' && parsed.client.concurrency.max).toBe(16);
    const bad = JudgeSchema.safeParse({ client: { ...inline, provider: 'openai' }, mode: 'x' });
    expect(bad.success).toBe(false);
  });

  test('rubric needs its text; rubric and pair are refused in other modes', () => {
    const paths = (raw: unknown): string[] =>
      JudgeSchema.safeParse(raw).error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths({ client: 'g', mode: 'rubric' })).toEqual(['rubric']);
    expect(paths({ client: 'g', mode: 'closedqa', rubric: 'r', pair: ['a', 'b'] })).toEqual([
      'rubric',
      'pair',
    ]);
    expect(paths({ client: 'g', mode: 'pairwise', humanGrade: { column: 'h' } })).toEqual([
      'humanGrade',
    ]);
    expect(
      paths({ client: 'g', mode: 'closedqa', humanGrade: { column: 'h', labels: ['C', 'C'] } }),
    ).toEqual(['humanGrade.labels']);
  });

  test('cross-field: generation task, a named client among the models, two models for pairwise', () => {
    const models = [{ name: 'gen-a' }, { name: 'gen-b' }];
    expect(
      issues({
        task: { type: 'generation' },
        models,
        judge: { client: 'gen-a', mode: 'closedqa' },
      }),
    ).toEqual([]);
    expect(
      issues({ task: { type: 'classification' }, models, judge: { client: 'gen-a' } }),
    ).toEqual([
      {
        code: 'custom',
        path: ['judge'],
        message:
          "a judge grades free-text answers; it needs task.type 'generation' (this task is 'classification')",
      },
    ]);
    const [unknown] = issues({ task: { type: 'generation' }, models, judge: { client: 'gen-c' } });
    expect(unknown!.path).toEqual(['judge', 'client']);
    expect(unknown!.message).toMatch(/^unknown model 'gen-c'; did you mean 'gen-a'\?/);
    const one = issues({
      task: { type: 'generation' },
      models: [{ name: 'gen-a' }],
      judge: { client: inline, mode: 'pairwise' },
    });
    expect(one.map((i) => i.path)).toEqual([['judge', 'mode']]);
    expect(one[0]!.message).toMatch(/the run has 1 model \(add one/);
    const pair = issues({
      task: { type: 'generation' },
      models,
      judge: { client: inline, mode: 'pairwise', pair: ['gen-a', 'gen-x'] },
    });
    expect(pair.map((i) => i.path)).toEqual([['judge', 'pair', 1]]);
    const same = issues({
      task: { type: 'generation' },
      models,
      judge: { client: inline, mode: 'pairwise', pair: ['gen-a', 'gen-a'] },
    });
    expect(same[0]!.message).toMatch(/'gen-a' is named twice/);
  });

  test('judge_score with a judge, judge_kappa with a human grade column', () => {
    expect(judgeMetricNames({})).toEqual([]);
    expect(judgeMetricNames({ judge: { mode: 'closedqa' } })).toEqual(['judge_score']);
    expect(judgeMetricNames({ judge: { humanGrade: { column: 'h' } } })).toEqual([
      'judge_score',
      'judge_kappa',
    ]);
  });
});

describe('resolveJudgeClient', () => {
  test('pins temperature and seed into the params, keeps the rest', () => {
    const judge = JudgeSchema.parse({ client: inline, mode: 'closedqa', temperature: 0, seed: 3 });
    const r = resolveJudgeClient(judge, []);
    expect(r.name).toBe('grader');
    expect(r.journalName).toBe('judge:grader');
    expect(r.config.params).toEqual({ temperature: 0, seed: 3, maxTokens: 200 });
    expect(r.seed).toBe(3);
  });

  test('a named models[] entry is used without its prompt override', () => {
    const model = ModelConfigSchema.parse({
      ...inline,
      name: 'self',
      prompt: { maxFieldChars: 10 },
    });
    const r = resolveJudgeClient(JudgeSchema.parse({ client: 'self', mode: 'factuality' }), [
      model,
    ]);
    expect(r.config).not.toHaveProperty('prompt');
    expect(r.config.params.temperature).toBe(0);
    expect(r.journalName).toBe('judge:self');
  });

  test('anthropic takes no seed: none is sent and null is recorded', () => {
    const judge = JudgeSchema.parse({
      client: { ...inline, provider: 'anthropic', baseUrl: 'https://api.anthropic.com/v1' },
      mode: 'closedqa',
      seed: 9,
    });
    const r = resolveJudgeClient(judge, []);
    expect(r.seed).toBeNull();
    expect(r.config.params).not.toHaveProperty('seed');
  });
});
