import { describe, expect, test } from 'vitest';
import { type ClientConfig, ClientConfigSchema, ClientError, createClient } from '../src/index.js';

function thrown(fn: () => unknown): ClientError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ClientError) return error;
    throw error;
  }
  throw new Error('expected a ClientError');
}

const OK: ClientConfig = {
  provider: 'openai-chat',
  baseUrl: 'http://127.0.0.1:8000/v1',
  model: 'm',
};

describe('createClient configuration errors', () => {
  test('an unknown provider names the valid ones', () => {
    const e = thrown(() => createClient({ ...OK, provider: 'gemini' as 'openai-chat' }));
    expect(e.code).toBe('UNKNOWN_PROVIDER');
    expect(e.path).toBe('provider');
    expect(e.message).toContain('"gemini"');
    expect(e.message).toContain("'anthropic'");
  });

  test('a missing API key variable is named', () => {
    const e = thrown(() => createClient({ ...OK, apiKeyEnv: 'ASSAY_NOT_SET_KEY' }, { env: {} }));
    expect(e.code).toBe('MISSING_API_KEY');
    expect(e.message).toContain('ASSAY_NOT_SET_KEY');
    const empty = thrown(() => createClient({ ...OK, apiKeyEnv: 'K' }, { env: { K: '' } }));
    expect(empty.code).toBe('MISSING_API_KEY');
  });

  test('a malformed base URL, a non-HTTP scheme and credentials in the URL are rejected', () => {
    const hostPort = thrown(() => createClient({ ...OK, baseUrl: 'localhost:8000' }));
    expect(hostPort.code).toBe('INVALID_BASE_URL');
    expect(hostPort.message).toBe(
      "config.baseUrl has no scheme; did you mean 'http://localhost:8000'?",
    );
    const schema = ClientConfigSchema.safeParse({ ...OK, baseUrl: '127.0.0.1:8000/v1' });
    expect(schema.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['baseUrl', "has no scheme; did you mean 'http://127.0.0.1:8000/v1'?"],
    ]);
    expect(thrown(() => createClient({ ...OK, baseUrl: 'not a url' })).message).toContain(
      "'not a url'".replaceAll("'", '"'),
    );
    expect(thrown(() => createClient({ ...OK, baseUrl: 'ftp://host/v1' })).code).toBe(
      'INVALID_BASE_URL',
    );
    const creds = thrown(() => createClient({ ...OK, baseUrl: 'http://user:pw@host/v1' }));
    expect(creds.code).toBe('INVALID_BASE_URL');
    expect(creds.message).not.toContain('pw');
  });

  test('a key in a query parameter of baseUrl is refused, naming the parameter, not the value', () => {
    const names = ['key', 'api_key', 'apikey', 'apiKey', 'x-api-key', 'token', 'access_token'];
    names.push('signature', 'X-Amz-Signature', 'sig', 'secret', 'client_secret', 'password');
    for (const name of names) {
      const e = thrown(() =>
        createClient({ ...OK, baseUrl: `https://api.example.com/v1?${name}=s3cr3t-value` }),
      );
      expect(e.code).toBe('INVALID_BASE_URL');
      expect(e.path).toBe('baseUrl');
      expect(e.message).toContain(`config.baseUrl carries a credential in its parameter '${name}'`);
      expect(e.message).toContain('config.apiKeyEnv');
      expect(e.message).toContain('config.apiKeyHeader and config.apiKeyPrefix');
      expect(e.message).not.toContain('s3cr3t');
    }
    const fragment = thrown(() =>
      createClient({ ...OK, baseUrl: 'https://api.example.com/v1#access_token=s3cr3t' }),
    );
    expect(fragment.message).toContain("parameter 'access_token'");
  });

  test("the key's own value in baseUrl is refused whatever the parameter's name, naming the variable, not the value", () => {
    const secret = 'sk-SECRET-12345';
    const env = { MY_KEY: secret };
    for (const baseUrl of [
      `https://api.example.com/v1?k=${secret}`,
      `https://api.example.com/${secret}/v1`,
    ]) {
      const e = thrown(() => createClient({ ...OK, baseUrl, apiKeyEnv: 'MY_KEY' }, { env }));
      expect(e.code).toBe('INVALID_BASE_URL');
      expect(e.path).toBe('baseUrl');
      expect(e.message).toContain(
        'config.baseUrl holds the value of the API key (the environment variable MY_KEY); remove it from the URL',
      );
      expect(e.message).not.toContain(secret);
    }
    // percent-encoded in the URL, the same key
    const encoded = thrown(() =>
      createClient(
        { ...OK, baseUrl: 'https://api.example.com/v1?k=sk-SECRET%2B12345', apiKeyEnv: 'MY_KEY' },
        { env: { MY_KEY: 'sk-SECRET+12345' } },
      ),
    );
    expect(encoded.code).toBe('INVALID_BASE_URL');
    // a short key could match ordinary text by chance: not looked for
    const short = createClient(
      { ...OK, baseUrl: 'https://api.example.com/v1?deployment=abc', apiKeyEnv: 'MY_KEY' },
      { env: { MY_KEY: 'abc' } },
    );
    void short.close();
  });

  test('query parameters that are not credentials pass (Azure api-version, a deployment)', () => {
    const client = createClient({
      ...OK,
      baseUrl: 'https://x.openai.azure.com/openai/deployments/d?api-version=2024-10-21&keyboard=1',
    });
    expect(client.stats().requests).toBe(0);
    void client.close();
  });

  test('a key in the query of the http-json requestPath is refused too', () => {
    const e = thrown(() =>
      createClient({
        ...OK,
        provider: 'http-json',
        requestPath: '/v1beta/models/m:generateContent?key=s3cr3t',
        template: { contents: '{{prompt}}' },
        paths: { text: '$.text' },
      }),
    );
    expect(e.code).toBe('INVALID_CONFIG');
    expect(e.path).toBe('requestPath');
    expect(e.message).toContain("config.requestPath carries a credential in its parameter 'key'");
    expect(e.message).not.toContain('s3cr3t');
  });

  test('invalid fields are listed with their config paths', () => {
    const e = thrown(() =>
      createClient({
        ...OK,
        retry: { maxRetries: -1 },
        concurrency: { max: 0 },
        bogus: 1,
      } as unknown as ClientConfig),
    );
    expect(e.code).toBe('INVALID_CONFIG');
    expect(e.message).toContain('config.retry.maxRetries');
    expect(e.message).toContain('config.concurrency.max');
    expect(e.message).toContain('bogus');
  });

  test('min above max concurrency and http-json without template are INVALID_CONFIG', () => {
    expect(thrown(() => createClient({ ...OK, concurrency: { max: 2, min: 4 } })).path).toBe(
      'concurrency.min',
    );
    const e = thrown(() => createClient({ ...OK, provider: 'http-json' }));
    expect(e.code).toBe('INVALID_CONFIG');
    expect(e.path).toBe('template');
  });

  test('a JSON path that is not the simple form is rejected with an example', () => {
    const e = thrown(() =>
      createClient({ ...OK, provider: 'http-json', template: {}, paths: { text: 'output.text' } }),
    );
    expect(e.message).toContain('config.paths.text');
    expect(e.message).toContain('$.output.text');
  });

  test('a request with neither messages nor prompt is rejected without a request', async () => {
    const client = createClient(OK);
    const e = await client.complete({}).catch((error: unknown) => error);
    expect((e as ClientError).code).toBe('INVALID_CONFIG');
    expect((e as ClientError).message).toContain('request.messages');
    await client.close();
  });
});

