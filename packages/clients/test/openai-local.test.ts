import { createServer } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { type ClientError, createClient } from '../src/index.js';
import { type LocalServer, startLocalServer, writeSse } from './support/local-server.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
  choices: [{ index: 0, delta, finish_reason: finish }],
});

describe('openai-chat wire details (local server)', () => {
  test('reasoning deltas count as first token; first content token comes later', async () => {
    server = await startLocalServer(async (_body, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`data: ${JSON.stringify(chunk({ reasoning_content: 'think' }))}\n\n`);
      await new Promise((r) => setTimeout(r, 300));
      res.write(`data: ${JSON.stringify(chunk({ content: 'ok' }, 'stop'))}\n\n`);
      res.write(
        `data: ${JSON.stringify({
          choices: [],
          usage: {
            prompt_tokens: 3,
            completion_tokens: 9,
            completion_tokens_details: { reasoning_tokens: 7 },
            prompt_tokens_details: { cached_tokens: 2 },
          },
        })}\n\n`,
      );
      res.end('data: [DONE]\n\n');
    });
    const client = createClient({
      provider: 'openai-chat',
      baseUrl: `${server.url}/v1`,
      model: 'm',
      streaming: true,
    });
    const c = await client.complete({ prompt: 'q' });
    const body = server.requests[0]!.body as Record<string, unknown>;
    expect(body.stream).toBe(true);
    expect(body.stream_options).toEqual({ include_usage: true });
    expect(body.messages).toEqual([{ role: 'user', content: 'q' }]);
    expect(c.text).toBe('ok');
    expect(c.reasoning).toBe('think');
    expect(c.usage).toEqual({
      inputTokens: 3,
      outputTokens: 9,
      reasoningTokens: 7,
      cachedTokens: 2,
      source: 'server',
    });
    expect(c.record.firstTokenAt).toBe(c.record.reasoningChunkTimes[0]);
    expect(c.record.firstContentAt! - c.record.firstTokenAt!).toBeGreaterThan(100);
    expect(c.record.ttfcMs!).toBeGreaterThan(c.record.ttftMs!);
    await client.close();
  });

  test('an error payload inside a 200 stream is IN_STREAM_ERROR', async () => {
    server = await startLocalServer((_body, res) =>
      writeSse(res, [
        { data: chunk({ content: 'pa' }) },
        { data: { error: { message: 'model crashed', type: 'server_error' } } },
      ]),
    );
    const client = createClient({
      provider: 'openai-chat',
      baseUrl: `${server.url}/v1`,
      model: 'm',
      streaming: true,
      benchmarkMode: true,
    });
    const e = (await client
      .complete({ prompt: 'q' })
      .catch((error: unknown) => error)) as ClientError;
    expect(e.code).toBe('IN_STREAM_ERROR');
    expect(e.message).toContain('model crashed');
    await client.close();
  });

  test('x-ratelimit-reset-requests on a 429 sets the retry delay', async () => {
    let calls = 0;
    server = await startLocalServer((_body, res) => {
      calls++;
      if (calls === 1) {
        res.writeHead(429, {
          'content-type': 'application/json',
          'x-ratelimit-reset-requests': '300ms',
        });
        res.end(JSON.stringify({ error: { message: 'slow down' } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ choices: [{ message: { content: 'fine' }, finish_reason: 'stop' }] }),
      );
    });
    const client = createClient({
      provider: 'openai-chat',
      baseUrl: `${server.url}/v1`,
      model: 'gpt-4o-mini',
    });
    const started = performance.now();
    const c = await client.complete({ prompt: 'q' });
    expect(c.text).toBe('fine');
    expect(c.record.attempts[0]!.retryDelayMs).toBeGreaterThanOrEqual(300);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    // No usage in the body: gpt-4o-mini is counted with its tokenizer and priced.
    expect(c.usage.source).toBe('tokenizer');
    expect(c.cost).toBeDefined();
    await client.close();
  });

  test('a stream request answered with plain JSON is accepted as one chunk', async () => {
    server = await startLocalServer((_body, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          choices: [{ message: { content: 'whole' }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 1 },
        }),
      );
    });
    const client = createClient({
      provider: 'openai-chat',
      baseUrl: `${server.url}/v1`,
      model: 'm',
    });
    const types: string[] = [];
    for await (const e of client.stream({ prompt: 'q' })) types.push(e.type);
    expect(types).toEqual(['content', 'done']);
    await client.close();
  });
});

describe('connection-level failures', () => {
  test('a refused connection is CONNECTION, retried up to maxRetries', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const client = createClient({
      provider: 'openai-chat',
      baseUrl: `http://127.0.0.1:${port}/v1`,
      model: 'm',
      retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 },
    });
    const e = (await client
      .complete({ prompt: 'q' })
      .catch((error: unknown) => error)) as ClientError;
    expect(e.code).toBe('CONNECTION');
    expect(e.record?.retries).toBe(2);
    expect(e.record?.status).toBeUndefined();
    await client.close();
  });

  test('headers that do not arrive within headersMs are TIMEOUT', async () => {
    server = await startLocalServer(() => {
      // never answers
    });
    const client = createClient({
      provider: 'openai-chat',
      baseUrl: `${server.url}/v1`,
      model: 'm',
      benchmarkMode: true,
      timeouts: { headersMs: 200, totalMs: 30_000 },
    });
    const started = performance.now();
    const e = (await client
      .complete({ prompt: 'q' })
      .catch((error: unknown) => error)) as ClientError;
    expect(e.code).toBe('TIMEOUT');
    expect(e.message).toMatch(/headers timeout/);
    expect(performance.now() - started).toBeLessThan(10_000);
    await client.close();
  });

  test('breaking out of a stream cancels the request', async () => {
    server = await startLocalServer(async (_body, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (let i = 0; i < 100 && !res.destroyed; i++) {
        res.write(`data: ${JSON.stringify(chunk({ content: `t${i} ` }))}\n\n`);
        await new Promise((r) => setTimeout(r, 20));
      }
      res.end('data: [DONE]\n\n');
    });
    const client = createClient({
      provider: 'openai-chat',
      baseUrl: `${server.url}/v1`,
      model: 'm',
    });
    const started = performance.now();
    let seen = 0;
    for await (const e of client.stream({ prompt: 'q' })) {
      if (e.type === 'content') seen++;
      if (seen === 2) break;
    }
    expect(performance.now() - started).toBeLessThan(1500);
    expect(client.stats().failures.abort).toBe(1);
    expect(client.stats().retries).toBe(0);
    expect(client.stats().inFlight).toBe(0);
    await client.close();
  });
});
