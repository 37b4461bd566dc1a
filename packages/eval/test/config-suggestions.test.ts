import { describe, expect, it } from 'vitest';
import {
  EvaluationError,
  formatConfigIssues,
  parseRunConfig,
  type RunConfigInput,
  RunConfigSchema,
} from '../src/index.js';

// biome-ignore lint/suspicious/noExplicitAny: tests mutate arbitrary (also invalid) config shapes
type LooseConfig = Record<string, any>;

function base(): RunConfigInput & Record<string, unknown> {
  return {
    dataset: { builtin: 'spam-assassin', limit: 20 },
    task: { type: 'classification', labels: ['spam', 'ham'] },
    prompt: { template: 'Classify:\n\n{{text}}' },
    models: [{ name: 'a', provider: 'openai-chat', baseUrl: 'http://127.0.0.1:1/v1', model: 'm' }],
  };
}

/** The problem lines of a rejected configuration, `path: message`. */
function problems(mutate: (c: LooseConfig) => void): string[] {
  const c = structuredClone(base()) as LooseConfig;
  mutate(c);
  try {
    parseRunConfig(c);
  } catch (error) {
    expect(error).toBeInstanceOf(EvaluationError);
    return (error as EvaluationError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected the configuration to be rejected');
}

describe('did you mean, for unknown values', () => {
  it('suggests openai-chat for provider openai and lists the providers', () => {
    expect(problems((c) => (c.models[0].provider = 'openai'))).toEqual([
      "models[0].provider: unknown provider 'openai'; did you mean 'openai-chat'? Expected one of 'openai-chat', 'openai-completions', 'anthropic', 'http-json'",
    ]);
  });

  it('suggests across case and separators in enum values', () => {
    const lines = problems((c) => {
      c.evaluation = { method: 'repeated_stratified' };
      c.task.answer = { extract: 'First-Label' };
      c.prompt = { messages: [{ role: 'System', content: '{{text}}' }] };
    });
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^evaluation\.method: unknown method 'repeated_stratified'; did you mean 'repeated-stratified'\? Expected one of 'all', 'holdout', /,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^task\.answer\.extract: .*did you mean 'first-label'\?/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^prompt\.messages\[0\]\.role: .*did you mean 'system'\?/),
    );
  });

  it('suggests a task type', () => {
    expect(problems((c) => (c.task.type = 'clasification'))).toContainEqual(
      "task.type: unknown type 'clasification'; did you mean 'classification'? Expected one of 'classification', 'regression', 'generation', 'multiple-choice'",
    );
  });

  it('checks the rest of a task with a misspelt type as the type it meant, in the same pass', () => {
    const lines = problems((c) => {
      c.task.type = 'clasification';
      c.task.answer = { extract: 'first_label' };
      c.models[0].params = { max_tokens: 4 };
    });
    expect(lines).toEqual([
      "task.type: unknown type 'clasification'; did you mean 'classification'? Expected one of 'classification', 'regression', 'generation', 'multiple-choice'",
      "task.answer.extract: unknown extract 'first_label'; did you mean 'first-label'? Expected one of 'exact', 'regex', 'first-label', 'number' (checked as task type 'classification')",
      "models[0].params.max_tokens: unknown key 'max_tokens'; did you mean 'maxTokens'?",
    ]);
    // a type far from every task type is not guessed at
    expect(problems((c) => (c.task.type = 'summarise'))).toHaveLength(1);
  });

  it('lists the valid values without a guess when none is close', () => {
    expect(problems((c) => (c.models[0].provider = 'bedrock'))).toEqual([
      "models[0].provider: unknown provider 'bedrock'; expected one of 'openai-chat', 'openai-completions', 'anthropic', 'http-json'",
    ]);
  });
});

describe('did you mean, for unknown keys', () => {
  it('suggests maxTokens for max_tokens, at the path of the key', () => {
    expect(problems((c) => (c.models[0].params = { max_tokens: 4, top_p: 1 }))).toEqual([
      "models[0].params.max_tokens: unknown key 'max_tokens'; did you mean 'maxTokens'?",
      "models[0].params.top_p: unknown key 'top_p'; did you mean 'topP'?",
    ]);
  });

  it('suggests keys at every depth: top level, sections, models, nested objects', () => {
    const lines = problems((c) => {
      c.thresold = [];
      c.dataset.pth = 'x';
      c.prompt.fewshot = { count: 1 };
      c.models[0].api_key_env = 'KEY';
      c.models[0].concurrency = { maxx: 3 };
    });
    expect(lines).toEqual(
      expect.arrayContaining([
        "thresold: unknown key 'thresold'; did you mean 'thresholds'?",
        "dataset.pth: unknown key 'pth'; did you mean 'path'?",
        "prompt.fewshot: unknown key 'fewshot'; did you mean 'fewShot'?",
        "models[0].api_key_env: unknown key 'api_key_env'; did you mean 'apiKeyEnv'?",
        "models[0].concurrency.maxx: unknown key 'maxx'; did you mean 'max'?",
      ]),
    );
  });

  it('lists the keys of the task type given, not of the other types', () => {
    const lines = problems((c) => {
      c.task = { type: 'regression', labels: ['a', 'b'] };
    });
    expect(lines).toEqual(["task.labels: unknown key 'labels'; expected one of 'type', 'answer'"]);
  });

  it('says only that the key is unknown when formatting without the schema', () => {
    const result = RunConfigSchema.safeParse({ ...base(), modles: [] });
    expect(result.success).toBe(false);
    const issues = formatConfigIssues(result.success ? [] : result.error.issues);
    expect(issues).toContainEqual({
      code: 'unrecognized_keys',
      path: 'modles',
      message: "unknown key 'modles' (check the spelling)",
    });
  });
});

