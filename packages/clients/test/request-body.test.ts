import { afterEach, describe, expect, test } from 'vitest';
import { type ChatMessage, createClient } from '../src/index.js';
import { type LocalServer, startLocalServer } from './support/local-server.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function echoServer(): Promise<LocalServer> {
  return startLocalServer((_body, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ choices: [{ message: { content: 'ok' }, finish_reason: 'stop' }] }));
  });
}

describe('request bodies', () => {
  test('a frozen request sent many times carries its own body every time', async () => {
    server = await echoServer();
    const client = createClient({
      provider: 'openai-chat',
      baseUrl: `${server.url}/v1`,
      model: 'm',
    });
    const a = Object.freeze({ prompt: 'first é' });
    const b = Object.freeze({
      messages: Object.freeze([
        Object.freeze({ role: 'user', content: 'second' }),
      ]) as ChatMessage[],
    });
    for (const request of [a, b, a, b]) await client.complete(request);
    const sent = server.requests.map((r) => (r.body as { messages: ChatMessage[] }).messages);
    expect(sent).toEqual([
      [{ role: 'user', content: 'first é' }],
      [{ role: 'user', content: 'second' }],
      [{ role: 'user', content: 'first é' }],
      [{ role: 'user', content: 'second' }],
    ]);
    await client.close();
  });

  test('a request changed between sends is sent as changed (only frozen ones are reused)', async () => {
    server = await echoServer();
    const client = createClient({
      provider: 'openai-chat',
      baseUrl: `${server.url}/v1`,
      model: 'm',
    });
    const messages: ChatMessage[] = [{ role: 'user', content: 'one' }];
    const request = { messages };
    await client.complete(request);
    messages.push({ role: 'assistant', content: 'ok' }, { role: 'user', content: 'two' });
    await client.complete(request);
    // frozen request, but a message inside it is not frozen: still rebuilt
    const loose = { role: 'user' as const, content: 'three' };
    const shallow = Object.freeze({ messages: Object.freeze([loose]) as ChatMessage[] });
    await client.complete(shallow);
    loose.content = 'four';
    await client.complete(shallow);
    const sent = server.requests.map((r) => (r.body as { messages: ChatMessage[] }).messages);
    expect(sent[1]).toHaveLength(3);
    expect(sent[1]![2]!.content).toBe('two');
    expect(sent[2]![0]!.content).toBe('three');
    expect(sent[3]![0]!.content).toBe('four');
    await client.close();
  });
});
