import { describe, expect, it } from 'vitest';
import { EvaluationError, parseRunConfig } from '../src/index.js';

function config(thresholds: string[], params: Record<string, unknown>[], labels = ['spam', 'ham']) {
  return {
    dataset: { builtin: 'spam-assassin', limit: 20 },
    task: { type: 'classification', labels },
    prompt: { template: 'Classify:\n\n{{text}}' },
    models: params.map((p, j) => ({
      name: `m${j}`,
      provider: 'openai-chat',
      baseUrl: 'http://127.0.0.1:1/v1',
      model: 'm',
      params: p,
    })),
    thresholds,
  };
}

function issuesOf(raw: unknown): readonly { path: string; message: string }[] {
  try {
    parseRunConfig(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(EvaluationError);
    expect((error as EvaluationError).code).toBe('INVALID_CONFIG');
    return (error as EvaluationError).issues;
  }
  throw new Error('expected the configuration to be refused');
}

describe('a threshold on a metric that reads scores', () => {
  it('is refused at validation when a model has no params.logprobs, naming the threshold and the model path', () => {
    const issues = issuesOf(
      config(['accuracy >= 0.5', 'roc_auc >= 0.8'], [{ logprobs: true }, { maxTokens: 4 }]),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('thresholds[1]');
    expect(issues[0]!.message).toContain("'roc_auc >= 0.8': roc_auc needs each answer's score");
    expect(issues[0]!.message).toContain('models[1].params.logprobs is not true');
    expect(issues[0]!.message).toContain('set models[1].params.logprobs: true');
    expect(issues[0]!.message).not.toContain('models[0]');
  });

  it('names every model without scores, also for interval bounds and other score metrics', () => {
    const issues = issuesOf(config(['log_loss.ci_high <= 0.5'], [{}, {}]));
    expect(issues.map((i) => i.path)).toEqual(['thresholds[0]']);
    expect(issues[0]!.message).toContain(
      'models[0].params.logprobs, models[1].params.logprobs are not true',
    );
  });

  it('is refused for a task of more than two labels, which has no scores at all', () => {
    const issues = issuesOf(config(['roc_auc >= 0.8'], [{ logprobs: true }], ['a', 'b', 'c']));
    expect(issues[0]!.path).toBe('thresholds[0]');
    expect(issues[0]!.message).toContain('binary tasks only (task.labels has 3)');
  });

  it('is accepted when every model asks for log-probabilities', () => {
    const c = parseRunConfig(config(['roc_auc >= 0.8'], [{ logprobs: true }, { logprobs: true }]));
    expect(c.thresholds).toEqual(['roc_auc >= 0.8']);
  });
});