describe('did you mean, for metric names', () => {
  it('suggests a metric of the task in evaluation.metrics', () => {
    const lines = problems((c) => (c.evaluation = { metrics: ['f1_marco', 'acc', 'speed'] }));
    expect(lines[0]).toMatch(
      /^evaluation\.metrics\[0\]: unknown metric 'f1_marco' for a classification task; did you mean 'f1_macro'\? Expected one of accuracy, /,
    );
    expect(lines[1]).toMatch(/^evaluation\.metrics\[1\]: .*did you mean 'accuracy'\?/);
    expect(lines[2]).toMatch(
      /^evaluation\.metrics\[2\]: unknown metric 'speed' for a .*; expected/,
    );
  });

  it('suggests task and service metrics in thresholds', () => {
    const lines = problems((c) => {
      c.thresholds = ['acuracy >= 0.5', 'p95_latency <= 800', 'rmse <= 1'];
    });
    expect(lines[0]).toMatch(
      /^thresholds\[0\]: unknown metric 'acuracy'; did you mean 'accuracy'\?/,
    );
    expect(lines[1]).toMatch(/^thresholds\[1\]: .*did you mean 'p95_latency_ms'\?/);
    // rmse is a regression metric: for a classification task nothing close is suggested
    expect(lines[2]).toMatch(/^thresholds\[2\]: unknown metric 'rmse'; expected a task metric/);
  });
});

describe('did you mean, for threshold typos', () => {
  it("suggests '_' for a metric name written with '-'", () => {
    const lines = problems((c) => (c.thresholds = ['f1-macro >= 0.8']));
    expect(lines).toEqual([
      "thresholds[0]: 'f1-macro >= 0.8': expected an operator (>=, >, <=, <, ==) at column 3, found '-macro'; did you mean 'f1_macro'? Metric names join their words with '_', not '-'",
    ]);
  });

  it("suggests '>=' for '=>' and '<=' for '=<'", () => {
    const lines = problems((c) => (c.thresholds = ['accuracy => 0.9', 'error_rate =< 0.1']));
    expect(lines).toEqual([
      "thresholds[0]: 'accuracy => 0.9': expected an operator (>=, >, <=, <, ==) at column 10, found '=>'; did you mean '>='? Write the comparison with the '=' last (>=, <=) or doubled (==)",
      "thresholds[1]: 'error_rate =< 0.1': expected an operator (>=, >, <=, <, ==) at column 12, found '=<'; did you mean '<='? Write the comparison with the '=' last (>=, <=) or doubled (==)",
    ]);
  });

  it('suggests the full name for a common abbreviation of a metric', () => {
    const lines = problems((c) => {
      c.thresholds = ['mcc >= 0.5', 'auc >= 0.7'];
      c.evaluation = { metrics: ['kappa'] };
    });
    expect(lines).toEqual([
      expect.stringMatching(
        /^evaluation\.metrics\[0\]: unknown metric 'kappa' for a classification task; did you mean 'cohen_kappa'\? Expected one of /,
      ),
      expect.stringMatching(
        /^thresholds\[0\]: unknown metric 'mcc'; did you mean 'matthews_corrcoef'\? Expected a task metric/,
      ),
      expect.stringMatching(/^thresholds\[1\]: unknown metric 'auc'; did you mean 'roc_auc'\?/),
    ]);
  });

  it('suggests f1_macro for f1 only where f1 itself is not valid', () => {
    const mc = problems((c) => {
      c.task = { type: 'multiple-choice' };
      c.thresholds = ['f1 >= 0.5'];
    });
    expect(mc.find((l) => l.startsWith('thresholds[0]'))).not.toMatch(/did you mean 'f1_macro'/);
    const reg = problems((c) => {
      c.task = { type: 'regression' };
      c.thresholds = ['r_squared >= 0.5'];
    });
    expect(reg.find((l) => l.startsWith('thresholds[0]'))).toMatch(/did you mean 'r2'\?/);
  });
});
