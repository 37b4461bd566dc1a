import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ModelServer, startModelServer } from '../src/index.js';
import { chatBody, getJson, post, SAMPLE, sseData } from './support/http.js';

let server: ModelServer;
let url: string;

beforeAll(async () => {
  server = await startModelServer({ seed: 42 });
  url = `${server.baseUrl}/chat/completions`;
});
afterAll(() => server.close());

const chat = (
  fault: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) => post(url, chatBody(SAMPLE.spam, extra), { 'x-assay-fault': fault, ...headers });

/** Reads a streaming response until `quietMs` pass with no new data; then aborts. */
async function readUntilQuiet(fault: string, quietMs: number, stream = true) {
  const controller = new AbortController();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-assay-fault': fault },
    body: JSON.stringify(chatBody(SAMPLE.spam, { stream })),
    signal: controller.signal,
  });
  const reader = res.body!.getReader();
  let text = '';
  const decoder = new TextDecoder();
  let ended = false;
  for (;;) {
    const next = reader.read();
    const winner = await Promise.race([
      next,
      new Promise<'quiet'>((resolve) => setTimeout(() => resolve('quiet'), quietMs)),
    ]);
    if (winner === 'quiet') break;
    if (winner.done) {
      ended = true;
      break;
    }
    text += decoder.decode(winner.value, { stream: true });
  }
  controller.abort();
  await reader.cancel().catch(() => undefined);
  return { status: res.status, text, ended };
}

describe('status faults', () => {
  test('429 carries Retry-After and x-ratelimit-reset-requests', async () => {
    const reply = await chat('status=429;retry-after=3');
    expect(reply.status).toBe(429);
    expect(reply.headers.get('retry-after')).toBe('3');
    expect(reply.headers.get('x-ratelimit-reset-requests')).toBe('3s');
    const error = JSON.parse(reply.text).error;
    expect(error.code).toBe('rate_limit_exceeded');
    expect(error.message).toMatch(/Rate limit/);
  });

  test('429 without retry-after still says when to retry (1 s)', async () => {
    const reply = await chat('status=429');
    expect(reply.headers.get('retry-after')).toBe('1');
  });

  test.each([500, 503])(
    'status=%i answers that status with a server_error body',
    async (status) => {
      const reply = await chat(`status=${status}`);
      expect(reply.status).toBe(status);
      expect(JSON.parse(reply.text).error.type).toBe('server_error');
    },
  );

  test('fail-first=2 fails twice per key, then succeeds; other keys are independent', async () => {
    const fault = 'fail-first=2;key=retry-demo';
    expect((await chat(fault)).status).toBe(503);
    expect((await chat('fail-first=1;key=other')).status).toBe(503);
    expect((await chat(fault)).status).toBe(503);
    const third = await chat(fault);
    expect(third.status).toBe(200);
    expect(JSON.parse(third.text).choices[0].message.content).toBe('spam');
    expect((await chat('fail-first=1;key=other')).status).toBe(200);
  });

  test('rate=0 never fails, rate=1 always does', async () => {
    expect((await chat('status=500;rate=0')).status).toBe(200);
    expect((await chat('status=500;rate=1')).status).toBe(500);
  });
});

