import { afterAll, describe, expect, test } from 'vitest';
import { unknownKeyMessage } from '../src/config/config-issues.js';
import { objectKeysAt } from '../src/config/schema-keys.js';
import { type ClientConfig, ClientConfigSchema, ClientError, createClient } from '../src/index.js';

const OK: ClientConfig = {
  provider: 'openai-chat',
  baseUrl: 'http://127.0.0.1:9/v1',
  model: 'm',
};

function thrown(config: unknown): ClientError {
  try {
    createClient(config as ClientConfig);
  } catch (error) {
    if (error instanceof ClientError) return error;
    throw error;
  }
  throw new Error('expected createClient to throw');
}

describe('unknown config keys', () => {
  test.each([
    [{ ...OK, params: { max_tokens: 5 } }, 'params.max_tokens', 'maxTokens'],
    [{ ...OK, retry: { max_retries: 1 } }, 'retry.max_retries', 'maxRetries'],
    [{ ...OK, timeouts: { total: 1 } }, 'timeouts.total', 'totalMs'],
    [{ ...OK, concurrency: { maximum: 4 } }, 'concurrency.maximum', 'max'],
  ])('%j names config.%s and suggests %s', (config, path, meant) => {
    const e = thrown(config);
    expect(e.code).toBe('INVALID_CONFIG');
    expect(e.path).toBe(path);
    expect(e.message).toContain(`config.${path} is not a known key; did you mean '${meant}'?`);
    // a short list of valid keys is given in full
    expect(e.message).toContain(`(config.${path.split('.')[0]} takes `);
    expect(e.message).not.toContain('Unrecognized key');
  });

  test('base_url suggests baseUrl instead of reporting baseUrl as missing', () => {
    const e = thrown({ provider: 'openai-chat', base_url: 'http://127.0.0.1:9/v1', model: 'm' });
    expect(e.path).toBe('base_url');
    expect(e.message).toBe(
      "The client configuration is invalid: config.base_url is not a known key; did you mean 'baseUrl'?",
    );
  });

  test('a missing key is said to be missing', () => {
    expect(thrown({ provider: 'openai-chat', model: 'm' }).message).toBe(
      'The client configuration is invalid: config.baseUrl is missing; expected a string.',
    );
  });

  test('a root key with no near name lists the valid root keys, sorted', () => {
    const e = thrown({ ...OK, bogus: 1 });
    expect(e.code).toBe('INVALID_CONFIG');
    expect(e.path).toBe('bogus');
    const keys = objectKeysAt(ClientConfigSchema, []);
    expect(keys.length).toBeGreaterThan(10);
    expect(e.message).toBe(
      `The client configuration is invalid: config.bogus is not a known key (config takes ${[...keys].sort().join(', ')}).`,
    );
    expect(e.message).toContain('(config takes anthropicVersion, apiKeyEnv, apiKeyHeader, ');
  });

  test('many valid keys at any level are listed when no key is close', () => {
    const known = Array.from({ length: 12 }, (_, i) => `key${String.fromCharCode(108 - i)}`);
    expect(unknownKeyMessage('config.deep', 'zzzzzz', known)).toBe(
      `config.deep.zzzzzz is not a known key (config.deep takes ${[...known].sort().join(', ')})`,
    );
    // with a close key the suggestion is enough
    expect(unknownKeyMessage('config.deep', 'keyl_', known)).toBe(
      "config.deep.keyl_ is not a known key; did you mean 'keyl'?",
    );
  });

  test('every unknown key and every other issue is listed', () => {
    const e = thrown({ ...OK, params: { temprature: 1, top_p: 0.5 }, retry: { maxRetries: -1 } });
    expect(e.message).toContain(
      "config.params.temprature is not a known key; did you mean 'temperature'?",
    );
    expect(e.message).toContain("config.params.top_p is not a known key; did you mean 'topP'?");
    expect(e.message).toContain('config.retry.maxRetries');
  });
});

describe('unknown request keys', () => {
  const client = createClient(OK);
  afterAll(() => client.close());

  async function rejected(request: unknown): Promise<ClientError> {
    const e = await client.complete(request as never).catch((error: unknown) => error);
    if (e instanceof ClientError) return e;
    throw new Error('expected the request to be refused');
  }

  test('a misspelt prompt is named as the likely cause of a request without one', async () => {
    const e = await rejected({ promt: 'x' });
    expect(e.code).toBe('INVALID_CONFIG');
    expect(e.path).toBe('request.promt');
    expect(e.message).toBe(
      "The request has neither messages nor prompt: request.promt is not a known key; did you mean 'prompt'? (request takes 'messages', 'prompt', 'sampleIndex', 'params', 'headers').",
    );
  });

  test('an unknown key beside a prompt is refused too, before any request', async () => {
    const e = await rejected({ prompt: 'x', param: { temperature: 0 } });
    expect(e.path).toBe('request.param');
    expect(e.message).toContain("request.param is not a known key; did you mean 'params'?");
    const p = await rejected({ prompt: 'x', params: { max_tokens: 3 } });
    expect(p.path).toBe('request.params.max_tokens');
    expect(p.message).toContain(
      "request.params.max_tokens is not a known key; did you mean 'maxTokens'?",
    );
    expect(client.stats().attempts).toBe(0);
  });
});
