import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { ConnectionDialer } from '../src/http/connection-dialer.js';
import { createClient, type ModelClient } from '../src/index.js';

/** A loopback HTTP server that answers every chat request with one SSE chunk and counts connections. */
interface CountingServer {
  readonly url: string;
  readonly sockets: Set<Socket>;
  connections: number;
  close(): Promise<void>;
}

function answer(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  const chunk = { choices: [{ index: 0, delta: { content: 'ham' }, finish_reason: 'stop' }] };
  res.end(`data: ${JSON.stringify(chunk)}\n\ndata: [DONE]\n\n`);
}

async function startCountingServer(): Promise<CountingServer> {
  const http: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => answer(res));
  });
  const counting: CountingServer = {
    url: '',
    sockets: new Set(),
    connections: 0,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
  http.on('connection', (socket: Socket) => {
    counting.connections++;
    counting.sockets.add(socket);
    socket.on('close', () => counting.sockets.delete(socket));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return Object.assign(counting, { url: `http://127.0.0.1:${port}` });
}

let server: CountingServer | undefined;
let client: ModelClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

function clientFor(url: string, max: number): ModelClient {
  return createClient({
    provider: 'openai-chat',
    baseUrl: `${url}/v1`,
    model: 'm',
    streaming: true,
    benchmarkMode: true,
    retry: { maxRetries: 0 },
    concurrency: { max },
    timeouts: { connectMs: 2_000, headersMs: 2_000, totalMs: 2_000 },
  });
}

/** Lets the server's accept callbacks run (the client's connects complete before them). */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 100));

const ask = { messages: [{ role: 'user' as const, content: 'hi' }] };

describe('connections opened ahead (preconnect)', () => {
  test('the requests use the connections opened ahead and open none of their own', async () => {
    server = await startCountingServer();
    client = clientFor(server.url, 8);
    expect(await client.preconnect(8)).toBe(8);
    await settle();
    expect(server.connections).toBe(8);
    const answers = await Promise.all(Array.from({ length: 8 }, () => client!.complete(ask)));
    expect(answers.map((a) => a.text)).toEqual(Array(8).fill('ham'));
    await settle();
    expect(server.connections).toBe(8);
    // asking again opens nothing: the pool already has them
    expect(await client.preconnect(8)).toBe(8);
    await settle();
    expect(server.connections).toBe(8);
  });

  test('never more connections than concurrency.max', async () => {
    server = await startCountingServer();
    client = clientFor(server.url, 3);
    expect(await client.preconnect(10)).toBe(3);
    await settle();
    expect(server.connections).toBe(3);
  });

  test('an idle connection that the server closed is not given to a request', async () => {
    server = await startCountingServer();
    client = clientFor(server.url, 4);
    expect(await client.preconnect(2)).toBe(2);
    await settle();
    const closed = [...server.sockets].map(
      (s) => new Promise<void>((resolve) => s.once('close', () => resolve())),
    );
    for (const socket of server.sockets) socket.destroy();
    await Promise.all(closed);
    // the client sees the FIN soon after; a request then connects anew and succeeds
    await settle();
    const answer = await client.complete(ask);
    expect(answer.text).toBe('ham');
    await settle();
    expect(server.connections).toBe(3);
  });

  test('an unreachable origin gives no connections and no error', async () => {
    const gone = await startCountingServer();
    const url = gone.url;
    await gone.close();
    client = clientFor(url, 4);
    expect(await client.preconnect(4)).toBe(0);
  });

  test('the dialer opens every connection asked for, a few at a time', async () => {
    server = await startCountingServer();
    const dialer = new ConnectionDialer(2_000, 2);
    expect(await dialer.preopen(new URL(server.url), 10)).toBe(10);
    expect(dialer.spare).toBe(10);
    await settle();
    expect(server.connections).toBe(10);
    dialer.close();
    expect(dialer.spare).toBe(0);
  });
});
