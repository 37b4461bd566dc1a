import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type ClientError,
  type ClientWarning,
  type CompletionRequest,
  createClient,
  onClientWarning,
} from '../src/index.js';
import { failure } from './support/client-failure.js';
import { type LocalServer, startLocalServer, writeSse } from './support/local-server.js';

let server: ModelServer;
beforeAll(async () => {
  server = await startModelServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

function configError(run: () => unknown): ClientError {
  try {
    run();
  } catch (error) {
    return error as ClientError;
  }
  throw new Error('expected a ClientError');
}

describe('config values that look like keys are never echoed', () => {
  const base = {
    provider: 'openai-chat' as const,
    baseUrl: 'http://127.0.0.1:18377/v1',
    model: 'm',
  };

  test('a key given as apiKeyEnv is refused without quoting it', () => {
    const key = 'AIzaSyREALGOOGLEKEY0123456789abcdefgh';
    const error = configError(() => createClient({ ...base, apiKeyEnv: key }, { env: {} }));
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.path).toBe('apiKeyEnv');
    expect(error.message).toContain(
      'config.apiKeyEnv: must name an environment variable (e.g. OPENAI_API_KEY), not hold the key itself; the value given is not shown (it looks like a key)',
    );
    expect(error.message).not.toContain('AIzaSy');
    const sk = configError(() =>
      createClient({ ...base, apiKeyEnv: 'sk-proj-abcdef0123456789XYZ' }),
    );
    expect(sk.message).not.toContain('sk-proj');
  });

  test('an unknown provider that is not a short name is not echoed; a short one is', () => {
    const error = configError(() =>
      createClient({ ...base, provider: 'sk-proj-REALKEYVALUE0123456789abcdef' as 'anthropic' }),
    );
    expect(error.code).toBe('UNKNOWN_PROVIDER');
    expect(error.message).not.toContain('REALKEYVALUE');
    expect(error.message).toContain("expected one of 'openai-chat'");
    expect(
      configError(() => createClient({ ...base, provider: 'gemini' as 'anthropic' })).message,
    ).toContain('"gemini"');
  });

  test('a config that is not an object says so', () => {
    for (const config of [null, 'openai-chat', ['openai-chat']]) {
      const error = configError(() => createClient(config as never));
      expect(error.code).toBe('INVALID_CONFIG');
      expect(error.message).toMatch(
        /^The client configuration must be an object such as \{ provider/,
      );
    }
  });

  test('a secret shape in an unknown key is redacted from the config error', () => {
    const error = configError(() =>
      createClient({ ...base, 'sk-proj-abcdefghij0123456789': 1 } as never),
    );
    expect(error.message).not.toContain('abcdefghij0123456789');
  });

  test('MISSING_API_KEY tells a set but empty variable from an unset one', () => {
    const unset = configError(() =>
      createClient({ ...base, apiKeyEnv: 'ASSAY_KEY_X' }, { env: {} }),
    );
    expect(unset.message).toContain('ASSAY_KEY_X (named by config.apiKeyEnv) is not set;');
    const empty = configError(() =>
      createClient({ ...base, apiKeyEnv: 'ASSAY_KEY_X' }, { env: { ASSAY_KEY_X: '' } }),
    );
    expect(empty.code).toBe('MISSING_API_KEY');
    expect(empty.message).toContain('ASSAY_KEY_X (named by config.apiKeyEnv) is set but empty;');
  });
});

describe('requests of the wrong shape are refused before any HTTP request, naming the field', () => {
  let counting: LocalServer;
  beforeAll(async () => {
    counting = await startLocalServer((_body, res) => {
      res.writeHead(500);
      res.end();
    });
  });
  afterAll(async () => {
    await counting.close();
  });

  test.each([
    [{ messages: [] }, 'request.messages', /^request\.messages is empty/],
    [{ prompt: 42 }, 'request.prompt', /^request\.prompt must be a string; got a number\.$/],
    [{ prompt: ['a', 'b'] }, 'request.prompt', /got an array\.$/],
    [{ prompt: { text: 'hi' } }, 'request.prompt', /got an object\.$/],
    [{ prompt: null }, 'request.prompt', /got null\.$/],
    [null, 'request', /^The request must be an object/],
    ['hello', 'request', /^The request must be an object .*; got a string\.$/],
    [
      { prompt: 'x', sampleIndex: 'one' },
      'request.sampleIndex',
      /^request\.sampleIndex must be an integer/,
    ],
    [
      { prompt: 'x', headers: { 'x-a': 5 } },
      'request.headers.x-a',
      /^request\.headers\['x-a'\] must be a string; got a number\.$/,
    ],
    [
      { prompt: 'x', messages: [{ role: 'user', content: 'y' }] },
      'request',
      /^The request has both messages and prompt; give one/,
    ],
  ])('%o', async (request, path, message) => {
    const client = createClient({
      provider: 'openai-chat',
      baseUrl: `${counting.url}/v1`,
      model: 'm',
    });
    const error = await failure(client.complete(request as CompletionRequest));
    await client.close();
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
    expect(counting.requests).toHaveLength(0);
  });
});

describe('a closed client', () => {
  test('fails calls made after close() and calls still queued at once, as ABORTED, never as connection', async () => {
    const warnings: ClientWarning[] = [];
    const off = onClientWarning((w) => warnings.push(w));
    const client = createClient({
      provider: 'openai-chat',
      baseUrl: server.baseUrl,
      model: 'assay-spam-nb',
      concurrency: { max: 1 },
    });
    const calls = [client.complete({ prompt: 'a' }), client.complete({ prompt: 'b' })];
    const closing = client.close();
    const [first, queued] = await Promise.allSettled(calls);
    await closing;
    const started = performance.now();
    const after = await failure(client.complete({ prompt: 'c' }));
    const elapsed = performance.now() - started;
    off();
    expect(first?.status).toBe('fulfilled');
    expect(queued?.status).toBe('rejected');
    for (const error of [(queued as PromiseRejectedResult).reason as ClientError, after]) {
      expect(error.code).toBe('ABORTED');
      expect(error.message).toMatch(/was not sent: its client was closed \(client\.close\(\)\)/);
      expect(error.record?.retries).toBe(0);
    }
    expect(elapsed).toBeLessThan(100);
    expect(warnings.filter((w) => w.code === 'RETRY')).toEqual([]);
    expect(client.stats().failures.connection).toBe(0);
    expect(client.stats().failures.abort).toBe(2);
  });
});

describe('timeouts name their limit and config path', () => {
  test('headers and total timeouts, like the idle one', async () => {
    const slow = createServer((_req, res) => {
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      }, 1500).unref();
    }).listen(0, '127.0.0.1');
    await new Promise((resolve) => slow.once('listening', resolve));
    const baseUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/v1`;
    const base = {
      provider: 'openai-chat' as const,
      baseUrl,
      model: 'm',
      retry: { maxRetries: 0 },
    };
    const headers = createClient({ ...base, timeouts: { headersMs: 300 } });
    const total = createClient({ ...base, timeouts: { totalMs: 300 } });
    const [h, t] = await Promise.all([
      failure(headers.complete({ prompt: 'x' })),
      failure(total.complete({ prompt: 'x' })),
    ]);
    await Promise.all([headers.close(), total.close()]);
    slow.closeAllConnections();
    slow.close();
    expect(h.code).toBe('TIMEOUT');
    expect(h.message).toContain(
      'within the headers timeout of 300 ms (config.timeouts.headersMs).',
    );
    expect(t.code).toBe('TIMEOUT');
    expect(t.message).toContain('exceeded its total timeout of 300 ms (config.timeouts.totalMs).');
  });
});

describe('an event-stream answer to a request that did not ask for one', () => {
  const TGI_EVENTS = [
    { index: 1, token: { text: 'spam', special: false } },
    {
      index: 2,
      token: { text: '</s>', special: true },
      generated_text: 'spam',
      details: { finish_reason: 'eos_token', generated_tokens: 2 },
    },
  ];

  test("is read as a stream by an http-json client with paths.streamText (the README's tgiStream)", async () => {
    const tgi = await startLocalServer((_body, res) =>
      writeSse(
        res,
        TGI_EVENTS.map((data) => ({ data })),
      ),
    );
    const client = createClient({
      provider: 'http-json',
      baseUrl: tgi.url,
      requestPath: '/generate_stream',
      model: 'my-model',
      template: { inputs: '{{prompt}}', parameters: { max_new_tokens: '{{maxTokens}}' } },
      paths: {
        text: '$.generated_text',
        streamText: '$.token.text',
        streamSkip: '$.token.special',
        streamFinishReason: '$.details.finish_reason',
        streamOutputTokens: '$.details.generated_tokens',
      },
    });
    const c = await client.complete({ prompt: 'Subject: WIN CASH' });
    await Promise.all([client.close(), tgi.close()]);
    expect(c.text).toBe('spam');
    expect(c.finishReason).toBe('stop');
  });

  test('that cannot be read as one says it is an event stream and to set streaming: true', async () => {
    const sse = await startLocalServer((_body, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('data: {"token":{"text":"spam"}}\n\n');
    });
    const client = createClient({
      provider: 'http-json',
      baseUrl: sse.url,
      requestPath: '/generate',
      model: 'm',
      template: { inputs: '{{prompt}}' },
      paths: { text: '$.generated_text' },
      retry: { maxRetries: 0 },
    });
    const error = await failure(client.complete({ prompt: 'x' }));
    await Promise.all([client.close(), sse.close()]);
    expect(error.code).toBe('MALFORMED_RESPONSE');
    expect(error.message).toContain(
      'the body is an event stream (server-sent events); set streaming: true',
    );
  });
});
