import { errors } from 'undici';
import { describe, expect, test } from 'vitest';
import { rejection, text, useLeanPools } from './support/lean-pool.js';
import { closedPort, response, sleep } from './support/raw-http-server.js';

const { pool, raw, send, scope } = useLeanPools();

const CHUNKED = 'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n';

describe('timeouts and limits of the lean pool', () => {
  test('no head within headersMs: UND_ERR_HEADERS_TIMEOUT, and the connection is closed', async () => {
    const server = await raw(() => {});
    const p = pool(server.origin, { headersMs: 150 });
    const error = await rejection(send(p));
    expect(error).toBeInstanceOf(errors.HeadersTimeoutError);
    expect(error.code).toBe('UND_ERR_HEADERS_TIMEOUT');
    await server.connections[0]!.closed;
    expect(server.connections[0]!.closedByClient).toBe(true);
    expect(p.connections).toBe(0);
  });

  test('a body that stalls for idleMs: read() rejects with UND_ERR_BODY_TIMEOUT', async () => {
    const server = await raw((r) =>
      r.connection.socket.write('HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\nabc'),
    );
    const p = pool(server.origin, { idleMs: 150 });
    const res = await send(p);
    const error = await rejection(text(res));
    expect(error).toBeInstanceOf(errors.BodyTimeoutError);
    expect(error.code).toBe('UND_ERR_BODY_TIMEOUT');
    expect(res.destroyed).toBe(true);
    await server.connections[0]!.closed;
  });

  test('a body slower in all than idleMs, but never idle that long, is read whole', async () => {
    const server = await raw(async (r) => {
      r.connection.socket.write(`${CHUNKED}`);
      for (let i = 0; i < 8; i++) {
        await sleep(50);
        r.connection.socket.write(`1\r\n${i}\r\n`);
      }
      r.connection.socket.write('0\r\n\r\n');
    });
    const p = pool(server.origin, { idleMs: 300 });
    expect(await text(await send(p))).toBe('01234567');
  });

  test.each([
    ['content-length', (body: string) => response(body)],
    ['chunked', (body: string) => `${CHUNKED}${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`],
  ])(
    'a %s body of maxResponseBytes is read; one byte more: UND_ERR_RES_EXCEEDED_MAX_SIZE',
    async (_framing, frame) => {
      const server = await raw((r) =>
        r.connection.socket.write(frame('x'.repeat(Number(r.body.toString())))),
      );
      const p = pool(server.origin, { maxResponseBytes: 100 });
      expect(await text(await send(p, '100'))).toBe('x'.repeat(100));
      const res = await send(p, '101');
      const error = await rejection(text(res));
      expect(error).toBeInstanceOf(errors.ResponseExceededMaxSizeError);
      expect(error.code).toBe('UND_ERR_RES_EXCEEDED_MAX_SIZE');
      await server.connections[0]!.closed;
      expect(server.connections[0]!.closedByClient).toBe(true);
    },
  );

  test('a body over maxResponseBytes in pieces fails at the piece that passes it', async () => {
    const server = await raw(async (r) => {
      r.connection.socket.write(CHUNKED);
      for (let i = 0; i < 4; i++) {
        r.connection.socket.write(`32\r\n${'y'.repeat(50)}\r\n`);
        await sleep(20);
      }
    });
    const p = pool(server.origin, { maxResponseBytes: 120 });
    let read = 0;
    const res = await send(p);
    const error = await rejection(
      res.read((piece) => {
        read += piece.length;
        return true;
      }),
    );
    expect(error.code).toBe('UND_ERR_RES_EXCEEDED_MAX_SIZE');
    expect(read).toBeLessThanOrEqual(120);
  });
});

