import { type ModelServer, startModelServer } from '@assay/model-server';
import { errors } from 'undici';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createClient } from '../src/index.js';
import { rejection, text, useLeanPools } from './support/lean-pool.js';
import { response, sleep } from './support/raw-http-server.js';

const SPAM = 'Subject: WIN A FREE PRIZE NOW!!! Click here to claim your cash reward, limited offer';
const JSON_HEADERS = { 'content-type': 'application/json' };

let model: ModelServer;
beforeAll(async () => {
  model = await startModelServer({ port: 0 });
});
afterAll(async () => {
  await model.close();
});

const { pool, raw, send } = useLeanPools();

function chatBody(stream: boolean): string {
  return JSON.stringify({
    model: 'assay-spam-nb',
    stream,
    ...(stream ? { stream_options: { include_usage: true } } : {}),
    messages: [{ role: 'user', content: SPAM }],
  });
}

/** The content deltas of an OpenAI chat stream, and its usage. */
function sseAnswer(body: string): { text: string; usage: unknown; done: boolean } {
  let answer = '';
  let usage: unknown;
  const data = body
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => line.slice(6));
  for (const event of data.filter((d) => d !== '[DONE]')) {
    const chunk = JSON.parse(event) as {
      choices: { delta: { content?: string } }[];
      usage: unknown;
    };
    answer += chunk.choices[0]?.delta.content ?? '';
    usage = chunk.usage ?? usage;
  }
  return { text: answer, usage, done: data.at(-1) === '[DONE]' };
}

describe('the lean HTTP/1.1 pool against the model server', () => {
  test('a chat completion: status, headers and the JSON answer', async () => {
    const p = pool(new URL(model.baseUrl).origin);
    const res = await send(p, chatBody(false), JSON_HEADERS, '/v1/chat/completions');
    expect(res.statusCode).toBe(200);
    expect(res.header('content-type')).toContain('application/json');
    expect(res.headers['content-type']).toBe(res.header('content-type'));
    const answer = JSON.parse(await text(res)) as {
      choices: { message: { content: string } }[];
      usage: { prompt_tokens: number; completion_tokens: number };
    };
    expect(answer.choices[0]!.message.content).toBe('spam');
    expect(answer.usage.prompt_tokens).toBeGreaterThan(5);
    expect(res.destroyed).toBe(true);
  });

  test('a streamed chat completion arrives in pieces, whole, with its usage and [DONE]', async () => {
    const p = pool(new URL(model.baseUrl).origin);
    const res = await send(
      p,
      chatBody(true),
      { ...JSON_HEADERS, 'x-assay-explain': '1', 'x-assay-fault': 'token-delay=2' },
      '/v1/chat/completions',
    );
    expect(res.statusCode).toBe(200);
    expect(res.header('content-type')).toContain('text/event-stream');
    expect(res.header('transfer-encoding')).toBe('chunked');
    const pieces: string[] = [];
    await res.read((piece) => {
      pieces.push(piece.toString());
      return true;
    });
    expect(pieces.length).toBeGreaterThan(3);
    const answer = sseAnswer(pieces.join(''));
    expect(answer.done).toBe(true);
    expect(answer.text.length).toBeGreaterThan(10);
    expect(answer.usage).toMatchObject({ prompt_tokens: expect.any(Number) });
  });

  test('many requests over two connections all get their answers', async () => {
    const p = pool(new URL(model.baseUrl).origin, { connections: 2 });
    const answers = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const res = await send(p, chatBody(i % 2 === 0), JSON_HEADERS, '/v1/chat/completions');
        expect(p.connections).toBeLessThanOrEqual(2);
        const body = await text(res);
        return i % 2 === 0
          ? sseAnswer(body).text
          : (JSON.parse(body) as { choices: { message: { content: string } }[] }).choices[0]!
              .message.content;
      }),
    );
    expect(answers).toEqual(Array.from({ length: 20 }, () => 'spam'));
    expect(model.stats().completions).toBeGreaterThanOrEqual(20);
  });
});

