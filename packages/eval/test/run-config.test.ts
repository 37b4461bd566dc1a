import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluationWarnings } from '../src/config/evaluation-method.js';
import type { DatasetItem } from '../src/datasets/dataset-item.js';
import {
  EvaluationError,
  parseRunConfig,
  parseThreshold,
  type RunConfigInput,
  runConfigJsonSchema,
  thresholdHolds,
} from '../src/index.js';
import { splitItems } from '../src/run/split-items.js';

// biome-ignore lint/suspicious/noExplicitAny: tests mutate arbitrary (also invalid) config shapes
type LooseConfig = Record<string, any>;

function base(): RunConfigInput & Record<string, unknown> {
  return {
    dataset: { builtin: 'spam-assassin', limit: 20 },
    task: { type: 'classification', labels: ['spam', 'ham'] },
    prompt: { template: 'Classify:\n\n{{text}}' },
    models: [
      { name: 'a', provider: 'openai-chat', baseUrl: 'http://127.0.0.1:1/v1', model: 'm' },
      { name: 'b', provider: 'openai-chat', baseUrl: 'http://127.0.0.1:1/v1', model: 'm' },
    ],
    thresholds: ['accuracy >= 0.5'],
  };
}

function issuesOf(mutate: (c: LooseConfig) => void): string[] {
  const c = structuredClone(base()) as LooseConfig;
  mutate(c);
  try {
    parseRunConfig(c);
  } catch (error) {
    expect(error).toBeInstanceOf(EvaluationError);
    expect((error as EvaluationError).code).toBe('INVALID_CONFIG');
    return (error as EvaluationError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected the configuration to be rejected');
}

describe('RunConfigSchema', () => {
  it('accepts the base configuration and fills defaults', () => {
    const c = parseRunConfig(base(), { baseDir: '/tmp' });
    // zero-shot: nothing is learned from training folds, so every item is scored once
    expect(c.evaluation.method).toBe('all');
    expect(c.evaluation.k).toBe(5);
    expect(c.evaluation.bootstrap).toBe(1000);
    expect(c.cache).toMatch(/cache\.sqlite$/);
    expect(c.models[0]!.concurrency.max).toBeGreaterThan(0);
  });

  it('defaults evaluation.method to all without few-shot examples and to stratified with them', () => {
    const withShots = {
      ...base(),
      prompt: { template: 'Classify:\n\n{{text}}', fewShot: { count: 2 } },
    };
    expect(parseRunConfig(withShots).evaluation.method).toBe('stratified');
    const zeroShot = {
      ...base(),
      prompt: { template: 'Classify:\n\n{{text}}', fewShot: { count: 0 } },
    };
    expect(parseRunConfig(zeroShot).evaluation.method).toBe('all');
    const given = { ...withShots, evaluation: { method: 'kfold' as const } };
    expect(parseRunConfig(given).evaluation.method).toBe('kfold');
  });

  it('accepts every bundled example', async () => {
    const { loadRunConfig } = await import('../src/index.js');
    const examples = new URL('../../../examples/', import.meta.url).pathname;
    const files = readdirSync(examples).filter((f) => f.endsWith('.yaml'));
    expect(files).toContain('subject-lines.yaml');
    for (const f of files) {
      const c = await loadRunConfig(new URL(`../../../examples/${f}`, import.meta.url).pathname);
      expect(c.models.length).toBeGreaterThan(0);
    }
  });

  const cases: Array<[string, (c: LooseConfig) => void, RegExp]> = [
    [
      'negative rate limit',
      (c) => (c.models[1].rateLimit = { rpm: -5 }),
      /^models\[1\]\.rateLimit\.rpm: expected a positive number/,
    ],
    [
      'unknown provider',
      (c) => (c.models[0].provider = 'bogus'),
      /^models\[0\]\.provider: unknown provider 'bogus'; expected one of 'openai-chat', /,
    ],
    ['missing model id', (c) => delete c.models[0].model, /^models\[0\]\.model: /],
    [
      'duplicate model names',
      (c) => (c.models[1].name = 'a'),
      /^models\[1\]\.name: duplicate model name 'a'/,
    ],
    ['no models', (c) => (c.models = []), /^models: expected at least 1 entries/],
    [
      'unknown top-level key',
      (c) => (c.modles = []),
      /^modles: unknown key 'modles'; did you mean 'models'\?$/,
    ],
    [
      'unknown metric',
      (c) => (c.evaluation = { metrics: ['accuracy', 'f2_score'] }),
      /^evaluation\.metrics\[1\]: unknown metric 'f2_score'/,
    ],
    [
      'unknown threshold metric',
      (c) => (c.thresholds = ['accuracy >= 0.5', 'speed >= 3']),
      /^thresholds\[1\]: unknown metric 'speed'/,
    ],
    [
      'malformed threshold',
      (c) => (c.thresholds = ['f1_macro at least 0.9']),
      /^thresholds\[0\]: 'f1_macro at least 0\.9': expected an operator \(>=, >, <=, <, ==\) at column 10, found 'at'$/,
    ],
    ['k below 2', (c) => (c.evaluation = { k: 1 }), /^evaluation\.k: expected an integer >= 2/],
    [
      'method all with few-shot examples, which it has no training part for',
      (c) => {
        c.evaluation = { method: 'all' };
        c.prompt.fewShot = { count: 4 };
      },
      /^evaluation\.method: 'all' scores every item and has no training part to draw prompt\.fewShot examples from/,
    ],
    [
      'unknown split method',
      (c) => (c.evaluation = { method: 'loo' }),
      /^evaluation\.method: unknown method 'loo'; expected one of 'all', 'holdout', /,
    ],
    [
      'ci out of range',
      (c) => (c.evaluation = { ci: 1.5 }),
      /^evaluation\.ci: expected a number > 0 and < 1/,
    ],
    [
      'neither builtin nor path',
      (c) => (c.dataset = { limit: 3 }),
      /^dataset: expected exactly one of 'builtin'/,
    ],
    [
      'unknown built-in group',
      (c) => (c.dataset.groups = ['spam-9']),
      /^dataset\.groups\[0\]: unknown value 'spam-9'; did you mean 'spam-1'\? Expected one of /,
    ],
    [
      'regex without a pattern',
      (c) => (c.task.answer = { extract: 'regex' }),
      /^task\.answer\.pattern: extract 'regex' needs a pattern/,
    ],
    [
      'regex without a capture group',
      (c) => (c.task.answer = { extract: 'regex', pattern: 'spam|ham' }),
      /^task\.answer\.pattern: expected a regular expression with at least one capture group/,
    ],
    [
      'invalid regex',
      (c) => (c.task.answer = { extract: 'regex', pattern: '(' }),
      /^task\.answer\.pattern: not a valid regular expression/,
    ],
    [
      'one label only',
      (c) => (c.task.labels = ['spam']),
      /^task\.labels: expected at least 2 entries/,
    ],
    [
      'positive label not a label',
      (c) => (c.task.positiveLabel = 'junk'),
      /^task\.positiveLabel: expected one of the labels/,
    ],
    ['unknown task type', (c) => (c.task = { type: 'ranking' }), /^task\.type: /],
    [
      'template and messages',
      (c) => (c.prompt.messages = [{ role: 'user', content: '{{text}}' }]),
      /^prompt: expected exactly one of 'template'/,
    ],
    [
      'no prompt for a classification task',
      (c) => delete c.prompt,
      /^prompt: expected exactly one of 'template'/,
    ],
    [
      'choices column for a classification task',
      (c) => (c.dataset.columns = { choices: 'options' }),
      /^dataset\.columns\.choices: dataset\.columns\.choices is read by task\.type 'multiple-choice' only/,
    ],
    [
      'negative few-shot count',
      (c) => (c.prompt.fewShot = { count: -1 }),
      /^prompt\.fewShot\.count: expected an integer >= 0/,
    ],
    [
      'bad model name',
      (c) => (c.models[0].name = 'has space'),
      /^models\[0\]\.name: expected a name of letters/,
    ],
    [
      'group split without a group column',
      (c) => {
        c.dataset = { path: 'data.jsonl' };
        c.evaluation = { method: 'group' };
      },
      /^dataset\.columns\.group: evaluation\.method 'group' needs a group column/,
    ],
  ];

  it('accepts the metric names and aliases assay score accepts, for the task', () => {
    const c = structuredClone(base()) as LooseConfig;
    c.task = { type: 'regression' };
    c.thresholds = ['mae <= 3'];
    c.evaluation = { metrics: ['mae', 'mean_absolute_error', 'r2', 'explained_variance'] };
    expect(parseRunConfig(c).evaluation.metrics).toEqual([
      'mae',
      'mean_absolute_error',
      'r2',
      'explained_variance',
    ]);
    const d = structuredClone(base()) as LooseConfig;
    d.evaluation = {
      metrics: ['jaccard_macro', 'log_loss', 'brier_score_loss', 'average_precision'],
    };
    expect(parseRunConfig(d).evaluation.metrics).toHaveLength(4);
  });

  it("refuses scikit-learn's neg_* scorer names, whose values would have the wrong sign, naming the metric to write", () => {
    const issues = issuesOf((c) => {
      c.task = { type: 'regression' };
      c.evaluation = { metrics: ['neg_mean_absolute_error', 'r2'] };
      c.thresholds = ['neg_root_mean_squared_error >= -10'];
    });
    expect(issues).toContainEqual(
      "evaluation.metrics[0]: 'neg_mean_absolute_error' is scikit-learn's negated scorer (larger is better); assay run reports mean_absolute_error as it is (lower is better), so a neg_ name would carry a value of the wrong sign: write 'mean_absolute_error' (in thresholds e.g. 'mean_absolute_error <= 0.5')",
    );
    expect(issues).toContainEqual(
      expect.stringMatching(
        /^thresholds\[0\]: 'neg_root_mean_squared_error' is scikit-learn's negated scorer .* write 'root_mean_squared_error'/,
      ),
    );
    const classification = issuesOf((c) => {
      c.evaluation = { metrics: ['neg_log_loss'] };
    });
    expect(classification).toContainEqual(expect.stringMatching(/write 'log_loss'/));
  });

  it('refuses a prompt slot that shows the model the answer, with its path', () => {
    const issues = issuesOf((c) => {
      c.prompt = { template: 'Text: {{text}}\nGold: {{label}}' };
      c.models[1].prompt = { messages: [{ role: 'user', content: '{{group}}: {{text}}' }] };
    });
    expect(issues).toContainEqual(
      expect.stringMatching(
        /^prompt\.template: the slot '\{\{label\}\}' puts the gold label \(column 'label'\)/,
      ),
    );
    expect(issues).toContainEqual(
      expect.stringMatching(
        /^models\[1\]\.prompt\.messages\[0\]\.content: the slot '\{\{group\}\}' puts the SpamAssassin group/,
      ),
    );
    const renamed = issuesOf((c) => {
      c.dataset = { path: 'data.jsonl', columns: { label: 'gold', text: 'body' } };
      c.prompt = { system: 'Hint: {{ gold }}', template: '{{body}} {{label}} {{reference}}' };
    });
    expect(renamed).toContainEqual(
      expect.stringMatching(
        /^prompt\.system: the slot '\{\{gold\}\}' puts the gold label \(column 'gold'\)/,
      ),
    );
    // the built-in slots hold the label and reference whatever columns they are read from
    expect(renamed).toContainEqual(
      expect.stringMatching(
        /^prompt\.template: the slot '\{\{label\}\}' puts the gold label \(column 'gold'\)/,
      ),
    );
    expect(renamed).toContainEqual(
      expect.stringMatching(
        /^prompt\.template: the slot '\{\{reference\}\}' puts the reference answer/,
      ),
    );
  });

  it('accepts such a slot when allowLabelInPrompt is set, and in the few-shot answer template', () => {
    const c = structuredClone(base()) as LooseConfig;
    c.prompt = { template: '{{text}} {{label}}', allowLabelInPrompt: true };
    expect(parseRunConfig(c).prompt.allowLabelInPrompt).toBe(true);
    const d = structuredClone(base()) as LooseConfig;
    d.prompt = { template: '{{text}}', fewShot: { count: 2, answerTemplate: 'Answer: {{label}}' } };
    expect(parseRunConfig(d).prompt.fewShot.answerTemplate).toBe('Answer: {{label}}');
  });

  it('names the default output directory after the run, so two configs never share one', () => {
    const a = structuredClone(base()) as LooseConfig;
    a.name = 'nightly spam/check';
    const b = structuredClone(base()) as LooseConfig;
    b.name = 'weekly';
    expect(parseRunConfig(a).output.dir).toBe(resolve('assay-out', 'nightly-spam-check'));
    expect(parseRunConfig(b).output.dir).toBe(resolve('assay-out', 'weekly'));
    b.output = { dir: 'elsewhere' };
    expect(parseRunConfig(b).output.dir).toBe(resolve('elsewhere'));
    expect(parseRunConfig(b, { outputDir: 'flag' }).output.dir).toBe(resolve('flag'));
  });

  it('limits bootstrap resamples as the scoring engine does', () => {
    const issues = issuesOf((c) => {
      c.evaluation = { bootstrap: 1_000_001 };
    });
    expect(issues.some((i) => /^evaluation\.bootstrap: /.test(i))).toBe(true);
  });

  it.each(cases)('rejects %s with its path', (_name, mutate, expected) => {
    const issues = issuesOf(mutate);
    expect(issues.some((i) => expected.test(i))).toBe(true);
  });

  it('refuses a credential in a model baseUrl among the other problems, with its path and without its value', () => {
    const c = structuredClone(base()) as LooseConfig;
    c.models[0].baseUrl = 'https://api.example.com/v1?api_key=sk-live-s3cr3t-0123456789';
    c.models[1].baseUrl = 'https://user:pw-s3cr3t-9876@api.example.com/v1';
    c.evaluation = { k: 0 };
    let error: EvaluationError | undefined;
    try {
      parseRunConfig(c);
    } catch (e) {
      error = e as EvaluationError;
    }
    expect(error).toBeInstanceOf(EvaluationError);
    const lines = error!.issues.map((i) => `${i.path}: ${i.message}`);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^models\[0\]\.baseUrl: carries a credential in its parameter 'api_key'; .*apiKeyEnv/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^models\[1\]\.baseUrl: contains credentials \(user:password@\)/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^evaluation\.k: /));
    expect(JSON.stringify(error!.issues) + error!.message).not.toMatch(/s3cr3t/);
    // an override (assay run --base-url) is checked the same way
    const override = (() => {
      try {
        parseRunConfig(base(), { baseUrl: 'https://api.example.com/v1?token=s3cr3t-0123456789' });
      } catch (e) {
        return e as EvaluationError;
      }
      return undefined;
    })();
    expect(override?.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      expect.stringMatching(
        /^baseUrl \(--base-url\): carries a credential in its parameter 'token'/,
      ),
    ]);
    expect(override?.message).not.toContain('s3cr3t');
  });

  it('refuses a base URL without an http(s) scheme before a run starts, suggesting the URL meant', () => {
    expect(
      issuesOf((c) => {
        c.models[0].baseUrl = '127.0.0.1:8080/v1';
        c.models[1].baseUrl = 'ftp://host/v1';
      }),
    ).toEqual([
      "models[0].baseUrl: has no scheme; did you mean 'http://127.0.0.1:8080/v1'?",
      "models[1].baseUrl: uses the scheme 'ftp:'; expected 'http:' or 'https:', e.g. 'http://127.0.0.1:8000/v1'",
    ]);
    const override = (() => {
      try {
        parseRunConfig(base(), { baseUrl: 'localhost:8000' });
      } catch (e) {
        return e as EvaluationError;
      }
      return undefined;
    })();
    expect(override?.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      "baseUrl (--base-url): has no scheme; did you mean 'http://localhost:8000'?",
    ]);
  });

  it('refuses labels that the answer matching cannot tell apart, naming both', () => {
    const labels =
      (list: string[], answer: Record<string, unknown> = {}) =>
      () =>
        parseRunConfig({
          ...base(),
          task: { type: 'classification', labels: list, answer },
        });
    expect(labels(['spam', 'ham', 'Ham'])).toThrow(
      /task\.labels: labels "ham" and "Ham" are the same answer to the answer matching/,
    );
    expect(labels(['spam', 'ham', ' ham'])).toThrow(/labels "ham" and " ham"/);
    // told apart when the matching keeps case
    expect(labels(['spam', 'ham', 'Ham'], { caseSensitive: true })).not.toThrow();
  });

  it('reports every problem at once', () => {
    const issues = issuesOf((c) => {
      c.models[1].rateLimit = { rpm: 0 };
      c.evaluation = { k: 0, metrics: ['nope'] };
      c.thresholds = ['p95_latency_ms <= fast'];
    });
    expect(issues.length).toBeGreaterThanOrEqual(4);
    expect(issues.join('\n')).toMatch(/models\[1\]\.rateLimit\.rpm/);
    expect(issues.join('\n')).toMatch(/evaluation\.k/);
    expect(issues.join('\n')).toMatch(/evaluation\.metrics\[0\]/);
    expect(issues.join('\n')).toMatch(/thresholds\[0\]/);
  });
});

