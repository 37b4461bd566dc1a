import { describe, expect, test } from 'vitest';
import {
  checkJudgeConfig,
  type EvaluationError,
  type JudgeConfigIssue,
  JudgeSchema,
  judgeMetricNames,
  ModelConfigSchema,
  parseRunConfig,
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

describe('judge in a run configuration', () => {
  const base = {
    dataset: { path: 'subjects.jsonl', columns: { reference: 'subject' } },
    task: { type: 'generation', scorers: ['token_f1'] },
    prompt: { template: 'Write a subject line:\n\n{{text}}' },
    models: [{ ...inline, name: 'writer', model: 'assay-subject-extractive' }],
  };
  const problems = (raw: unknown): string[] => {
    try {
      parseRunConfig(raw);
    } catch (error) {
      return (error as EvaluationError).issues.map((i) => `${i.path}: ${i.message}`);
    }
    return [];
  };

  test('a judge section with judge thresholds is valid', () => {
    const config = parseRunConfig({
      ...base,
      judge: { client: inline, mode: 'closedqa', humanGrade: { column: 'grade' } },
      thresholds: ['judge_score >= 0.5', 'judge_kappa >= 0.6'],
    });
    expect(config.judge?.mode).toBe('closedqa');
    expect(config.judge?.humanGrade).toEqual({ column: 'grade', weights: 'none' });
  });

  test('a problem inside an inline client is reported at its path, with a suggestion', () => {
    expect(problems({ ...base, judge: { client: { ...inline, provider: 'openai' } } })).toEqual([
      "judge.client.provider: unknown provider 'openai'; did you mean 'openai-chat'? Expected one of 'openai-chat', 'openai-completions', 'anthropic', 'http-json'",
      'judge.mode: expected one of "closedqa", "factuality", "rubric", "pairwise"',
    ]);
    expect(problems({ ...base, judge: { client: 5, mode: 'closedqa' } })).toEqual([
      'judge.client: expected string or object',
    ]);
  });

  test('judge_kappa needs a human grade column; judge_score needs a judge', () => {
    const [kappa] = problems({
      ...base,
      judge: { client: inline, mode: 'closedqa' },
      thresholds: ['judge_kappa >= 0.6'],
    });
    expect(kappa).toBe(
      "thresholds[0]: metric 'judge_kappa' needs a human grade column (judge.humanGrade.column) to compare the judge with",
    );
    expect(problems({ ...base, thresholds: ['judge_score >= 0.6'] })).toEqual([
      "thresholds[0]: metric 'judge_score' needs a judge section (judge: { client, mode })",
    ]);
  });

  test('--base-url and endpoint overrides reach an inline judge, not a named one', () => {
    const config = parseRunConfig(
      { ...base, judge: { client: inline, mode: 'closedqa' } },
      { baseUrl: 'http://127.0.0.1:9999/v1', endpoint: 'builtin:model-server' },
    );
    const client = config.judge!.client as { baseUrl: string; endpoint?: string };
    expect(client.baseUrl).toBe('http://127.0.0.1:9999/v1');
    expect(client.endpoint).toBe('builtin:model-server');
  });
});