describe('keep-alive', () => {
  test('two requests in turn share one connection', async () => {
    const server = await raw((r) => r.connection.socket.write(response(`echo ${r.body}`)));
    const p = pool(server.origin);
    expect(await text(await send(p, 'one'))).toBe('echo one');
    expect(await text(await send(p, 'two'))).toBe('echo two');
    expect(server.connections).toHaveLength(1);
    expect(p.connections).toBe(1);
  });

  test('connection: close: the client closes it, the next request goes on a new one', async () => {
    const server = await raw((r) =>
      r.connection.socket.write(
        response('bye', r.connection.index === 0 ? 'connection: close\r\n' : ''),
      ),
    );
    const p = pool(server.origin);
    expect(await text(await send(p))).toBe('bye');
    await server.connections[0]!.closed;
    expect(server.connections[0]!.closedByClient).toBe(true);
    expect(await text(await send(p))).toBe('bye');
    expect(server.connections).toHaveLength(2);
  });

  test('the server closing an idle connection: the next request succeeds on a new one', async () => {
    const server = await raw((r) => {
      r.connection.socket.write(response('ok'));
      setTimeout(() => r.connection.socket.end(), 20);
    });
    const p = pool(server.origin);
    expect(await text(await send(p))).toBe('ok');
    await server.connections[0]!.closed;
    expect(server.connections[0]!.closedByClient).toBe(false);
    await vi.waitFor(() => expect(p.connections).toBe(0));
    expect(await text(await send(p))).toBe('ok');
    expect(server.connections).toHaveLength(2);
  });

  test('keep-alive: timeout=2 (under the 2 s margin): the client closes it at once', async () => {
    const server = await raw((r) =>
      r.connection.socket.write(response('ok', 'keep-alive: timeout=2\r\n')),
    );
    const p = pool(server.origin);
    expect(await text(await send(p))).toBe('ok');
    await server.connections[0]!.closed;
    expect(server.connections[0]!.closedByClient).toBe(true);
    expect(p.connections).toBe(0);
    expect(await text(await send(p))).toBe('ok');
    expect(server.connections).toHaveLength(2);
  });

  test('keep-alive: timeout=3: reused at once, closed by the client about 1 s after', async () => {
    const server = await raw((r) =>
      r.connection.socket.write(response('ok', 'Keep-Alive: timeout=3, max=100\r\n')),
    );
    const p = pool(server.origin, { keepAliveMs: 30_000 });
    expect(await text(await send(p))).toBe('ok');
    expect(await text(await send(p))).toBe('ok');
    const idleFrom = performance.now();
    expect(server.connections).toHaveLength(1);
    await sleep(300);
    expect(p.connections).toBe(1);
    await server.connections[0]!.closed;
    expect(server.connections[0]!.closedByClient).toBe(true);
    expect(performance.now() - idleFrom).toBeGreaterThan(500);
    expect(p.connections).toBe(0);
  });

  test('the pool keepAliveMs bounds a longer server hint', async () => {
    const server = await raw((r) =>
      r.connection.socket.write(response('ok', 'keep-alive: timeout=600\r\n')),
    );
    const p = pool(server.origin, { keepAliveMs: 1_000 });
    expect(await text(await send(p))).toBe('ok');
    await server.connections[0]!.closed;
    expect(server.connections[0]!.closedByClient).toBe(true);
  });

  test('bytes on an idle connection: the client drops it, the next request goes on a new one', async () => {
    const server = await raw((r) => {
      r.connection.socket.write(response('ok'));
      setTimeout(() => r.connection.socket.write('HTTP/1.1 408 Request Timeout\r\n\r\n'), 20);
    });
    const p = pool(server.origin);
    expect(await text(await send(p))).toBe('ok');
    await server.connections[0]!.closed;
    expect(server.connections[0]!.closedByClient).toBe(true);
    expect(await text(await send(p))).toBe('ok');
    expect(server.connections).toHaveLength(2);
  });

  test('bytes after a whole response: the response stands, the connection is not reused', async () => {
    const server = await raw((r) => r.connection.socket.write(`${response('ok')}\r\n`));
    const p = pool(server.origin);
    expect(await text(await send(p))).toBe('ok');
    await server.connections[0]!.closed;
    expect(await text(await send(p))).toBe('ok');
    expect(server.connections).toHaveLength(2);
  });
});

describe('more requests than connections', () => {
  test('wait in a queue, first in first out, on one connection', async () => {
    const server = await raw((r) => {
      setTimeout(() => r.connection.socket.write(response(`done ${r.body}`)), 5);
    });
    const p = pool(server.origin, { connections: 1 });
    const bodies = Array.from({ length: 6 }, (_, i) => `r${i}`);
    const answers = await Promise.all(bodies.map(async (b) => text(await send(p, b))));
    expect(answers).toEqual(bodies.map((b) => `done ${b}`));
    expect(server.requests.map((r) => r.body.toString())).toEqual(bodies);
    expect(server.connections).toHaveLength(1);
  });

  test('all succeed, never more than `connections` sockets open', async () => {
    const server = await raw((r) => {
      setTimeout(() => r.connection.socket.write(response(`done ${r.body}`)), 20);
    });
    const p = pool(server.origin, { connections: 3 });
    const bodies = Array.from({ length: 15 }, (_, i) => `r${i}`);
    const answers = await Promise.all(
      bodies.map(async (b) => {
        const res = await send(p, b);
        expect(p.connections).toBeLessThanOrEqual(3);
        return text(res);
      }),
    );
    expect(answers).toEqual(bodies.map((b) => `done ${b}`));
    expect(server.maxOpen).toBe(3);
    expect(server.connections).toHaveLength(3);
    // the first three in line went first, each of the others after one of them ended
    expect(new Set(server.requests.slice(0, 3).map((r) => r.body.toString()))).toEqual(
      new Set(['r0', 'r1', 'r2']),
    );
  });
});

