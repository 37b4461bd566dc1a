import { afterEach, describe, expect, test } from 'vitest';
import { ClientError, compileJsonPath, createClient, type StreamEvent } from '../src/index.js';
import { type LocalServer, startLocalServer, writeSse } from './support/local-server.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const TEMPLATE = {
  inputs: 'Classify: {{prompt}}',
  history: '{{messages}}',
  parameters: { temperature: '{{temperature}}', max_new_tokens: '{{maxTokens}}', seed: '{{seed}}' },
  stream: '{{stream}}',
};

function client(url: string, extra: Record<string, unknown> = {}) {
  return createClient(
    {
      provider: 'http-json',
      baseUrl: url,
      model: 'my-model',
      requestPath: '/generate',
      apiKeyEnv: 'HTTP_JSON_TEST_KEY',
      apiKeyHeader: 'x-token',
      apiKeyPrefix: '',
      template: TEMPLATE,
      paths: {
        text: '$.output.text',
        finishReason: '$.output.finish',
        inputTokens: '$.meta.usage[0]',
        outputTokens: '$.meta.usage[1]',
        streamText: '$.token.text',
        streamFinishReason: '$.details.finish_reason',
        streamOutputTokens: '$.details.generated_tokens',
      },
      ...extra,
    },
    { env: { HTTP_JSON_TEST_KEY: 'secret-http-json' } },
  );
}