describe('thresholds', () => {
  it('parses operators and numbers', () => {
    expect(parseThreshold('p95_latency_ms <= 800')).toEqual({
      ok: true,
      threshold: {
        source: 'p95_latency_ms <= 800',
        metric: 'p95_latency_ms',
        op: '<=',
        value: 800,
      },
    });
    expect(parseThreshold('error_rate<0.01')).toMatchObject({
      ok: true,
      threshold: { op: '<', value: 0.01 },
    });
    expect(parseThreshold('f1_macro >= 9e-1')).toMatchObject({
      ok: true,
      threshold: { value: 0.9 },
    });
    expect(parseThreshold('f1_macro => 0.9').ok).toBe(false);
  });

  it('compares exactly, or within a given rounding tolerance on both sides of the limit', () => {
    const t = (op: '>=' | '>' | '<=' | '<' | '==') =>
      ({ source: '', metric: 'accuracy', op, value: -0.005 }) as const;
    const rounded = 0.955 - 0.96; // -0.0050000000000000044
    expect(thresholdHolds(t('>='), rounded)).toBe(false);
    expect(thresholdHolds(t('>='), rounded, 1e-12)).toBe(true);
    expect(thresholdHolds(t('=='), rounded, 1e-12)).toBe(true);
    // a strict bound is not met by a value equal within rounding
    expect(thresholdHolds(t('>'), -0.005 + 1e-15, 1e-12)).toBe(false);
    expect(thresholdHolds(t('<'), -0.005 - 1e-15, 1e-12)).toBe(false);
    expect(thresholdHolds(t('<='), -0.00499, 1e-12)).toBe(false);
    expect(thresholdHolds(t('>='), Number.NaN, 1)).toBe(false);
  });
});

