import { afterEach, describe, expect, test } from 'vitest';
import { createClient } from '../src/index.js';
import { failure } from './support/client-failure.js';
import { type LocalServer, startLocalServer } from './support/local-server.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const sse = (data: unknown, event?: string): string =>
  `${event === undefined ? '' : `event: ${event}\n`}data: ${JSON.stringify(data)}\n\n`;

/** Writes `frames`, waits for them to leave, then resets the connection. */
function resetAfter(frames: string[]) {
  return startLocalServer(async (_body, res, req) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const f of frames) res.write(f);
    await new Promise((r) => setTimeout(r, 30));
    req.socket.resetAndDestroy();
  });
}

const chat = (model = 'gpt-4o-mini') =>
  createClient({
    provider: 'openai-chat',
    baseUrl: `${server!.url}/v1`,
    model,
    streaming: true,
    tokenizer: 'estimate',
    retry: { maxRetries: 2, baseDelayMs: 1 },
  });

describe('a stream reset after its finish reason', () => {
  test('OpenAI: the answer is kept, counted locally, and not paid for again', async () => {
    server = await resetAfter([
      sse({ choices: [{ index: 0, delta: { content: 'Hello there' }, finish_reason: null }] }),
      sse({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }),
    ]);
    const client = chat();
    const done = await client.complete({ prompt: 'hi' });
    expect(done.text).toBe('Hello there');
    expect(done.finishReason).toBe('stop');
    expect(done.usage.source).toBe('estimate');
    expect(server.requests).toHaveLength(1);
    await client.close();
  });

  test('OpenAI: a reset before the finish reason is a truncated stream, retried', async () => {
    server = await resetAfter([
      sse({ choices: [{ index: 0, delta: { content: 'Hel' }, finish_reason: null }] }),
    ]);
    const client = chat();
    const error = await failure(client.complete({ prompt: 'hi' }));
    expect(error.code).toBe('TRUNCATED_STREAM');
    expect(error.message).toContain('after HTTP 200: the answer broke off');
    expect(server.requests).toHaveLength(3);
    await client.close();
  });

  test('Anthropic: a reset after message_delta with a stop reason keeps the answer', async () => {
    server = await resetAfter([
      sse(
        { type: 'message_start', message: { usage: { input_tokens: 7, output_tokens: 1 } } },
        'message_start',
      ),
      sse(
        { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hi' } },
        'content_block_delta',
      ),
      sse(
        { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 2 } },
        'message_delta',
      ),
    ]);
    const client = createClient(
      {
        provider: 'anthropic',
        baseUrl: `${server.url}/v1`,
        model: 'claude-3-5-haiku-20241022',
        apiKeyEnv: 'K',
        streaming: true,
        retry: { maxRetries: 2, baseDelayMs: 1 },
      },
      { env: { K: 'sk-ant-test' } },
    );
    const done = await client.complete({ prompt: 'hi' });
    expect(done.text).toBe('Hi');
    expect(done.finishReason).toBe('stop');
    expect(done.usage).toMatchObject({ inputTokens: 7, outputTokens: 2, source: 'server' });
    expect(server.requests).toHaveLength(1);
    await client.close();
  });
});