describe('the request bytes', () => {
  test('one write: request line, host, the headers, the body length in bytes, the body', async () => {
    const server = await raw((r) => r.connection.socket.write(response('ok')));
    const p = pool(server.origin);
    const body = '{"a":"héllo"}';
    await text(
      await send(
        p,
        body,
        { 'Content-Type': 'application/json', 'x-trace': 'abc', 'content-length': '999' },
        '/v1/chat/completions',
      ),
    );
    const [request] = server.requests;
    expect(request!.bytes.toString()).toBe(
      'POST /v1/chat/completions HTTP/1.1\r\n' +
        `host: 127.0.0.1:${server.port}\r\n` +
        'Content-Type: application/json\r\nx-trace: abc\r\n' +
        `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    expect(request!.reads).toBe(1);
  });

  test('a Host header of the caller replaces the origin', async () => {
    const server = await raw((r) => r.connection.socket.write(response('ok')));
    const p = pool(server.origin);
    await text(await send(p, 'x', { Host: 'api.example.test' }));
    expect(server.requests[0]!.head).toBe(
      'POST /v1/test HTTP/1.1\r\nHost: api.example.test\r\ncontent-length: 1',
    );
  });

  test.each([
    ['a value with CR/LF', { 'x-a': 'v\r\nx-injected: 1' }],
    ['a value with LF', { 'x-a': 'v\nx' }],
    ['a value with NUL', { 'x-a': 'v\0' }],
    ['a name that is not a token', { 'x a': 'v' }],
    ['a framing header', { 'Transfer-Encoding': 'chunked' }],
    ['a connection header', { connection: 'close' }],
  ])('%s is refused with UND_ERR_INVALID_ARG before anything is sent', async (_what, headers) => {
    const server = await raw((r) => r.connection.socket.write(response('ok')));
    const p = pool(server.origin);
    const error = await rejection(send(p, 'x', headers));
    expect(error).toBeInstanceOf(errors.InvalidArgumentError);
    expect(error.code).toBe('UND_ERR_INVALID_ARG');
    await sleep(50);
    expect(server.connections).toHaveLength(0);
    expect(p.connections).toBe(0);
  });

  // undici refuses these (isValidHeaderValue, invalidPathRegex); the lean transport sends them
  test.each([
    ['a header value with a control byte', { 'x-a': 'a\x01b' }, '/v1/test'],
    ['a header value with DEL', { 'x-a': 'a\x7fb' }, '/v1/test'],
    ['a header value beyond latin1 (sent mangled)', { 'x-a': 'caf€' }, '/v1/test'],
    ['a path with a space', {}, '/v1/a b'],
    ['a path with CR/LF', {}, '/v1/x HTTP/1.1\r\nx-injected: 1\r\n\r\nPOST /v1/y'],
  ])('as undici: %s is refused with UND_ERR_INVALID_ARG', async (_what, headers, path) => {
    const server = await raw((r) => r.connection.socket.write(response('ok')));
    const p = pool(server.origin, { headersMs: 300 });
    const error = await rejection(send(p, 'x', headers, path));
    expect(error.code).toBe('UND_ERR_INVALID_ARG');
    expect(server.requests).toHaveLength(0);
  });
});

describe('benchmark mode (createClient) sends through the lean transport', () => {
  test('a streamed completion has the same answer, usage and chunk times as through undici', async () => {
    const completions = [];
    for (const benchmarkMode of [true, false]) {
      const client = createClient({
        provider: 'openai-chat',
        baseUrl: model.baseUrl,
        model: 'assay-spam-nb',
        streaming: true,
        benchmarkMode,
      });
      model.resetStats();
      completions.push(
        await client.complete({
          messages: [{ role: 'user', content: SPAM }],
          headers: { 'x-assay-explain': '1', 'x-assay-fault': 'token-delay=1' },
        }),
      );
      expect(model.stats().completions).toBe(1);
      await client.close();
    }
    const [lean, undici] = completions;
    expect(lean!.text.length).toBeGreaterThan(10);
    expect(lean!.text).toBe(undici!.text);
    expect(lean!.finishReason).toBe(undici!.finishReason);
    expect(lean!.usage).toEqual(undici!.usage);
    expect(lean!.usage.source).toBe('server');
    const record = lean!.record;
    expect(record.streamed).toBe(true);
    expect(record.status).toBe(200);
    expect(record.errorClass).toBeUndefined();
    expect(record.contentChunkTimes.length).toBeGreaterThan(3);
    expect(record.contentChunkTimes.length).toBe(undici!.record.contentChunkTimes.length);
    expect(record.ttftMs).toBeGreaterThan(0);
    expect(record.inputTokens).toBe(undici!.record.inputTokens);
    expect(record.outputTokens).toBe(undici!.record.outputTokens);
  });
});
