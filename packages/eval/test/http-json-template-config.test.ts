import { describe, expect, it } from 'vitest';
import { EvaluationError, parseRunConfig } from '../src/index.js';

// A trial's {{max_tokens}} and {{subject}} in an http-json body were named only as
// 'model configuration: config.template uses unknown placeholders', without the model
describe("an http-json model's body template", () => {
  it('names each unknown placeholder at models[i].template.<key>, with the configuration', () => {
    const error = (() => {
      try {
        parseRunConfig({
          name: 'x',
          dataset: { builtin: 'spam-assassin' },
          task: { type: 'classification', labels: ['spam', 'ham'] },
          prompt: { template: '{{text}}' },
          models: [
            { name: 'a', provider: 'openai-chat', baseUrl: 'http://127.0.0.1:1/v1', model: 'm' },
            {
              name: 'custom',
              provider: 'http-json',
              baseUrl: 'http://127.0.0.1:1/v1',
              model: 'm',
              template: {
                messages: '{{messages}}',
                max_tokens: '{{max_tokens}}',
                user: '{{subject}}',
              },
              paths: { text: '$.a' },
            },
          ],
        });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(EvaluationError);
    const message = (error as EvaluationError).message;
    expect(message).toContain(
      'models[1].template.max_tokens: uses the unknown placeholder {{max_tokens}}; did you mean {{maxTokens}}?',
    );
    expect(message).toContain(
      'models[1].template.user: uses the unknown placeholder {{subject}}; the request body takes {{prompt}}, {{messages}}',
    );
    expect(message).toContain(
      'data fields belong in the prompt, which {{prompt}} and {{messages}} carry',
    );
  });
});
