import { afterEach, describe, expect, test } from 'vitest';
import { createClient } from '../src/index.js';
import { failure } from './support/client-failure.js';
import { type LocalServer, startLocalServer } from './support/local-server.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const chat = (streaming: boolean) =>
  createClient({
    provider: 'openai-chat',
    baseUrl: `${server!.url}/v1`,
    model: 'gpt-4o-mini',
    streaming,
    tokenizer: 'estimate',
    retry: { maxRetries: 2, baseDelayMs: 1 },
  });

describe("OpenAI's error object in a 200 answer", () => {
  test("is the server's error, retried when it is a server error, quoted as the server wrote it", async () => {
    server = await startLocalServer((_body, res) => {
      const first = server!.requests.length === 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          first
            ? {
                error: {
                  message: 'The server had an error processing your request.',
                  type: 'server_error',
                },
              }
            : {
                choices: [
                  {
                    index: 0,
                    message: { role: 'assistant', content: 'ok' },
                    finish_reason: 'stop',
                  },
                ],
                usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
              },
        ),
      );
    });
    const client = chat(false);
    const done = await client.complete({ prompt: 'hi' });
    expect(done.text).toBe('ok');
    expect(server.requests).toHaveLength(2);
    await client.close();
  });

  test('an error object that stays is IN_STREAM_ERROR quoting what the server said, not a shape error', async () => {
    server = await startLocalServer((_body, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: { message: 'Unknown parameter: foo.', type: 'invalid_request_error' },
        }),
      );
    });
    const client = chat(false);
    const error = await failure(client.complete({ prompt: 'hi' }));
    expect(error.code).toBe('IN_STREAM_ERROR');
    expect(error.message).toContain('invalid_request_error: Unknown parameter: foo.');
    expect(error.message).not.toContain('expected');
    // retried as an error event in a stream is (the client cannot tell it passes or not)
    expect(server.requests).toHaveLength(3);
    await client.close();
  });
});

describe('a usage chunk without a choices key', () => {
  test('ends the stream as an empty choices array does, keeping the answer and its usage', async () => {
    const sse = (data: unknown): string => `data: ${JSON.stringify(data)}\n\n`;
    server = await startLocalServer((_body, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(sse({ choices: [{ index: 0, delta: { content: 'Hello' }, finish_reason: null }] }));
      res.write(sse({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }));
      res.write(
        sse({ id: 'x', usage: { prompt_tokens: 7, completion_tokens: 2, total_tokens: 9 } }),
      );
      res.end('data: [DONE]\n\n');
    });
    const client = chat(true);
    const done = await client.complete({ prompt: 'hi' });
    expect(done.text).toBe('Hello');
    expect(done.usage).toMatchObject({ inputTokens: 7, outputTokens: 2, source: 'server' });
    await client.close();
  });
});