describe('request validation', () => {
  test('bad messages and bad per-request params are INVALID_CONFIG naming the path, before any request', async () => {
    const client = createClient(OK);
    const badRole = (await client
      .complete({ messages: [{ role: 'robot', content: 'x' }] } as never)
      .catch((e: unknown) => e)) as ClientError;
    expect(badRole.code).toBe('INVALID_CONFIG');
    expect(badRole.path).toBe('request.messages[0]');
    expect(badRole.message).toContain("'system' | 'user' | 'assistant'");
    const badParam = (await client
      .complete({ prompt: 'x', params: { temperature: -1 } })
      .catch((e: unknown) => e)) as ClientError;
    expect(badParam.code).toBe('INVALID_CONFIG');
    expect(badParam.path).toBe('request.params.temperature');
    expect(client.stats().attempts).toBe(0);
    await client.close();
  });
});

describe('ClientConfigSchema', () => {
  test('applies the documented defaults', () => {
    const c = ClientConfigSchema.parse(OK);
    expect(c.concurrency).toEqual({ max: 16, adaptive: false, min: 1, increaseAfter: 20 });
    expect(c.retry.maxRetries).toBe(3);
    expect(c.timeouts).toEqual({
      connectMs: 10_000,
      headersMs: 60_000,
      totalMs: 600_000,
      idleMs: 60_000,
    });
    expect(c.maxResponseBytes).toBe(8 * 1024 * 1024);
    expect(c.streaming).toBe(false);
    expect(c.benchmarkMode).toBe(false);
  });
});

test("an http-json template's unknown placeholder is an issue at its own path, with the name meant", () => {
  const parsed = ClientConfigSchema.safeParse({
    provider: 'http-json',
    baseUrl: 'http://127.0.0.1:1',
    model: 'm',
    template: { messages: '{{messages}}', max_tokens: '{{max_tokens}}', user: 'x {{subject}}' },
    paths: { text: '$.a' },
  });
  expect(parsed.success).toBe(false);
  const issues = parsed.error!.issues.map((i) => [i.path.join('.'), i.message.split(';')[0]]);
  expect(issues).toEqual([
    ['template.max_tokens', 'uses the unknown placeholder {{max_tokens}}'],
    ['template.user', 'uses the unknown placeholder {{subject}}'],
  ]);
  expect(parsed.error!.issues[0]!.message).toContain('did you mean {{maxTokens}}?');
});
