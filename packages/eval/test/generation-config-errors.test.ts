import { describe, expect, it } from 'vitest';
import { EvaluationError, parseRunConfig } from '../src/index.js';

const MODEL = { name: 'a', provider: 'openai-chat', baseUrl: 'http://127.0.0.1:1/v1', model: 'm' };

/** Every issue line of a configuration that must be refused, or a failure when it is accepted. */
function issuesOf(config: Record<string, unknown>): string[] {
  try {
    parseRunConfig({
      dataset: { builtin: 'spam-assassin-subjects', limit: 5 },
      prompt: { template: 'Write a subject:\n\n{{text}}' },
      models: [MODEL],
      ...config,
    });
  } catch (error) {
    expect(error).toBeInstanceOf(EvaluationError);
    expect((error as EvaluationError).code).toBe('INVALID_CONFIG');
    return (error as EvaluationError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected the configuration to be rejected');
}

const generation = (task: Record<string, unknown>) => ({
  task: { type: 'generation', ...task },
});

const accepts = (config: Record<string, unknown>) =>
  parseRunConfig({
    dataset: { builtin: 'spam-assassin-subjects', limit: 5 },
    prompt: { template: 'Write a subject:\n\n{{text}}' },
    models: [MODEL],
    ...config,
  });

describe('a json_schema scorer', () => {
  it('is refused at config time when its schema does not compile, with the compiler reason', () => {
    const issues = issuesOf(
      generation({ scorers: [{ metric: 'json_schema', schema: { type: 'objekt' } }] }),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(
      /^task\.scorers\[0\]\.schema: the JSON Schema does not compile \(schema is invalid: data\/type must be equal to one of the allowed values/,
    );
  });

  it('is refused when its schema refers to a definition it does not have', () => {
    const [issue] = issuesOf(
      generation({ scorers: [{ metric: 'json_schema', schema: { $ref: '#/$defs/answer' } }] }),
    );
    expect(issue).toMatch(
      /^task\.scorers\[0\]\.schema: .*can't resolve reference #\/\$defs\/answer/,
    );
  });

  it('is accepted with a schema that compiles, or a boolean one', () => {
    const schema = { type: 'object', required: ['answer'] };
    expect(() =>
      accepts(generation({ scorers: [{ metric: 'json_schema', schema }] })),
    ).not.toThrow();
    expect(() =>
      accepts(generation({ scorers: [{ metric: 'json_schema', schema: true }] })),
    ).not.toThrow();
  });
});

describe('a threshold on a service metric the task can never give', () => {
  it('refuses cost_per_correct_usd for a generation task, naming the tasks that have it', () => {
    const issues = issuesOf({
      ...generation({ scorers: ['bleu'] }),
      thresholds: ['bleu >= 1', 'cost_per_correct_usd <= 1', 'total_cost_usd <= 5'],
    });
    expect(issues).toEqual([
      "thresholds[1]: 'cost_per_correct_usd <= 1': cost_per_correct_usd never has a value for a generation task: it divides the total cost by the number of correct answers, and a generation answer is scored, never marked correct or wrong; it is reported for classification, regression, multiple-choice tasks; gate the cost with total_cost_usd instead, or drop this threshold",
    ]);
  });

  it('accepts cost_per_correct_usd for a classification task', () => {
    const config = accepts({
      task: { type: 'classification', labels: ['spam', 'ham'] },
      dataset: { builtin: 'spam-assassin', limit: 5 },
      thresholds: ['cost_per_correct_usd <= 1'],
    });
    expect(config.thresholds).toEqual(['cost_per_correct_usd <= 1']);
  });
});

describe('task.reducer', () => {
  it("suggests 'majority' for 'maj' and adds no message about samples for an unknown reducer", () => {
    expect(issuesOf(generation({ reducer: 'maj' }))).toEqual([
      "task.reducer: unknown reducer 'maj'; did you mean 'majority'? Expected 'mean', 'max', 'majority', 'pass@k' or 'pass@N' with N a positive whole number (e.g. 'pass@3')",
    ]);
  });

  it('still accepts pass@k and pass@N within the samples', () => {
    for (const reducer of ['pass@k', 'pass@2', 'majority']) {
      const config = accepts(generation({ samples: 3, reducer }));
      expect(config.task).toMatchObject({ reducer, samples: 3 });
    }
  });
});

describe('task.extract steps', () => {
  it('names the step names and suggests the one meant for a misspelt step', () => {
    expect(issuesOf(generation({ extract: ['take-frist'] }))).toEqual([
      "task.extract[0]: unknown value 'take-frist'; did you mean 'take-first'? Expected one of 'take-first', 'last-answer-line', 'trim', or an object",
    ]);
  });

  it('says which flags are valid for a regex step with flags it does not take', () => {
    const issues = issuesOf(generation({ extract: [{ regex: 'a(b)', group: 1, flags: 'ig' }] }));
    expect(issues).toEqual([
      `task.extract[0].flags: expected flags among i, m, s and u, each at most once; got "ig" ('g' and 'y' do not apply: 'select' picks the first or last match)`,
    ]);
  });

  it('refuses a flag given twice', () => {
    const issues = issuesOf(generation({ extract: [{ regex: 'a(b)', flags: 'ii' }] }));
    expect(issues).toEqual(["task.extract[0].flags: each flag may be given once; got 'ii'"]);
  });
});

describe('invalid patterns are reported with the other problems of the task', () => {
  it('reports a bad pattern beside ill-typed options, in one pass', () => {
    const issues = issuesOf(
      generation({
        scorers: [
          { metric: 'numeric_match', tolerance: '0.1' },
          { metric: 'includes', value: 5 },
          { metric: 'pattern', value: '([a-z' },
        ],
        samples: 0,
      }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        'task.scorers[0].tolerance: expected a number >= 0, received "0.1"',
        'task.scorers[1].value: expected string, received number',
        'task.samples: expected an integer from 1 to 100',
        "task.scorers[2].value: not a valid regular expression (Unterminated character class in '([a-z')",
      ]),
    );
    expect(issues).toHaveLength(4);
  });

  it('reports bad extraction regexes beside a misspelt step', () => {
    const issues = issuesOf(
      generation({
        extract: [{ regex: 'Subject:(.+', group: 1 }, 'take-frist', { regex: 'a(b)', group: 3 }],
      }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^task\.extract\[1\]: unknown value 'take-frist'; did you mean 'take-first'\?/,
        ),
        "task.extract[0].regex: not a valid regular expression (Unterminated group in 'Subject:(.+')",
        'task.extract[2].regex: group 3 does not exist: the pattern has 1 capture group',
      ]),
    );
    expect(issues).toHaveLength(3);
  });

  it("shows the user's pattern, not the one compiled to count groups", () => {
    const [scorer] = issuesOf(generation({ scorers: [{ metric: 'pattern', value: '([a-z' }] }));
    expect(scorer).not.toContain('|');
    expect(scorer).toContain("'([a-z'");
    const [answer] = issuesOf({
      task: {
        type: 'classification',
        labels: ['spam', 'ham'],
        answer: { extract: 'regex', pattern: '([a-z' },
      },
      dataset: { builtin: 'spam-assassin', limit: 5 },
    });
    expect(answer).toBe(
      "task.answer.pattern: not a valid regular expression (Unterminated character class in '([a-z')",
    );
  });
});
