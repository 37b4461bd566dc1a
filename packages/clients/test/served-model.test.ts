import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createClient, ResponseCache, type StreamEvent, sameServedModel } from '../src/index.js';
import { type LocalServer, startLocalServer, writeSse } from './support/local-server.js';

let server: ModelServer;
let local: LocalServer | undefined;
beforeAll(async () => {
  server = await startModelServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  await local?.close();
  local = undefined;
});

const SPAM = 'Subject: WIN A FREE PRIZE NOW!!! Click here to claim your cash reward, limited offer';

describe('the model the service says answered (servedModel)', () => {
  test('an openai-chat completion records the response model, not the id asked for', async () => {
    const client = createClient({
      provider: 'openai-chat',
      baseUrl: server.baseUrl,
      model: 'gpt-4o-typo',
    });
    const c = await client.complete({ messages: [{ role: 'user', content: SPAM }] });
    expect(c.text).toBe('spam');
    expect(c.servedModel).toBe('assay-spam-nb');
    await client.close();
  });

  test('a streamed openai-chat completion records the model its chunks name', async () => {
    const client = createClient({
      provider: 'openai-chat',
      baseUrl: server.baseUrl,
      model: 'gpt-4o-typo',
    });
    const events: StreamEvent[] = [];
    for await (const e of client.stream({ messages: [{ role: 'user', content: SPAM }] })) {
      events.push(e);
    }
    const done = events.at(-1);
    if (done?.type !== 'done') throw new Error('no done event');
    expect(done.completion.servedModel).toBe('assay-spam-nb');
    await client.close();
  });

  test('an openai-completions completion records the response model, streamed or not', async () => {
    for (const streaming of [false, true]) {
      const client = createClient({
        provider: 'openai-completions',
        baseUrl: server.baseUrl,
        model: 'some-other-id',
        streaming,
      });
      const c = await client.complete({ prompt: SPAM });
      expect(c.servedModel).toBe('assay-spam-nb');
      await client.close();
    }
  });

  test('a cached completion keeps the served model of the answer it stores', async () => {
    const cache = new ResponseCache(':memory:');
    const client = createClient(
      { provider: 'openai-chat', baseUrl: server.baseUrl, model: 'gpt-4o-typo' },
      { cache },
    );
    const request = { messages: [{ role: 'user' as const, content: SPAM }] };
    const live = await client.complete(request);
    const hit = await client.complete(request);
    expect(live.cached).toBe(false);
    expect(hit.cached).toBe(true);
    expect(hit.servedModel).toBe('assay-spam-nb');
    await client.close();
    cache.close();
  });

  test('an anthropic message records message.model, streamed (message_start) or not', async () => {
    const message = {
      type: 'message',
      model: 'claude-3-5-haiku-20241022',
      content: [{ type: 'text', text: 'spam' }],
      stop_reason: 'end_turn',
      usage: { input_tokens: 12, output_tokens: 1 },
    };
    local = await startLocalServer((body, res) => {
      if (body.stream !== true) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(message));
        return;
      }
      writeSse(res, [
        {
          event: 'message_start',
          data: {
            type: 'message_start',
            message: { id: 'msg_1', model: message.model, usage: { input_tokens: 12 } },
          },
        },
        {
          event: 'content_block_delta',
          data: { type: 'content_block_delta', delta: { type: 'text_delta', text: 'spam' } },
        },
        {
          event: 'message_delta',
          data: {
            type: 'message_delta',
            delta: { stop_reason: 'end_turn' },
            usage: { output_tokens: 1 },
          },
        },
        { event: 'message_stop', data: { type: 'message_stop' } },
      ]);
    });
    for (const streaming of [false, true]) {
      const client = createClient({
        provider: 'anthropic',
        baseUrl: `${local.url}/v1`,
        model: 'claude-3-5-haiku-latest',
        streaming,
      });
      const c = await client.complete({ prompt: 'Buy now' });
      expect(c.servedModel).toBe('claude-3-5-haiku-20241022');
      await client.close();
    }
  });

  test('an http-json completion names no served model', async () => {
    local = await startLocalServer((_body, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ output: 'spam', model: 'not-read' }));
    });
    const client = createClient({
      provider: 'http-json',
      baseUrl: local.url,
      model: 'x',
      requestPath: '/generate',
      template: { input: '{{prompt}}' },
      paths: { text: '$.output' },
    });
    const c = await client.complete({ prompt: 'Buy now' });
    expect(c.text).toBe('spam');
    expect(c.servedModel).toBeUndefined();
    await client.close();
  });
});