describe('a connection that breaks', () => {
  test.each([
    ['content-length', 'HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\nsome of it'],
    ['chunked', `${CHUNKED}a\r\nsome of it\r\n`],
  ])(
    'the server closing mid-body (%s): read() rejects with UND_ERR_SOCKET',
    async (_framing, bytes) => {
      const server = await raw((r) => r.connection.socket.end(bytes));
      const p = pool(server.origin);
      const res = await send(p);
      const pieces: string[] = [];
      const error = await rejection(res.read((piece) => pieces.push(piece.toString()) > 0));
      expect(error).toBeInstanceOf(errors.SocketError);
      expect(error.code).toBe('UND_ERR_SOCKET');
      expect(pieces.join('')).toBe('some of it');
    },
  );

  test('a body that runs until close ends when the server closes; the next request goes on a new connection', async () => {
    const server = await raw((r) => r.connection.socket.end('HTTP/1.1 200 OK\r\n\r\nall of it'));
    const p = pool(server.origin);
    expect(await text(await send(p))).toBe('all of it');
    expect(await text(await send(p))).toBe('all of it');
    expect(server.connections).toHaveLength(2);
  });

  test('a reset before the head: ECONNRESET or UND_ERR_SOCKET', async () => {
    const server = await raw((r) => r.connection.socket.resetAndDestroy());
    const p = pool(server.origin);
    const error = await rejection(send(p));
    expect(['ECONNRESET', 'UND_ERR_SOCKET']).toContain(error.code);
    expect(p.connections).toBe(0);
  });

  test('the server closing before the head: UND_ERR_SOCKET', async () => {
    const server = await raw((r) => r.connection.socket.end());
    const p = pool(server.origin);
    const error = await rejection(send(p));
    expect(error.code).toBe('UND_ERR_SOCKET');
  });

  test('a malformed head: the parser error and its HPE_ code, the connection closed', async () => {
    const server = await raw((r) =>
      r.connection.socket.write('HTTP/1.1 200 OK\r\nbad header\r\n\r\n'),
    );
    const p = pool(server.origin);
    const error = await rejection(send(p));
    expect(error).toBeInstanceOf(errors.HTTPParserError);
    expect(error.code).toBe('HPE_INVALID_HEADER_TOKEN');
    await server.connections[0]!.closed;
    expect(server.connections[0]!.closedByClient).toBe(true);
  });

  test('connection refused: every request in line learns ECONNREFUSED', async () => {
    const port = await closedPort();
    const p = pool(`http://127.0.0.1:${port}`, { connections: 1 });
    const errors3 = await Promise.all([send(p), send(p), send(p)].map(rejection));
    expect(errors3.map((e) => e.code)).toEqual(['ECONNREFUSED', 'ECONNREFUSED', 'ECONNREFUSED']);
    expect(p.connections).toBe(0);
  });
});

describe('aborting a request', () => {
  test('while it waits in the queue: rejects with the reason, never sent; the line moves on', async () => {
    let release: () => void = () => {};
    const server = await raw((r) => {
      if (r.body.toString() === 'first') release = () => r.connection.socket.write(response('one'));
      else r.connection.socket.write(response('later'));
    });
    const p = pool(server.origin, { connections: 1 });
    const first = send(p, 'first');
    const controller = new AbortController();
    const queued = p.dispatch(
      { path: '/v1/test', headers: {}, body: 'queued' },
      scope(controller.signal),
    );
    const reason = new Error('caller gave up');
    controller.abort(reason);
    expect(await rejection(queued)).toBe(reason);
    await sleep(20);
    release();
    expect(await text(await first)).toBe('one');
    expect(await text(await send(p, 'next'))).toBe('later');
    expect(server.requests.map((r) => r.body.toString())).toEqual(['first', 'next']);
    expect(server.connections).toHaveLength(1);
  });

  test('in flight, before the head: rejects with the reason, the server sees the connection close', async () => {
    const server = await raw(() => {});
    const p = pool(server.origin);
    const controller = new AbortController();
    const sent = p.dispatch({ path: '/v1/test', headers: {}, body: 'x' }, scope(controller.signal));
    while (server.requests.length === 0) await sleep(5);
    const reason = new Error('stop');
    controller.abort(reason);
    expect(await rejection(sent)).toBe(reason);
    await server.connections[0]!.closed;
    expect(server.connections[0]!.closedByClient).toBe(true);
    expect(p.connections).toBe(0);
  });

  test('in flight, mid-body: read() rejects with the reason, the connection closes', async () => {
    const server = await raw((r) => r.connection.socket.write(`${CHUNKED}3\r\nabc\r\n`));
    const p = pool(server.origin);
    const s = scope();
    const res = await p.dispatch({ path: '/v1/test', headers: {}, body: 'x' }, s);
    const reading = rejection(text(res));
    await sleep(20);
    const reason = new Error('enough');
    s.abort(reason);
    expect(await reading).toBe(reason);
    await server.connections[0]!.closed;
    expect(server.connections[0]!.closedByClient).toBe(true);
  });

  test('with a scope aborted already: rejects at once, nothing is sent', async () => {
    const server = await raw((r) => r.connection.socket.write(response('ok')));
    const p = pool(server.origin);
    const reason = new Error('before');
    const error = await rejection(
      p.dispatch({ path: '/v1/test', headers: {}, body: 'x' }, scope(AbortSignal.abort(reason))),
    );
    expect(error).toBe(reason);
    await sleep(50);
    expect(server.requests).toHaveLength(0);
  });

  test("the scope's total timeout: rejects with its TimeoutError", async () => {
    const server = await raw(() => {});
    const p = pool(server.origin);
    const error = await rejection(
      p.dispatch({ path: '/v1/test', headers: {}, body: 'x' }, scope(undefined, 150)),
    );
    expect(error).toBeInstanceOf(DOMException);
    expect(error.name).toBe('TimeoutError');
  });
});

