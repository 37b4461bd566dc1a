import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ClientConfig, createClient, type StreamEvent } from '../src/index.js';
import { isMonotone } from './support/local-server.js';

let server: ModelServer;
beforeAll(async () => {
  server = await startModelServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

const SPAM = 'Subject: WIN A FREE PRIZE NOW!!! Click here to claim your cash reward, limited offer';

function config(
  provider: 'openai-chat' | 'openai-completions',
  extra: Partial<ClientConfig> = {},
): ClientConfig {
  return { provider, baseUrl: server.baseUrl, model: 'assay-spam-nb', ...extra };
}

describe('openai-chat against the model server', () => {
  test('a non-streamed completion has text, server usage and a complete record', async () => {
    const client = createClient(config('openai-chat'));
    const c = await client.complete({ messages: [{ role: 'user', content: SPAM }] });
    expect(c.text).toBe('spam');
    expect(c.cached).toBe(false);
    expect(c.finishReason).toBe('stop');
    expect(c.usage.source).toBe('server');
    expect(c.usage.inputTokens).toBeGreaterThan(5);
    expect(c.usage.outputTokens).toBeGreaterThan(0);
    const r = c.record;
    expect(r.status).toBe(200);
    expect(r.errorClass).toBeUndefined();
    expect(r.retries).toBe(0);
    expect(isMonotone([r.scheduledAt, r.sentAt, r.headersAt, r.endAt])).toBe(true);
    expect(r.e2eLatencyMs).toBeGreaterThan(0);
    expect(r.inputTokens).toBe(c.usage.inputTokens);
    expect(r.costUsd).toBeUndefined(); // unknown model: no price, not 0
    expect(c.cost).toBeUndefined();
    await client.close();
  });

  test('a stream yields deltas whose concatenation is the final text, with monotone timings', async () => {
    const client = createClient(config('openai-chat'));
    const events: StreamEvent[] = [];
    for await (const e of client.stream({
      messages: [{ role: 'user', content: SPAM }],
      headers: { 'x-assay-explain': '1', 'x-assay-fault': 'token-delay=2' },
    })) {
      events.push(e);
    }
    const done = events.at(-1);
    expect(done?.type).toBe('done');
    if (done?.type !== 'done') throw new Error('no done event');
    const c = done.completion;
    const deltas = events.filter((e) => e.type === 'content');
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.map((e) => (e.type === 'content' ? e.delta : '')).join('')).toBe(c.text);
    const r = c.record;
    expect(r.streamed).toBe(true);
    expect(r.contentChunkTimes.length).toBe(deltas.length);
    expect(
      isMonotone([
        r.scheduledAt,
        r.sentAt,
        r.headersAt,
        r.firstTokenAt,
        ...r.contentChunkTimes,
        r.lastTokenAt,
        r.endAt,
      ]),
    ).toBe(true);
    expect(r.firstContentAt).toBe(r.contentChunkTimes[0]);
    expect(r.ttftMs).toBeGreaterThan(0);
    const n = r.contentChunkTimes.length;
    expect(r.tpotMs).toBeCloseTo(
      (r.contentChunkTimes[n - 1]! - r.contentChunkTimes[0]!) / (n - 1),
      9,
    );
    expect(r.interChunkGapsMs.length).toBe(n - 1);
    expect(r.interChunkGapsMs.every((g) => g >= 0)).toBe(true);
    // 2 ms token delay: TPOT is at least about that (loose, loaded CI).
    expect(r.tpotMs!).toBeGreaterThan(1);
    expect(c.usage.source).toBe('server'); // stream_options.include_usage
    expect(c.usage.outputTokens).toBeGreaterThan(3);
    await client.close();
  });

  test('logprobs with alternatives come back per token', async () => {
    const client = createClient(
      config('openai-chat', { params: { logprobs: true, topLogprobs: 2 } }),
    );
    const c = await client.complete({ messages: [{ role: 'user', content: SPAM }] });
    expect(c.logprobs?.length).toBeGreaterThan(0);
    const first = c.logprobs![0]!;
    expect(first.logprob).toBeLessThanOrEqual(0);
    expect(first.topLogprobs?.length).toBeGreaterThan(0);
    await client.close();
  });
});

describe('openai-completions against the model server', () => {
  test('non-streamed: text, server usage, logprobs', async () => {
    const client = createClient(
      config('openai-completions', { params: { logprobs: true, topLogprobs: 2 } }),
    );
    const c = await client.complete({ prompt: SPAM });
    expect(c.text.trim()).toBe('spam');
    expect(c.usage.source).toBe('server');
    expect(c.logprobs?.length).toBeGreaterThan(0);
    expect(c.record.status).toBe(200);
    await client.close();
  });

  test('complete() with streaming: true records every chunk and server usage', async () => {
    const client = createClient(config('openai-completions', { streaming: true }));
    const c = await client.complete({ prompt: SPAM, headers: { 'x-assay-explain': '1' } });
    const r = c.record;
    expect(r.streamed).toBe(true);
    expect(r.contentChunkTimes.length).toBeGreaterThan(3);
    expect(
      isMonotone([r.sentAt, r.headersAt, r.firstTokenAt, ...r.contentChunkTimes, r.endAt]),
    ).toBe(true);
    expect(c.usage.source).toBe('server');
    expect(c.text.length).toBeGreaterThan(10);
    await client.close();
  });

  test('streamUsage: false falls back to counting tokens locally, labelled', async () => {
    const client = createClient(
      config('openai-completions', { streaming: true, streamUsage: false }),
    );
    const c = await client.complete({ prompt: SPAM });
    expect(c.usage.source).toBe('estimate'); // not an OpenAI model: no tokenizer claimed
    expect(c.usage.inputTokens).toBe(Math.ceil(SPAM.length / 4));
    await client.close();
  });
});