describe('sameServedModel', () => {
  test('takes a dated or tagged version of the id asked for as the same model, not a longer name', () => {
    expect(sameServedModel('gpt-4o', 'gpt-4o-2024-08-06')).toBe(true);
    expect(sameServedModel('llama3', 'llama3:latest')).toBe(true);
    expect(sameServedModel('claude-3-5-haiku-latest', 'claude-3-5-haiku-20241022')).toBe(true);
    expect(sameServedModel('GPT-4o', 'gpt-4o')).toBe(true);
    expect(sameServedModel('gpt-4', 'gpt-4o')).toBe(false);
    expect(sameServedModel('gpt-4o-typo', 'assay-spam-nb')).toBe(false);
    expect(sameServedModel('gpt-4', 'gpt-4-0613')).toBe(true);
    expect(sameServedModel('claude-3-5-sonnet', 'claude-3-5-sonnet@20240620')).toBe(true);
    expect(sameServedModel('mistral-large', 'mistral-large-latest')).toBe(true);
    expect(sameServedModel('claude-3-5-haiku-latest', 'claude-3-5-sonnet-20241022')).toBe(false);
    // a longer name that adds a word is another, often cheaper, model
    expect(sameServedModel('gpt-4o', 'gpt-4o-mini')).toBe(false);
    expect(sameServedModel('gpt-4o', 'gpt-4o-mini-2024-07-18')).toBe(false);
    expect(sameServedModel('gpt-4', 'gpt-4-turbo')).toBe(false);
    expect(sameServedModel('llama3', 'llama3-latestish')).toBe(false);
    // a point release or a size is another model; a build number or v-number is a version
    expect(sameServedModel('gpt-4', 'gpt-4.1')).toBe(false);
    expect(sameServedModel('llama-3', 'llama-3-70b')).toBe(false);
    expect(sameServedModel('llama-3', 'llama-3-405b')).toBe(false);
    expect(sameServedModel('gemini-1.5-pro', 'gemini-1.5-pro-002')).toBe(true);
    expect(
      sameServedModel(
        'anthropic.claude-3-haiku-20240307',
        'anthropic.claude-3-haiku-20240307-v1:0',
      ),
    ).toBe(true);
    expect(sameServedModel('gpt-3.5-turbo', 'gpt-3.5-turbo-0125')).toBe(true);
    // the whole rest must be a version: a preview or a size after a build number is not
    expect(sameServedModel('gpt-4', 'gpt-4-1106-preview')).toBe(false);
    expect(sameServedModel('gpt-4', 'gpt-4-0125-preview')).toBe(false);
    expect(sameServedModel('llama3', 'llama3:70b')).toBe(false);
    expect(sameServedModel('gemma2', 'gemma2:27b')).toBe(false);
    expect(sameServedModel('phi3', 'phi3:mini')).toBe(false);
    // what only the request carries: a :latest or :free tag, a cross-region prefix
    expect(sameServedModel('llama3:latest', 'llama3')).toBe(true);
    expect(
      sameServedModel('meta-llama/llama-3-8b-instruct:free', 'meta-llama/llama-3-8b-instruct'),
    ).toBe(true);
    expect(
      sameServedModel(
        'us.anthropic.claude-3-haiku-20240307-v1:0',
        'anthropic.claude-3-haiku-20240307-v1:0',
      ),
    ).toBe(true);
    expect(sameServedModel('gpt-4o-2024-08-06', 'gpt-4o')).toBe(false);
  });

  test("takes Anthropic's -0 alias as its dated version, not as a later point release", () => {
    expect(sameServedModel('claude-sonnet-4-0', 'claude-sonnet-4-20250514')).toBe(true);
    expect(sameServedModel('claude-opus-4-0', 'claude-opus-4-20250514')).toBe(true);
    expect(sameServedModel('claude-sonnet-4-0', 'claude-sonnet-4-5-20250929')).toBe(false);
    expect(sameServedModel('claude-opus-4-0', 'claude-opus-4-1-20250805')).toBe(false);
    expect(sameServedModel('claude-sonnet-4-0', 'claude-haiku-4-5-20251001')).toBe(false);
  });
});