describe('close() and destroy()', () => {
  test('close() waits for the request in flight, then refuses a new one with UND_ERR_CLOSED', async () => {
    let release: () => void = () => {};
    const server = await raw((r) => {
      release = () => r.connection.socket.write(response('last'));
    });
    const p = pool(server.origin);
    const res = send(p);
    while (server.requests.length === 0) await sleep(5);
    let closed = false;
    const closing = p.close().then(() => {
      closed = true;
    });
    await sleep(50);
    expect(closed).toBe(false);
    release();
    expect(await text(await res)).toBe('last');
    await closing;
    expect(p.connections).toBe(0);
    await server.connections[0]!.closed;
    const error = await rejection(send(p));
    expect(error).toBeInstanceOf(errors.ClientClosedError);
    expect(error.code).toBe('UND_ERR_CLOSED');
  });

  test('close() closes idle connections at once', async () => {
    const server = await raw((r) => r.connection.socket.write(response('ok')));
    const p = pool(server.origin);
    await text(await send(p));
    await p.close();
    await server.connections[0]!.closed;
    expect(server.connections[0]!.closedByClient).toBe(true);
  });

  test('close() called twice while a request is in flight: both resolve', async () => {
    let release: () => void = () => {};
    const server = await raw((r) => {
      release = () => r.connection.socket.write(response('ok'));
    });
    const p = pool(server.origin);
    const res = send(p);
    while (server.requests.length === 0) await sleep(5);
    const closings = [p.close(), p.close()];
    release();
    await text(await res);
    const settled = await Promise.race([Promise.all(closings).then(() => 'both'), sleep(1_000)]);
    expect(settled).toBe('both');
  });

  test.each([
    ['destroy()', (res: { destroy(): void }) => res.destroy(), true],
    ['a reader that returns false', () => {}, false],
  ])(
    '%s mid-body closes that connection; the next request still works',
    async (_how, stop, more) => {
      const server = await raw((r) => {
        if (r.connection.index === 0) r.connection.socket.write(`${CHUNKED}3\r\nabc\r\n`);
        else r.connection.socket.write(response('fresh'));
      });
      const p = pool(server.origin);
      const res = await send(p);
      const reading = res.read(() => more);
      await sleep(20);
      stop(res);
      await reading;
      expect(res.destroyed).toBe(true);
      await server.connections[0]!.closed;
      expect(server.connections[0]!.closedByClient).toBe(true);
      expect(await text(await send(p))).toBe('fresh');
      expect(server.connections).toHaveLength(2);
    },
  );

  test('read() after destroy() settles (undici rejects it with RequestAbortedError)', async () => {
    const server = await raw((r) => r.connection.socket.write(`${CHUNKED}3\r\nabc\r\n`));
    const p = pool(server.origin);
    const res = await send(p);
    res.destroy();
    const settled = await Promise.race([
      res
        .read(() => true)
        .then(
          () => 'resolved',
          () => 'rejected',
        ),
      sleep(1_000).then(() => 'pending'),
    ]);
    expect(settled).not.toBe('pending');
  });
});
