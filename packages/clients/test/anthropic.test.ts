import { afterEach, describe, expect, test } from 'vitest';
import { ClientError, createClient, type StreamEvent } from '../src/index.js';
import {
  isMonotone,
  type LocalServer,
  startLocalServer,
  writeSse,
} from './support/local-server.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ENV = { ANTHROPIC_TEST_KEY: 'sk-ant-test-123' };

function client(url: string, extra: Record<string, unknown> = {}) {
  return createClient(
    {
      provider: 'anthropic',
      baseUrl: `${url}/v1`,
      model: 'claude-3-5-haiku-20241022',
      apiKeyEnv: 'ANTHROPIC_TEST_KEY',
      retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 5 },
      ...extra,
    },
    { env: ENV },
  );
}

function messageStream(text: string[], opts: { error?: string; thinking?: string[] } = {}) {
  const events: Array<{ event?: string; data: unknown }> = [
    {
      event: 'message_start',
      data: {
        type: 'message_start',
        message: {
          id: 'msg_1',
          usage: { input_tokens: 21, output_tokens: 1, cache_read_input_tokens: 5 },
        },
      },
    },
    { event: 'ping', data: { type: 'ping' } },
  ];
  for (const t of opts.thinking ?? []) {
    events.push({
      event: 'content_block_delta',
      data: {
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'thinking_delta', thinking: t },
      },
    });
  }
  for (const t of text) {
    events.push({
      event: 'content_block_delta',
      data: { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: t } },
    });
  }
  if (opts.error !== undefined) {
    events.push({
      event: 'error',
      data: { type: 'error', error: { type: opts.error, message: 'Overloaded' } },
    });
    return events;
  }
  events.push({
    event: 'message_delta',
    data: {
      type: 'message_delta',
      delta: { stop_reason: 'end_turn' },
      usage: { output_tokens: 9 },
    },
  });
  events.push({ event: 'message_stop', data: { type: 'message_stop' } });
  return events;
}

describe('anthropic provider', () => {
  test('sends the Messages shape with key, version and hoisted system; reads content and usage', async () => {
    server = await startLocalServer((_body, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          type: 'message',
          content: [
            { type: 'thinking', thinking: 'Looks like spam.' },
            { type: 'text', text: 'spam' },
          ],
          stop_reason: 'end_turn',
          usage: { input_tokens: 30, output_tokens: 4, cache_read_input_tokens: 10 },
        }),
      );
    });
    const c = await client(server.url).complete({
      messages: [
        { role: 'system', content: 'Classify.' },
        { role: 'user', content: 'Buy now' },
      ],
      params: { temperature: 0, maxTokens: 50, stop: ['\n'] },
    });
    const sent = server.requests[0]!;
    expect(sent.path).toBe('/v1/messages');
    expect(sent.headers['x-api-key']).toBe('sk-ant-test-123');
    expect(sent.headers['anthropic-version']).toBe('2023-06-01');
    expect(sent.body).toEqual({
      model: 'claude-3-5-haiku-20241022',
      max_tokens: 50,
      system: 'Classify.',
      messages: [{ role: 'user', content: 'Buy now' }],
      temperature: 0,
      stop_sequences: ['\n'],
    });
    expect(c.text).toBe('spam');
    expect(c.reasoning).toBe('Looks like spam.');
    expect(c.finishReason).toBe('stop');
    // Anthropic's input_tokens leaves the cache reads out; inputTokens is the whole prompt.
    expect(c.usage).toEqual({
      inputTokens: 40,
      outputTokens: 4,
      cachedTokens: 10,
      source: 'server',
    });
    // Built-in price for claude-3-5-haiku: $0.80 / $4 per 1M tokens, cache reads at 0.1×.
    expect(c.cost?.inputUsd).toBeCloseTo((30 * 0.8 + 10 * 0.08) / 1e6, 12);
    expect(c.cost?.outputUsd).toBeCloseTo((4 * 4) / 1e6, 12);
  });

  test('a stream reads message_start/message_delta usage and times every delta', async () => {
    server = await startLocalServer((_body, res) =>
      writeSse(res, messageStream(['sp', 'am', '!'], { thinking: ['hm'] })),
    );
    const events: StreamEvent[] = [];
    for await (const e of client(server.url).stream({ prompt: 'Buy now' })) events.push(e);
    expect((server.requests[0]!.body as { stream?: boolean }).stream).toBe(true);
    expect(events.map((e) => e.type)).toEqual([
      'reasoning',
      'content',
      'content',
      'content',
      'done',
    ]);
    const done = events.at(-1);
    if (done?.type !== 'done') throw new Error('no done');
    const c = done.completion;
    expect(c.text).toBe('spam!');
    expect(c.reasoning).toBe('hm');
    expect(c.usage).toEqual({
      inputTokens: 26,
      outputTokens: 9,
      cachedTokens: 5,
      source: 'server',
    });
    expect(c.record.reasoningChunkTimes.length).toBe(1);
    expect(c.record.contentChunkTimes.length).toBe(3);
    expect(c.record.firstTokenAt).toBe(c.record.reasoningChunkTimes[0]);
    expect(
      isMonotone([c.record.sentAt, c.record.firstTokenAt, c.record.firstContentAt, c.record.endAt]),
    ).toBe(true);
  });

  test('an overloaded_error event under a 200 is an in-stream error, retried, then succeeds', async () => {
    let calls = 0;
    server = await startLocalServer((_body, res) => {
      calls++;
      writeSse(
        res,
        calls === 1
          ? messageStream(['sp'], { error: 'overloaded_error' })
          : messageStream(['spam']),
      );
    });
    const c = await client(server.url, { streaming: true }).complete({ prompt: 'x' });
    expect(c.text).toBe('spam');
    expect(c.record.attempts[0]!.status).toBe(200);
    expect(c.record.attempts[0]!.errorClass).toBe('in_stream_error');
    expect(server.requests.length).toBe(2);
  });

  test('with retries off an overloaded_error event fails with IN_STREAM_ERROR and halves adaptive concurrency', async () => {
    server = await startLocalServer((_body, res) =>
      writeSse(res, messageStream(['sp'], { error: 'overloaded_error' })),
    );
    const c = client(server.url, {
      streaming: true,
      benchmarkMode: true,
      concurrency: { max: 4, adaptive: true },
    });
    const error = await c.complete({ prompt: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).code).toBe('IN_STREAM_ERROR');
    expect((error as ClientError).status).toBe(200);
    expect((error as ClientError).message).toContain('overloaded_error');
    expect((error as ClientError).record?.errorClass).toBe('in_stream_error');
    expect(c.stats().concurrencyLimit).toBe(2);
  });

  test('HTTP 529 with an overloaded body is an http_status failure that halves the limit', async () => {
    server = await startLocalServer((_body, res) => {
      res.writeHead(529, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          type: 'error',
          error: { type: 'overloaded_error', message: 'Overloaded' },
        }),
      );
    });
    const c = client(server.url, { benchmarkMode: true, concurrency: { max: 8, adaptive: true } });
    const error = (await c.complete({ prompt: 'x' }).catch((e: unknown) => e)) as ClientError;
    expect(error.code).toBe('HTTP_STATUS');
    expect(error.status).toBe(529);
    expect(c.stats().concurrencyLimit).toBe(4);
  });

  test('a body without content is MALFORMED_RESPONSE quoting the body', async () => {
    server = await startLocalServer((_body, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ type: 'message', result: 'not the shape' }));
    });
    const error = (await client(server.url)
      .complete({ prompt: 'x' })
      .catch((e: unknown) => e)) as ClientError;
    expect(error.code).toBe('MALFORMED_RESPONSE');
    expect(error.message).toContain('"result":"not the shape"');
    expect(server.requests.length).toBe(1);
  });

  test('anthropic-ratelimit reset headers are honoured on 429', async () => {
    let calls = 0;
    server = await startLocalServer((_body, res) => {
      calls++;
      if (calls === 1) {
        res.writeHead(429, {
          'content-type': 'application/json',
          'anthropic-ratelimit-requests-reset': new Date(Date.now() + 400).toISOString(),
        });
        res.end(
          JSON.stringify({
            type: 'error',
            error: { type: 'rate_limit_error', message: 'slow down' },
          }),
        );
        return;
      }
      writeSse(res, messageStream(['ok']));
    });
    const started = performance.now();
    const c = await client(server.url, { streaming: true }).complete({ prompt: 'x' });
    expect(c.text).toBe('ok');
    expect(c.record.attempts[0]!.retryDelayMs).toBeGreaterThan(200);
    expect(performance.now() - started).toBeGreaterThan(200);
  });
});

