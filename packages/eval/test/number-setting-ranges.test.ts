import { describe, expect, it } from 'vitest';
import { runConfigJsonSchema } from '../src/index.js';
import { configIssues, thresholdConfig } from './support/threshold-config.js';

/** The problems of a configuration with these model `params` and `evaluation` section. */
function problems(
  params: Record<string, unknown>,
  evaluation: Record<string, unknown> = {},
): string[] {
  const model = {
    name: 'a',
    provider: 'openai-chat',
    baseUrl: 'http://127.0.0.1:1/v1',
    model: 'm',
  };
  return configIssues(thresholdConfig([], { models: [{ ...model, params }], evaluation }));
}

/** The JSON Schema of the model parameters, as `assay run --print-schema` writes it. */
function paramsJsonSchema(): Record<
  string,
  { type?: string; minimum?: number; maximum?: number; exclusiveMinimum?: number }
> {
  const root = runConfigJsonSchema() as {
    properties: {
      models: { items: { properties: { params: { properties: Record<string, never> } } } };
    };
  };
  return root.properties.models.items.properties.params.properties;
}

describe('a number setting of the wrong type or out of range', () => {
  it('of the wrong type says which numbers are valid, not only "expected number"', () => {
    expect(problems({ temperature: 'zero' })).toEqual([
      'models[0].params.temperature: expected a number >= 0, received "zero"',
    ]);
    expect(problems({ topP: 'high', maxTokens: 1.5, topLogprobs: true })).toEqual([
      'models[0].params.maxTokens: expected a positive integer, received 1.5',
      'models[0].params.topP: expected a number from 0 to 1, received "high"',
      'models[0].params.topLogprobs: expected an integer from 0 to 20, received true',
    ]);
  });

  it('out of range names the whole range, not only the bound it broke', () => {
    expect(problems({ topP: 3, topLogprobs: -1 })).toEqual([
      'models[0].params.topP: expected a number from 0 to 1',
      'models[0].params.topLogprobs: expected an integer from 0 to 20',
    ]);
    expect(problems({}, { ci: 0, bootstrap: -1 })).toEqual([
      'evaluation.bootstrap: expected an integer from 0 to 1000000',
      'evaluation.ci: expected a number > 0 and < 1',
    ]);
  });

  it('quotes the bounds the schema itself checks, for every numeric model parameter', () => {
    const numeric = Object.entries(paramsJsonSchema()).filter(
      ([, s]) => s.type === 'number' || s.type === 'integer',
    );
    expect(numeric.map(([key]) => key).sort()).toEqual([
      'maxTokens',
      'seed',
      'temperature',
      'topLogprobs',
      'topP',
    ]);
    // an integer's ±(2^53 - 1) is the safe-integer format, not a bound anyone sets
    const bound = (v: number | undefined) =>
      v !== undefined && Math.abs(v) < Number.MAX_SAFE_INTEGER ? String(v) : undefined;
    for (const [key, s] of numeric) {
      const [line] = problems({ [key]: 'x' });
      expect(line, key).toMatch(new RegExp(`^models\\[0\\]\\.params\\.${key}: expected an? `));
      for (const end of [bound(s.minimum), bound(s.maximum)]) {
        if (end !== undefined) expect(line, key).toContain(end);
      }
      if (s.exclusiveMinimum === 0) expect(line, key).toContain('positive');
      if (s.type === 'integer') expect(line, key).toContain('integer');
    }
  });
});