describe('connection and body faults', () => {
  test('reset destroys the socket before any response', async () => {
    const outcome = await new Promise<string>((resolve) => {
      const req = request(
        url,
        {
          method: 'POST',
          headers: { 'x-assay-fault': 'reset', 'content-type': 'application/json' },
        },
        (res) => resolve(`response ${res.statusCode}`),
      );
      req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
      req.end(JSON.stringify(chatBody('hi')));
    });
    expect(outcome).toBe('ECONNRESET');
  });

  test('malformed answers 200 with a body that is not JSON', async () => {
    const reply = await chat('malformed');
    expect(reply.status).toBe(200);
    expect(() => JSON.parse(reply.text)).toThrow();
  });

  test('malformed stream carries an invalid JSON event', async () => {
    const data = sseData((await chat('malformed', { stream: true })).text);
    expect(data.some((d) => d !== '[DONE]' && !isJson(d))).toBe(true);
  });

  test('truncate cuts a non-stream body mid-JSON', async () => {
    const reply = await chat('truncate');
    expect(reply.status).toBe(200);
    expect(reply.text.length).toBeGreaterThan(10);
    expect(() => JSON.parse(reply.text)).toThrow();
  });

  test('truncate ends a stream without finish_reason and without [DONE]', async () => {
    const reply = await chat('truncate', { stream: true }, { 'x-assay-explain': '1' });
    const data = sseData(reply.text);
    expect(data.length).toBeGreaterThan(1);
    expect(data).not.toContain('[DONE]');
    for (const d of data) expect(JSON.parse(d).choices[0].finish_reason).toBeNull();
  });

  test('stall sends the first chunk, then nothing until the client aborts', async () => {
    const result = await readUntilQuiet('stall', 600);
    expect(result.status).toBe(200);
    expect(result.ended).toBe(false);
    const data = sseData(result.text);
    expect(data).toHaveLength(1);
    expect(JSON.parse(data[0]!).choices[0].delta.role).toBe('assistant');
  });

  test('stall on a non-stream request sends headers and no body', async () => {
    const result = await readUntilQuiet('stall', 400, false);
    expect(result.status).toBe(200);
    expect(result.text).toBe('');
    expect(result.ended).toBe(false);
  });
});

describe('load injection', () => {
  test('latency delays the answer', async () => {
    const started = performance.now();
    const reply = await chat('latency=300');
    expect(reply.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
  });

  test('lognormal latency with sigma 0 waits the median', async () => {
    const started = performance.now();
    await chat('latency=lognormal:250:0');
    expect(performance.now() - started).toBeGreaterThanOrEqual(230);
  });

  test('token-delay spaces streamed tokens', async () => {
    const started = performance.now();
    const reply = await chat('token-delay=40', { stream: true }, { 'x-assay-explain': '1' });
    const tokens = sseData(reply.text).length - 3;
    expect(tokens).toBeGreaterThan(5);
    expect(performance.now() - started).toBeGreaterThanOrEqual(tokens * 40 * 0.9);
    expect(sseData(reply.text).at(-1)).toBe('[DONE]');
  });
});

describe('server-wide faults', () => {
  test('server defaults apply; the header overrides them; none drops them', async () => {
    const faulty = await startModelServer({
      faults: { failure: { kind: 'status', status: 500 } },
      modelName: 'faulty',
    });
    try {
      const u = `${faulty.baseUrl}/chat/completions`;
      expect((await post(u, chatBody('hi'))).status).toBe(500);
      expect((await post(u, chatBody('hi'), { 'x-assay-fault': 'status=503' })).status).toBe(503);
      expect((await post(u, chatBody('hi'), { 'x-assay-fault': 'none' })).status).toBe(200);
      expect(faulty.stats().faultsInjected).toEqual({ 'status-500': 1, 'status-503': 1 });
    } finally {
      await faulty.close();
    }
  });

  test('close() returns promptly while a stalled stream is open', async () => {
    const other = await startModelServer();
    const controller = new AbortController();
    const res = await fetch(`${other.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { 'x-assay-fault': 'stall;latency=0' },
      body: JSON.stringify(chatBody('hi', { stream: true })),
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    const started = performance.now();
    await other.close();
    expect(performance.now() - started).toBeLessThan(5_000);
    controller.abort();
  });

  test('fault counters are reported by /stats', async () => {
    server.resetStats();
    await chat('status=429');
    await chat('latency=1');
    const stats = await getJson(`${server.url}/stats`);
    expect(stats.faultsInjected).toEqual({ 'status-429': 1, latency: 1 });
    expect(stats.completions).toBe(2);
  });
});

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
