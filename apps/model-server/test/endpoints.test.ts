import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ModelServer, startModelServer } from '../src/index.js';
import { chatBody, getJson, type Json, post, SAMPLE, sseData } from './support/http.js';

let server: ModelServer;

beforeAll(async () => {
  server = await startModelServer({ modelName: 'spam-test' });
});
afterAll(() => server.close());

describe('ModelServer handle', () => {
  test('url, baseUrl and port describe a loopback listener', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.baseUrl).toBe(`${server.url}/v1`);
    expect(server.port).toBeGreaterThan(0);
  });
});

describe('POST /v1/completions (legacy)', () => {
  const url = () => `${server.baseUrl}/completions`;

  test('classifies the prompt into text with legacy logprobs and usage', async () => {
    const reply = await post(url(), { model: 'spam-test', prompt: SAMPLE.ham, logprobs: 2 });
    expect(reply.status).toBe(200);
    const body = JSON.parse(reply.text);
    expect(body.object).toBe('text_completion');
    expect(body.model).toBe('spam-test');
    expect(body.choices[0].text).toBe('ham');
    expect(body.choices[0].finish_reason).toBe('stop');
    const lp = body.choices[0].logprobs;
    expect(lp.tokens).toEqual(['ham']);
    expect(lp.text_offset).toEqual([0]);
    const top = lp.top_logprobs[0];
    expect(Math.exp(top.spam) + Math.exp(top.ham)).toBeCloseTo(1, 10);
    expect(lp.token_logprobs[0]).toBe(top.ham);
    expect(body.usage.completion_tokens).toBe(1);
    expect(body.usage.prompt_tokens).toBeGreaterThan(10);
  });

  test('streams text chunks then [DONE]', async () => {
    const data = sseData(
      (await post(url(), { model: 'm', prompt: [SAMPLE.spam], stream: true })).text,
    );
    expect(data.at(-1)).toBe('[DONE]');
    const chunks = data.slice(0, -1).map((d) => JSON.parse(d));
    expect(chunks[0].choices[0].text).toBe('spam');
    expect(chunks.at(-1).choices[0].finish_reason).toBe('stop');
  });

  test('a prompt list of two is rejected naming prompt', async () => {
    const reply = await post(url(), { model: 'm', prompt: ['a', 'b'] });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.text).error.param).toBe('prompt');
  });
});

describe('GET endpoints', () => {
  test('/v1/models lists the served models, /v1/models/{id} retrieves each', async () => {
    const list = await getJson(`${server.baseUrl}/models`);
    expect(list.object).toBe('list');
    expect(list.data).toEqual(
      ['spam-test', 'assay-subject-extractive', 'assay-overlap-judge'].map((id) =>
        expect.objectContaining({ id, object: 'model', owned_by: 'assay' }),
      ),
    );
    for (const id of ['spam-test', 'assay-subject-extractive', 'assay-overlap-judge']) {
      const one = await fetch(`${server.baseUrl}/models/${id}`);
      expect(((await one.json()) as Json).id).toBe(id);
    }
    const missing = await fetch(`${server.baseUrl}/models/gpt-4`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as Json).error.code).toBe('model_not_found');
  });

  test('/health says ok', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      model: 'spam-test',
      models: ['spam-test', 'assay-subject-extractive', 'assay-overlap-judge'],
    });
  });

  test('unknown routes are 404 JSON; wrong methods 405', async () => {
    const missing = await fetch(`${server.url}/v2/nothing`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as Json).error.message).toMatch(
      /Unknown route GET \/v2\/nothing/,
    );
    const wrong = await fetch(`${server.baseUrl}/chat/completions`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    await wrong.text();
  });
});

describe('stats', () => {
  test('counts all requests, completions that reached the model, and paths', async () => {
    server.resetStats();
    const chat = `${server.baseUrl}/chat/completions`;
    await post(chat, chatBody(SAMPLE.spam));
    await post(chat, chatBody(SAMPLE.ham), { 'x-assay-fault': 'status=503' });
    await post(chat, { model: 'm' }); // 400: never reaches the model
    await post(`${server.baseUrl}/completions`, { model: 'm', prompt: 'hello' });
    await (await fetch(`${server.url}/health`)).text();
    await (await fetch(`${server.url}/nowhere`)).text();
    const stats = server.stats();
    expect(stats).toEqual({
      requests: 6,
      completions: 3,
      byPath: { '/v1/chat/completions': 3, '/v1/completions': 1, '/health': 1, '(unmatched)': 1 },
      faultsInjected: { 'status-503': 1 },
    });
    const served = await getJson(`${server.url}/stats`);
    expect(served.requests).toBe(7);
    server.resetStats();
    expect(server.stats()).toEqual({ requests: 0, completions: 0, byPath: {}, faultsInjected: {} });
  });
});
