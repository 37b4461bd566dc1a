import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  BatchEngine,
  countTokens,
  type ModelServer,
  ModelServerError,
  startModelServer,
  trainSpamModel,
} from '../src/index.js';
import { chatBody, getJson, post, SAMPLE, sseData } from './support/http.js';

const model = trainSpamModel();

describe('ignore_eos with max_tokens', () => {
  let server: ModelServer;
  beforeAll(async () => {
    server = await startModelServer({ model });
  });
  afterAll(() => server.close());

  test('a chat answer has exactly max_tokens tokens: the label, evidence, then filler', async () => {
    for (const n of [1, 7, 64, 300]) {
      const reply = await post(
        `${server.baseUrl}/chat/completions`,
        chatBody(SAMPLE.spam, { max_tokens: n, ignore_eos: true }),
      );
      const body = JSON.parse(reply.text);
      expect(body.usage.completion_tokens).toBe(n);
      expect(body.choices[0].finish_reason).toBe('length');
      const content: string = body.choices[0].message.content;
      expect(content.startsWith('spam')).toBe(true);
      expect(countTokens(content)).toBe(n);
      if (n >= 64) expect(content).toContain('Evidence:');
    }
  });

  test('a streamed chat answer has max_tokens content chunks', async () => {
    const reply = await post(
      `${server.baseUrl}/chat/completions`,
      chatBody(SAMPLE.ham, {
        max_tokens: 40,
        ignore_eos: true,
        stream: true,
        stream_options: { include_usage: true },
      }),
    );
    const events = sseData(reply.text).filter((d) => d !== '[DONE]');
    const contents = events
      .map((d) => JSON.parse(d))
      .filter((e) => e.choices?.[0]?.delta?.content)
      .map((e) => e.choices[0].delta.content);
    expect(contents).toHaveLength(40);
    expect(contents[0]).toBe('ham');
    expect(JSON.parse(events.at(-1)!).usage.completion_tokens).toBe(40);
  });

  test('a legacy completion with ignore_eos has exactly max_tokens tokens', async () => {
    const reply = await post(`${server.baseUrl}/completions`, {
      model: 'assay-spam-nb',
      prompt: SAMPLE.spam,
      max_tokens: 33,
      ignore_eos: true,
    });
    const body = JSON.parse(reply.text);
    expect(body.usage.completion_tokens).toBe(33);
    expect(countTokens(body.choices[0].text)).toBe(33);
  });

  test('without ignore_eos the answer stops at the label', async () => {
    const body = JSON.parse(
      (await post(`${server.baseUrl}/chat/completions`, chatBody(SAMPLE.spam, { max_tokens: 50 })))
        .text,
    );
    expect(body.usage.completion_tokens).toBe(1);
  });
});

describe('batching engine simulator', () => {
  test('refuses bad settings with the option named', () => {
    expect(() => new BatchEngine({ batchSlots: 0, stepMs: 10 })).toThrow(/batchSlots is 0/);
    expect(() => new BatchEngine({ batchSlots: 2, stepMs: -1 })).toThrow(ModelServerError);
    expect(() => new BatchEngine({ batchSlots: 2, stepMs: 5, prefillTps: 0 })).toThrow(
      /prefillTps is 0/,
    );
  });

  test('one slot serves sequences in FIFO order, each for max_tokens steps', async () => {
    const server = await startModelServer({ model, engine: { batchSlots: 1, stepMs: 20 } });
    try {
      const order: number[] = [];
      const started = performance.now();
      await Promise.all(
        [0, 1, 2].map(async (i) => {
          await new Promise((r) => setTimeout(r, i * 5));
          await post(
            `${server.baseUrl}/chat/completions`,
            chatBody(SAMPLE.ham, { max_tokens: 5, ignore_eos: true }),
          );
          order.push(i);
        }),
      );
      expect(order).toEqual([0, 1, 2]);
      // three sequences of 5 steps of 20 ms one after another: at least 15 steps
      expect(performance.now() - started).toBeGreaterThanOrEqual(15 * 20 - 5);
      const stats = await getJson(`${server.url}/stats`);
      expect(stats.engine).toMatchObject({ active: 0, queued: 0, finished: 3 });
    } finally {
      await server.close();
    }
  });

  test('prefill holds the first token back by prompt tokens / prefill rate', async () => {
    const server = await startModelServer({
      model,
      engine: { batchSlots: 4, stepMs: 5, prefillTps: 1000 },
    });
    try {
      const body = chatBody(SAMPLE.spam, { max_tokens: 2, ignore_eos: true });
      const started = performance.now();
      const reply = JSON.parse((await post(`${server.baseUrl}/chat/completions`, body)).text);
      const prefillMs = reply.usage.prompt_tokens; // 1000 tokens/s: one ms per token
      expect(prefillMs).toBeGreaterThan(50);
      expect(performance.now() - started).toBeGreaterThanOrEqual(prefillMs);
    } finally {
      await server.close();
    }
  });

  test('a saturated server completes slots / (max_tokens x step) requests per second', async () => {
    // a light load (16 requests/s of 5 tokens) leaves the clients and the server, which share
    // this event loop, enough CPU to keep the queue full on a busy 2-core machine
    const slots = 4;
    const stepMs = 50;
    const maxTokens = 5;
    const capacity = slots / ((maxTokens * stepMs) / 1000); // 16 requests/s
    const server = await startModelServer({ model, engine: { batchSlots: slots, stepMs } });
    const url = `${server.baseUrl}/chat/completions`;
    const body = JSON.stringify(chatBody(SAMPLE.ham, { max_tokens: maxTokens, ignore_eos: true }));
    let running = true;
    // twice as many closed-loop clients as slots keep the queue from running dry
    const clients = Array.from({ length: 2 * slots }, async () => {
      while (running) await post(url, body);
    });
    try {
      await new Promise((r) => setTimeout(r, 600));
      const first = await getJson(`${server.url}/stats`);
      const t0 = performance.now();
      await new Promise((r) => setTimeout(r, 3000));
      const last = await getJson(`${server.url}/stats`);
      const seconds = (performance.now() - t0) / 1000;
      const achieved = (last.engine.finished - first.engine.finished) / seconds;
      expect(achieved).toBeGreaterThan(0.85 * capacity);
      expect(achieved).toBeLessThan(1.1 * capacity);
    } finally {
      running = false;
      await Promise.all(clients);
      await server.close();
    }
  });
});
