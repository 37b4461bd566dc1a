import OpenAI from 'openai';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ModelServer, startModelServer } from '../src/index.js';
import { SAMPLE } from './support/http.js';

let server: ModelServer;
let client: OpenAI;

beforeAll(async () => {
  server = await startModelServer();
  client = new OpenAI({ baseURL: server.baseUrl, apiKey: 'not-needed', maxRetries: 0 });
});
afterAll(() => server.close());

const messages = (email: string) => [
  { role: 'system' as const, content: 'Answer spam or ham.' },
  { role: 'user' as const, content: `Classify this e-mail as spam or ham:\n\n${email}` },
];

test('chat.completions.create (non-stream) with logprobs', async () => {
  const completion = await client.chat.completions.create({
    model: 'assay-spam-nb',
    messages: messages(SAMPLE.spam),
    logprobs: true,
    top_logprobs: 2,
  });
  expect(completion.choices[0]!.message.content).toBe('spam');
  const top = completion.choices[0]!.logprobs!.content![0]!.top_logprobs;
  expect(top.reduce((s, t) => s + Math.exp(t.logprob), 0)).toBeCloseTo(1, 10);
  expect(completion.usage!.total_tokens).toBe(completion.usage!.prompt_tokens + 1);
});

test('chat.completions.create (stream) with usage', async () => {
  const stream = await client.chat.completions.create({
    model: 'assay-spam-nb',
    messages: messages(SAMPLE.ham),
    stream: true,
    stream_options: { include_usage: true },
  });
  let content = '';
  let finish: string | null = null;
  let usage: OpenAI.CompletionUsage | null | undefined;
  for await (const chunk of stream) {
    content += chunk.choices[0]?.delta.content ?? '';
    finish = chunk.choices[0]?.finish_reason ?? finish;
    if (chunk.usage) usage = chunk.usage;
  }
  expect(content).toBe('ham');
  expect(finish).toBe('stop');
  expect(usage?.completion_tokens).toBe(1);
});

test('legacy completions.create and models.list', async () => {
  const completion = await client.completions.create({
    model: 'assay-spam-nb',
    prompt: SAMPLE.spam,
  });
  expect(completion.choices[0]!.text).toBe('spam');
  const models = await client.models.list();
  expect(models.data.map((m) => m.id)).toEqual([
    'assay-spam-nb',
    'assay-subject-extractive',
    'assay-overlap-judge',
  ]);
});

test('the SDK surfaces injected errors as typed API errors', async () => {
  const call = client.chat.completions.create(
    { model: 'assay-spam-nb', messages: messages(SAMPLE.spam) },
    { headers: { 'x-assay-fault': 'status=429;retry-after=0' } },
  );
  await expect(call).rejects.toBeInstanceOf(OpenAI.RateLimitError);
  const bad = client.chat.completions.create({
    model: 'assay-spam-nb',
    messages: messages('x'),
    n: 3,
  });
  await expect(bad).rejects.toMatchObject({ status: 400, param: 'n' });
});

test('the SDK retries fail-first faults and then succeeds', async () => {
  server.resetStats();
  const retrying = new OpenAI({ baseURL: server.baseUrl, apiKey: 'x', maxRetries: 2 });
  const completion = await retrying.chat.completions.create(
    { model: 'assay-spam-nb', messages: messages(SAMPLE.spam) },
    { headers: { 'x-assay-fault': 'fail-first=2;key=sdk-retry;status=429;retry-after=0' } },
  );
  expect(completion.choices[0]!.message.content).toBe('spam');
  expect(server.stats().completions).toBe(3);
  expect(server.stats().faultsInjected).toEqual({ 'status-429': 2 });
});
