import { expect } from 'vitest';
import { EvaluationError, parseRunConfig, type RunConfigInput } from '../../src/index.js';

/** A small classification run configuration with these thresholds (and other keys). */
export function thresholdConfig(
  thresholds: string[],
  extra: Record<string, unknown> = {},
): RunConfigInput {
  return {
    dataset: { builtin: 'spam-assassin', limit: 20 },
    task: { type: 'classification', labels: ['spam', 'ham'] },
    prompt: { template: 'Classify:\n\n{{text}}' },
    models: [{ name: 'a', provider: 'openai-chat', baseUrl: 'http://127.0.0.1:1/v1', model: 'm' }],
    thresholds,
    ...extra,
  } as RunConfigInput;
}

/**
 * The configuration's problems as `path: message`, none when it parses; `required` makes a
 * configuration that parses fail the test.
 */
export function configIssues(input: RunConfigInput, required = true): string[] {
  try {
    parseRunConfig(input);
  } catch (error) {
    expect(error).toBeInstanceOf(EvaluationError);
    return (error as EvaluationError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  if (required) throw new Error('expected the configuration to be rejected');
  return [];
}