describe('JSON Schema', () => {
  it('the committed schema file is up to date (run `pnpm --filter @assay/eval schema`)', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../schema/run-config.schema.json', import.meta.url), 'utf8'),
    ) as unknown;
    expect(committed).toEqual(runConfigJsonSchema());
  });

  it('describes the sections', () => {
    const schema = runConfigJsonSchema() as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'dataset',
        'task',
        'prompt',
        'models',
        'evaluation',
        'output',
        'cache',
        'thresholds',
      ]),
    );
    // prompt may be left out by a multiple-choice task only, which the schema cannot say
    expect(schema.required).toEqual(expect.arrayContaining(['dataset', 'task', 'models']));
  });
});

describe('folds of a task without classes', () => {
  it("warns that 'stratified' on a regression gives plain k-fold folds", () => {
    const warnings = evaluationWarnings({ method: 'stratified' }, 2, 'regression');
    expect(warnings).toEqual([
      "evaluation.method 'stratified' keeps each class's share in every fold, but a regression task has no classes to keep (scikit-learn's StratifiedKFold refuses a continuous target), so the folds are plain k-fold folds (kfold); set evaluation.method: kfold to say so.",
    ]);
    expect(evaluationWarnings({ method: 'stratified' }, 2, 'classification')).toEqual([]);
  });

  it('splits a continuous target with repeated-stratified as repeated k-fold instead of by value', () => {
    const items: DatasetItem[] = Array.from({ length: 9 }, (_, i) => ({
      id: `i${i}`,
      index: i,
      fields: { text: `item ${i}` },
      label: String(i * 1.5),
      group: undefined,
      reference: undefined,
    }));
    const spec = {
      method: 'repeated-stratified' as const,
      k: 3,
      testSize: 0.2,
      repeats: 2,
      seed: 1,
    };
    const splits = splitItems(items, spec, false);
    expect(splits).toHaveLength(6);
    for (const repeat of [0, 1]) {
      const tested = splits.filter((s) => s.repeat === repeat).flatMap((s) => [...s.test]);
      expect(tested.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    }
  });
});
