import { afterEach, describe, expect, test } from 'vitest';
import { createClient } from '../src/index.js';
import { failure } from './support/client-failure.js';
import { type LocalServer, startLocalServer } from './support/local-server.js';

describe('a streamed request answered with something that is not a stream', () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function streamedFailure(answer: (res: import('node:http').ServerResponse) => void) {
    server = await startLocalServer((_body, res) => answer(res));
    const client = createClient({
      provider: 'openai-chat',
      baseUrl: `${server.url}/v1`,
      model: 'm',
      streaming: true,
      benchmarkMode: true,
    });
    const error = await failure(client.complete({ prompt: 'hi' }));
    await client.close();
    return error;
  }

  test('a 200 HTML page (a proxy, a wrong URL) is malformed_response quoting the page, not connection', async () => {
    const error = await streamedFailure((res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><body><h1>Welcome to nginx!</h1></body></html>');
    });
    expect(error.code).toBe('MALFORMED_RESPONSE');
    expect(error.record?.errorClass).toBe('malformed_response');
    expect(error.record?.status).toBe(200);
    expect(error.message).toContain('an event stream (text/event-stream), not text/html');
    expect(error.message).toContain('Welcome to nginx!');
  });

  test('an event-stream content type over a body without one event is malformed_response', async () => {
    const error = await streamedFailure((res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end('upstream connect error or disconnect/reset before headers\n');
    });
    expect(error.code).toBe('MALFORMED_RESPONSE');
    expect(error.message).toContain('expected server-sent events');
    expect(error.message).toContain('upstream connect error');
  });

  test('a stream cut after its first events is a truncated stream, not an unreachable service', async () => {
    const error = await streamedFailure((res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end('data: {"choices":[{"index":0,"delta":{"content":"sp"}}]}\n\n');
    });
    expect(error.code).toBe('TRUNCATED_STREAM');
    expect(error.record?.errorClass).toBe('truncated_stream');
    expect(error.message).toContain('ended before its final event');
  });
});