describe('http-json provider', () => {
  test('renders the template (typed values, undefined dropped) and reads answer and usage by path', async () => {
    server = await startLocalServer((_body, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ output: { text: 'ham', finish: 'length' }, meta: { usage: [12, 3] } }),
      );
    });
    const c = await client(server.url).complete({
      prompt: 'hello there',
      params: { temperature: 0.5, maxTokens: 7 },
    });
    const sent = server.requests[0]!;
    expect(sent.path).toBe('/generate');
    expect(sent.headers['x-token']).toBe('secret-http-json');
    expect(sent.body).toEqual({
      inputs: 'Classify: hello there',
      history: [{ role: 'user', content: 'hello there' }],
      parameters: { temperature: 0.5, max_new_tokens: 7 },
      stream: false,
    });
    expect(c.text).toBe('ham');
    expect(c.finishReason).toBe('length');
    expect(c.usage).toEqual({ inputTokens: 12, outputTokens: 3, source: 'server' });
  });

  test('without usage paths, tokens are estimated and flagged', async () => {
    server = await startLocalServer((_body, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ output: { text: 'abcdefgh' } }));
    });
    const c = await client(server.url, { paths: { text: '$.output.text' } }).complete({
      prompt: 'abcd',
    });
    expect(c.usage).toEqual({ inputTokens: 1, outputTokens: 2, source: 'estimate' });
  });

  test('a gpt-4o model without server usage is counted with the o200k tokenizer', async () => {
    server = await startLocalServer((_body, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ output: { text: 'hello world' } }));
    });
    const c = await client(server.url, {
      model: 'gpt-4o',
      paths: { text: '$.output.text' },
    }).complete({
      prompt: 'hello world',
    });
    // "hello world" is two o200k_base tokens ("hello", " world").
    expect(c.usage).toEqual({ inputTokens: 2, outputTokens: 2, source: 'tokenizer' });
    // gpt-4o list price: $2.50 in / $10 out per 1M tokens.
    expect(c.cost?.totalUsd).toBeCloseTo((2 * 2.5 + 2 * 10) / 1e6, 12);
  });

  test('SSE streams (TGI generate_stream shape) yield deltas read at streamText', async () => {
    server = await startLocalServer((_body, res) =>
      writeSse(res, [
        { data: { token: { text: 'sp' } } },
        { data: { token: { text: 'am' } } },
        {
          data: {
            token: { text: '' },
            details: { finish_reason: 'eos_token', generated_tokens: 2 },
          },
        },
      ]),
    );
    const events: StreamEvent[] = [];
    for await (const e of client(server.url).stream({ prompt: 'x' })) events.push(e);
    expect((server.requests[0]!.body as { stream: boolean }).stream).toBe(true);
    expect(events.filter((e) => e.type === 'content').length).toBe(2);
    const done = events.at(-1);
    if (done?.type !== 'done') throw new Error('no done');
    expect(done.completion.text).toBe('spam');
    expect(done.completion.finishReason).toBe('stop');
    expect(done.completion.usage.outputTokens).toBe(2);
    expect(done.completion.usage.source).toBe('estimate'); // input tokens were not reported
  });

  test('a TGI special token flagged at streamSkip (</s>) is not part of the streamed answer', async () => {
    // TGI's /generate_stream: the last event carries the end-of-sequence token, marked special
    const tgiEvents = [
      { data: { index: 1, token: { id: 1, text: 'sp', logprob: -0.1, special: false } } },
      { data: { index: 2, token: { id: 2, text: 'am', logprob: -0.2, special: false } } },
      {
        data: {
          index: 3,
          token: { id: 3, text: '</s>', logprob: -0.3, special: true },
          generated_text: 'spam',
          details: { finish_reason: 'eos_token', generated_tokens: 3 },
        },
      },
    ];
    server = await startLocalServer((_body, res) => writeSse(res, tgiEvents));
    const paths = {
      text: '$.generated_text',
      streamText: '$.token.text',
      streamSkip: '$.token.special',
      streamFinishReason: '$.details.finish_reason',
      streamOutputTokens: '$.details.generated_tokens',
    };
    const events: StreamEvent[] = [];
    for await (const e of client(server.url, { paths }).stream({ prompt: 'x' })) events.push(e);
    const deltas = events.flatMap((e) => (e.type === 'content' ? [e.delta] : []));
    expect(deltas).toEqual(['sp', 'am']);
    const done = events.at(-1);
    if (done?.type !== 'done') throw new Error('no done');
    expect(done.completion.text).toBe('spam');
    expect(done.completion.finishReason).toBe('stop');
    expect(done.completion.usage.outputTokens).toBe(3);
    expect(done.completion.record.contentChunkTimes.length).toBe(2);
    // without streamSkip the special token is read as text, as TGI sends it
    const { streamSkip: _, ...unskipped } = paths;
    const plain = await client(server.url, { paths: unskipped, streaming: true }).complete({
      prompt: 'x',
    });
    expect(plain.text).toBe('spam</s>');
  });

  test('without streamText, stream() calls without SSE and yields the answer as one delta', async () => {
    server = await startLocalServer((_body, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ output: { text: 'ham' }, meta: { usage: [4, 1] } }));
    });
    const events: StreamEvent[] = [];
    const c = client(server.url, {
      paths: {
        text: '$.output.text',
        inputTokens: '$.meta.usage[0]',
        outputTokens: '$.meta.usage[1]',
      },
    });
    for await (const e of c.stream({ prompt: 'x' })) events.push(e);
    expect((server.requests[0]!.body as { stream: boolean }).stream).toBe(false);
    expect(events.map((e) => e.type)).toEqual(['content', 'done']);
    const done = events.at(-1);
    if (done?.type !== 'done') throw new Error('no done');
    expect(done.completion.text).toBe('ham');
    expect(done.completion.usage.source).toBe('server');
    expect(done.completion.record.contentChunkTimes.length).toBe(1);
  });

  test('a body without the text path is MALFORMED_RESPONSE naming the path and quoting the body', async () => {
    server = await startLocalServer((_body, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ output: { txt: 'ham' } }));
    });
    const error = (await client(server.url)
      .complete({ prompt: 'x' })
      .catch((e: unknown) => e)) as ClientError;
    expect(error).toBeInstanceOf(ClientError);
    expect(error.code).toBe('MALFORMED_RESPONSE');
    expect(error.message).toContain('$.output.text');
    expect(error.message).toContain('{"output":{"txt":"ham"}}');
  });

  test('a long non-JSON body is quoted to about 200 characters', async () => {
    server = await startLocalServer((_body, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<html>${'x'.repeat(5000)}</html>`);
    });
    const error = (await client(server.url)
      .complete({ prompt: 'x' })
      .catch((e: unknown) => e)) as ClientError;
    expect(error.code).toBe('MALFORMED_RESPONSE');
    expect(error.message).toContain('<html>xxxx');
    expect(error.message.length).toBeLessThan(400);
  });

  test('unknown template placeholders are rejected at createClient', () => {
    expect(() => client('http://127.0.0.1:1', { template: { a: '{{promt}}' } })).toThrow(
      /template\.a: uses the unknown placeholder \{\{promt\}\}/,
    );
  });
});

describe('compileJsonPath', () => {
  test('reads members and indices, undefined when missing', () => {
    const get = compileJsonPath('$.a[1].b');
    expect(get({ a: [{}, { b: 'x' }] })).toBe('x');
    expect(get({ a: [] })).toBeUndefined();
    expect(get(null)).toBeUndefined();
    expect(compileJsonPath('$')({ k: 1 })).toEqual({ k: 1 });
  });

  test('rejects other syntax', () => {
    expect(() => compileJsonPath('$..a')).toThrow(/unsupported step/);
    expect(() => compileJsonPath('a.b')).toThrow(/must start with/);
  });
});
