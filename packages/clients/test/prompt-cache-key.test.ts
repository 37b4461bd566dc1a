import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  type ChatMessage,
  type ClientConfig,
  cacheKey,
  cacheKeyer,
  createClient,
  ResponseCache,
} from '../src/index.js';
import { type LocalServer, startLocalServer } from './support/local-server.js';

let server: LocalServer | undefined;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-prompt-key-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A Chat Completions (or Anthropic Messages) server answering 'ham' with usage. */
function answering(): Promise<LocalServer> {
  return startLocalServer((_body, res, req) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const anthropic = req.url?.endsWith('/messages') === true;
    res.end(
      JSON.stringify(
        anthropic
          ? {
              content: [{ type: 'text', text: 'ham' }],
              stop_reason: 'end_turn',
              usage: { input_tokens: 3, output_tokens: 1 },
            }
          : {
              choices: [{ message: { content: 'ham' }, finish_reason: 'stop' }],
              usage: { prompt_tokens: 3, completion_tokens: 1 },
            },
      ),
    );
  });
}

function config(url: string, provider: ClientConfig['provider']): ClientConfig {
  return { provider, baseUrl: url, model: 'm', params: { temperature: 0 } } as ClientConfig;
}

const user = (content: string): ChatMessage[] => [{ role: 'user', content }];

describe('a prompt and the one user message a chat provider sends it as', () => {
  for (const provider of ['openai-chat', 'anthropic'] as const) {
    test(`${provider}: send the same body and share one cache entry, either way round`, async () => {
      server = await answering();
      const cache = new ResponseCache(join(dir, `${provider}.sqlite`));
      const client = createClient(config(server.url, provider), { cache });
      await client.complete({ messages: user('spam?') });
      const second = await client.complete({ prompt: 'spam?' });
      expect(second.cached).toBe(true);
      await client.complete({ prompt: 'ham?' });
      const fourth = await client.complete({ messages: user('ham?') });
      expect(fourth.cached).toBe(true);
      expect(server.requests.length).toBe(2);
      // the prompt went out as that very message
      expect((server.requests[1]!.body as { messages: unknown }).messages).toEqual(user('ham?'));
      const keyer = cacheKeyer(config(server.url, provider));
      expect(keyer.key({ prompt: 'x' })).toBe(keyer.key({ messages: user('x') }));
      await client.close();
      cache.close();
    });
  }

  test('requests whose bodies differ keep their own keys', () => {
    const keyer = cacheKeyer(config('http://127.0.0.1:1', 'openai-chat'));
    const prompt = keyer.key({ prompt: 'x' });
    expect(keyer.key({ messages: [{ role: 'system', content: 'x' }] })).not.toBe(prompt);
    expect(keyer.key({ messages: [...user('x'), ...user('x')] })).not.toBe(prompt);
    const named = [{ role: 'user', content: 'x', name: 'alice' }] as unknown as ChatMessage[];
    expect(keyer.key({ messages: named })).not.toBe(prompt);
    expect(keyer.key({ prompt: 'x', sampleIndex: 1 })).toBe(prompt); // temperature 0
  });

  test('the key of a request with messages is what it always was', () => {
    const cfg = config('http://127.0.0.1:1/v1', 'openai-chat');
    const keyer = cacheKeyer(cfg);
    const messages = user('x');
    const before = cacheKey({
      provider: 'openai-chat',
      baseUrl: 'http://127.0.0.1:1/v1',
      model: 'm',
      params: { temperature: 0 },
      messages,
    });
    expect(keyer.key({ messages })).toBe(before);
  });

  test('an entry a prompt was stored under before is still found, with no request sent', async () => {
    server = await answering();
    const path = join(dir, 'legacy.sqlite');
    const cache = new ResponseCache(path);
    const oldKey = cacheKey({
      provider: 'openai-chat',
      baseUrl: new URL(server.url).href,
      model: 'm',
      params: { temperature: 0 },
      prompt: 'old question',
    });
    cache.put(oldKey, {
      text: 'stored long ago',
      finishReason: 'stop',
      usage: { inputTokens: 3, outputTokens: 3, source: 'server' },
      timing: {},
      provider: 'openai-chat',
      model: 'm',
    });
    const client = createClient(config(server.url, 'openai-chat'), { cache });
    const c = await client.complete({ prompt: 'old question' });
    expect(c.cached).toBe(true);
    expect(c.text).toBe('stored long ago');
    expect(server.requests.length).toBe(0);
    await client.close();
    cache.close();
  });

  test('openai-completions keeps a prompt and messages apart', () => {
    const keyer = cacheKeyer(config('http://127.0.0.1:1', 'openai-completions'));
    expect(keyer.key({ prompt: 'x' })).not.toBe(keyer.key({ messages: user('x') }));
  });
});
