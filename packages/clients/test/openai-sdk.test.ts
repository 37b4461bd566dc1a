import { type ModelServer, startModelServer } from '@assay/model-server';
import OpenAI from 'openai';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createClient } from '../src/index.js';

let server: ModelServer;
beforeAll(async () => {
  server = await startModelServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

const EMAIL = 'Subject: FREE VIAGRA!!!\n\nCheap pills, no prescription, click now';

test('the official openai package and @assay/clients get the same answers from the model server', async () => {
  const sdk = new OpenAI({ baseURL: server.baseUrl, apiKey: 'unused', maxRetries: 0 });
  const ours = createClient({
    provider: 'openai-chat',
    baseUrl: server.baseUrl,
    model: 'assay-spam-nb',
  });
  const messages = [{ role: 'user' as const, content: EMAIL }];

  const theirs = await sdk.chat.completions.create({
    model: 'assay-spam-nb',
    messages,
    temperature: 0,
  });
  const mine = await ours.complete({ messages, params: { temperature: 0 } });
  expect(mine.text).toBe(theirs.choices[0]!.message.content);
  expect(mine.usage.inputTokens).toBe(theirs.usage?.prompt_tokens);
  expect(mine.usage.outputTokens).toBe(theirs.usage?.completion_tokens);

  // Streaming through the SDK, with usage, matches our streamed text and usage.
  const stream = await sdk.chat.completions.create({
    model: 'assay-spam-nb',
    messages: [{ role: 'system', content: 'explain' }, ...messages],
    stream: true,
    stream_options: { include_usage: true },
  });
  let text = '';
  let usage: { prompt_tokens: number; completion_tokens: number } | undefined;
  for await (const chunk of stream) {
    text += chunk.choices[0]?.delta.content ?? '';
    if (chunk.usage) usage = chunk.usage;
  }
  let ourText = '';
  let ourUsage: { inputTokens: number; outputTokens: number } | undefined;
  for await (const e of ours.stream({
    messages: [{ role: 'system', content: 'explain' }, ...messages],
  })) {
    if (e.type === 'content') ourText += e.delta;
    if (e.type === 'done') ourUsage = e.completion.usage;
  }
  expect(text.length).toBeGreaterThan(10);
  expect(ourText).toBe(text);
  expect(ourUsage?.inputTokens).toBe(usage?.prompt_tokens);
  expect(ourUsage?.outputTokens).toBe(usage?.completion_tokens);

  // Legacy completions through the SDK.
  const legacy = await sdk.completions.create({
    model: 'assay-spam-nb',
    prompt: EMAIL,
    max_tokens: 5,
  });
  const ourLegacy = await createClient({
    provider: 'openai-completions',
    baseUrl: server.baseUrl,
    model: 'assay-spam-nb',
  }).complete({ prompt: EMAIL, params: { maxTokens: 5 } });
  expect(ourLegacy.text).toBe(legacy.choices[0]!.text);
  await ours.close();
});
