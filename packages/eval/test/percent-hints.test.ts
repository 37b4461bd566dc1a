import { describe, expect, it } from 'vitest';
import { EvaluationError, parseRunConfig } from '../src/index.js';

/**
 * The problem lines of a configuration whose `evaluation` section is `evaluation` and whose
 * model has the generation parameters `params`.
 */
function problems(
  evaluation: Record<string, unknown>,
  params: Record<string, unknown> = {},
): string {
  try {
    parseRunConfig({
      name: 'x',
      dataset: { builtin: 'spam-assassin' },
      task: { type: 'classification', labels: ['spam', 'ham'] },
      prompt: { template: '{{text}}' },
      models: [
        {
          name: 'a',
          provider: 'openai-chat',
          baseUrl: 'http://127.0.0.1:1/v1',
          model: 'm',
          params,
        },
      ],
      evaluation,
    });
  } catch (error) {
    expect(error).toBeInstanceOf(EvaluationError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('a fraction written as a percentage', () => {
  it('evaluation.ci: 95 says that a level is a fraction, e.g. 0.95', () => {
    expect(problems({ ci: 95 })).toContain(
      'evaluation.ci: expected a number > 0 and < 1; a confidence level is a fraction, e.g. 0.95 for 95%, not a percentage',
    );
  });

  it('gets the same hint for testSize and the failure fractions, with the fraction meant', () => {
    const message = problems({ testSize: 30, maxFailedFraction: 5, maxUnparseableFraction: 12.5 });
    expect(message).toContain(
      "evaluation.testSize: expected a number > 0 and < 1; the test part's share is a fraction, e.g. 0.3 for 30%, not a percentage",
    );
    expect(message).toContain(
      'evaluation.maxFailedFraction: expected a number from 0 to 1; a share of failed requests is a fraction, e.g. 0.05 for 5%, not a percentage',
    );
    expect(message).toContain(
      'evaluation.maxUnparseableFraction: expected a number from 0 to 1; a share of unparseable answers is a fraction, e.g. 0.125 for 12.5%, not a percentage',
    );
  });

  it('quotes the level written (ci: 90 is 0.9), or the typical one where that is none (ci: 100)', () => {
    expect(problems({ ci: 90 })).toContain(
      'a confidence level is a fraction, e.g. 0.9 for 90%, not a percentage',
    );
    expect(problems({ ci: 100 })).toContain(
      'a confidence level is a fraction, e.g. 0.95 for 95%, not a percentage',
    );
    // a 2% confidence level is no level anyone means
    expect(problems({ ci: 2 })).toContain(
      'a confidence level is a fraction, e.g. 0.95 for 95%, not a percentage',
    );
    // a share may be 1 (100%): the hint says so
    expect(problems({ maxFailedFraction: 100 })).toContain(
      'a share of failed requests is a fraction, e.g. 1 for 100%, not a percentage',
    );
  });

  it('gets no hint where the value cannot be a percentage or the limit is not a fraction', () => {
    expect(problems({ ci: 1 })).toMatch(/evaluation\.ci: expected a number > 0 and < 1$/m);
    expect(problems({ ci: 950 })).toMatch(/evaluation\.ci: expected a number > 0 and < 1$/m);
    expect(problems({ ci: -5 })).toMatch(/evaluation\.ci: expected a number > 0 and < 1$/m);
  });

  it('gets no hint on topP, a probability mass that nobody writes as a percentage', () => {
    const message = problems({}, { topP: 3 });
    expect(message).toMatch(/^ {2}models\[0\]\.params\.topP: expected /m);
    expect(message).not.toContain('percentage');
    expect(message).not.toContain('0.03');
  });
});