describe('Anthropic prompt caching', () => {
  const CACHE_USAGE = {
    input_tokens: 5,
    output_tokens: 1,
    cache_creation_input_tokens: 200,
    cache_read_input_tokens: 1000,
  };

  test('input tokens count cache reads and writes, each priced at its own rate', async () => {
    server = await startLocalServer((_body, res) =>
      writeSse(res, [
        {
          event: 'message_start',
          data: { type: 'message_start', message: { usage: CACHE_USAGE } },
        },
        {
          event: 'content_block_delta',
          data: {
            type: 'content_block_delta',
            index: 0,
            delta: { type: 'text_delta', text: 'ok' },
          },
        },
        {
          event: 'message_delta',
          data: {
            type: 'message_delta',
            delta: { stop_reason: 'end_turn' },
            usage: { output_tokens: 3 },
          },
        },
        { event: 'message_stop', data: { type: 'message_stop' } },
      ]),
    );
    const cl = client(server.url, { streaming: true });
    const c = await cl.complete({ prompt: 'hi' });
    await cl.close();
    expect(c.usage).toEqual({
      inputTokens: 1205,
      outputTokens: 3,
      cachedTokens: 1000,
      cacheWriteTokens: 200,
      source: 'server',
    });
    expect(c.record.cacheWriteTokens).toBe(200);
    // claude-3-5-haiku: $0.80 input; writes 1.25×, reads 0.1×.
    expect(c.cost?.inputUsd).toBeCloseTo((5 * 0.8 + 200 * 1.0 + 1000 * 0.08) / 1e6, 12);
  });

  test('the tokens-per-minute bucket is settled with the whole prompt', async () => {
    server = await startLocalServer((_body, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          content: [{ type: 'text', text: 'ok' }],
          stop_reason: 'end_turn',
          usage: CACHE_USAGE,
        }),
      );
    });
    // 30000 a minute is a bucket of 500 refilled at 500/s: 1206 tokens leave a debt of ~700
    // that the next call waits about 1.4 s for. Settled with input_tokens alone (6) it would not.
    const c = client(server.url, { rateLimit: { tpm: 30_000 } });
    const request = { prompt: 'hi', params: { maxTokens: 1 } };
    await c.complete(request);
    const started = performance.now();
    await c.complete(request);
    expect(performance.now() - started).toBeGreaterThan(1000);
    await c.close();
  });
});
