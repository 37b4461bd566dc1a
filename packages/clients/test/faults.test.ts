import { getEventListeners } from 'node:events';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { freePort } from '../../../test-support/free-port.js';
import {
  type ClientConfig,
  createClient,
  type ErrorClass,
  type StreamEvent,
} from '../src/index.js';
import { failure } from './support/client-failure.js';
import { type LocalServer, startLocalServer } from './support/local-server.js';

let server: ModelServer;
beforeAll(async () => {
  server = await startModelServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.resetStats();
});

const EMAIL =
  'Subject: cheap watches\n\nBuy cheap replica watches now, limited offer, click the link';

function config(streaming: boolean, extra: Partial<ClientConfig> = {}): ClientConfig {
  return {
    provider: 'openai-chat',
    baseUrl: server.baseUrl,
    model: 'assay-spam-nb',
    streaming,
    retry: { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 50 },
    timeouts: { connectMs: 5_000, headersMs: 5_000, totalMs: 800 },
    ...extra,
  };
}

const FAULTS: Array<{ fault: string; errorClass: ErrorClass; code: string }> = [
  { fault: 'status=500', errorClass: 'http_status', code: 'HTTP_STATUS' },
  { fault: 'status=503', errorClass: 'http_status', code: 'HTTP_STATUS' },
  { fault: 'status=429;retry-after=0', errorClass: 'http_status', code: 'HTTP_STATUS' },
  { fault: 'reset', errorClass: 'connection', code: 'CONNECTION' },
  { fault: 'truncate', errorClass: 'truncated_stream', code: 'TRUNCATED_STREAM' },
  { fault: 'stall', errorClass: 'timeout', code: 'TIMEOUT' },
  { fault: 'malformed', errorClass: 'malformed_response', code: 'MALFORMED_RESPONSE' },
];

for (const streaming of [false, true]) {
  describe(`faults, ${streaming ? 'streamed' : 'not streamed'}`, () => {
    for (const { fault, errorClass, code } of FAULTS) {
      test(`${fault} with retries off is recorded as ${errorClass}, sent exactly once`, async () => {
        const client = createClient(config(streaming, { benchmarkMode: true }));
        const error = await failure(
          client.complete({
            messages: [{ role: 'user', content: EMAIL }],
            headers: { 'x-assay-fault': fault },
          }),
        );
        expect(error.code).toBe(code);
        expect(error.record?.errorClass).toBe(errorClass);
        expect(error.record?.retries).toBe(0);
        expect(error.record?.attempts.length).toBe(1);
        if (errorClass === 'http_status') expect(error.status).toBeGreaterThanOrEqual(429);
        expect(server.stats().byPath['/v1/chat/completions']).toBe(1);
        expect(client.stats().failures[errorClass]).toBe(1);
        await client.close();
      });

      if (errorClass !== 'malformed_response') {
        test(`${fault} on the first try is retried and then succeeds`, async () => {
          const client = createClient(config(streaming));
          const key = `${fault.replace(/[^a-z0-9]/g, '')}-${streaming}`;
          const c = await client.complete({
            messages: [{ role: 'user', content: EMAIL }],
            headers: { 'x-assay-fault': `${fault};fail-first=1;key=${key}` },
          });
          expect(c.text.length).toBeGreaterThan(0);
          expect(c.record.retries).toBe(1);
          expect(c.record.attempts[0]!.errorClass).toBe(errorClass);
          expect(c.record.attempts[1]!.errorClass).toBeUndefined();
          expect(c.record.errorClass).toBeUndefined();
          expect(server.stats().byPath['/v1/chat/completions']).toBe(2);
          await client.close();
        });
      }
    }

    test('a malformed response is not retried by default (sent once) but is with retryMalformed', async () => {
      const once = createClient(config(streaming));
      const error = await failure(
        once.complete({
          messages: [{ role: 'user', content: EMAIL }],
          headers: { 'x-assay-fault': 'malformed;fail-first=1;key=m1' },
        }),
      );
      expect(error.code).toBe('MALFORMED_RESPONSE');
      expect(error.message).toMatch(/malformed/);
      expect(server.stats().byPath['/v1/chat/completions']).toBe(1);
      const again = createClient(
        config(streaming, {
          retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20, retryMalformed: true },
        }),
      );
      const c = await again.complete({
        messages: [{ role: 'user', content: EMAIL }],
        headers: { 'x-assay-fault': `malformed;fail-first=1;key=m2-${streaming}` },
      });
      expect(c.record.retries).toBe(1);
      await Promise.all([once.close(), again.close()]);
    });
  });
}

/** The failure of each of six requests sent at once by a client whose retry budget is 0. */
type BudgetFailure = Error & { record?: { retries: number } };
async function sixOnNoBudget(
  overrides: Partial<ClientConfig>,
  headers?: Record<string, string>,
): Promise<{ client: ReturnType<typeof createClient>; errors: BudgetFailure[] }> {
  const client = createClient({
    ...config(false, { retry: { maxRetries: 5, baseDelayMs: 1, maxDelayMs: 2, budget: 0 } }),
    ...overrides,
  });
  const results = await Promise.allSettled(
    Array.from({ length: 6 }, () =>
      client.complete({
        messages: [{ role: 'user', content: EMAIL }],
        ...(headers ? { headers } : {}),
      }),
    ),
  );
  expect(results.every((r) => r.status === 'rejected')).toBe(true);
  return {
    client,
    errors: results.map((r) => (r as PromiseRejectedResult).reason as BudgetFailure),
  };
}

describe('retry policy against the server', () => {
  test('a 400 is not retried: one request, HTTP_STATUS with the status and the body quoted', async () => {
    const client = createClient(config(false));
    const error = await failure(
      client.complete({
        messages: [{ role: 'user', content: EMAIL }],
        headers: { 'x-assay-fault': 'status=400' },
      }),
    );
    expect(error.code).toBe('HTTP_STATUS');
    expect(error.status).toBe(400);
    expect(error.message).toContain('HTTP 400');
    expect(error.message).toContain('injected status 400');
    expect(server.stats().byPath['/v1/chat/completions']).toBe(1);
    await client.close();
  });

  test('the global retry budget caps retries across requests', async () => {
    const { client } = await sixOnNoBudget({}, { 'x-assay-fault': 'status=500' });
    // budget 0 leaves the floor of 10 retries in total, not 6 × 5 = 30.
    expect(client.stats().retries).toBe(10);
    expect(server.stats().byPath['/v1/chat/completions']).toBe(16);
    await client.close();
  });

  test('a failure the spent budget kept from a retry is counted and says so', async () => {
    const { client, errors } = await sixOnNoBudget({}, { 'x-assay-fault': 'status=500' });
    // 10 retries in all: the requests not given all 5 were stopped by the budget
    const stopped = errors.filter((e) => e.record!.retries < 5);
    expect(stopped.length).toBeGreaterThanOrEqual(4);
    expect(client.stats().notRetriedBudget).toBe(stopped.length);
    for (const e of stopped) {
      expect(e.message).toContain(
        "Not retried: the client's retry budget (at most 10 + retry.budget 0 × requests) was spent.",
      );
    }
    for (const e of errors.filter((x) => x.record!.retries === 5)) {
      expect(e.message).not.toContain('Not retried');
    }
    await client.close();
  });

  test('a refused connection kept from a retry by the spent budget says first that the service could not be reached', async () => {
    const port = await freePort();
    const { client, errors } = await sixOnNoBudget({ baseUrl: `http://127.0.0.1:${port}/v1` });
    const stopped = errors.filter((e) => e.record!.retries < 5);
    expect(stopped.length).toBeGreaterThanOrEqual(4);
    for (const e of stopped) {
      expect(e.message).toContain(`ECONNREFUSED 127.0.0.1:${port}`);
      expect(e.message).toContain(
        "The service could not be reached: check that it is running at the configured baseUrl; retries would not help until it is started, and this one was not retried because the client's retry budget (at most 10 + retry.budget 0 × requests) was spent on earlier failures.",
      );
      // the budget is no longer the first reason given
      expect(e.message).not.toContain('Not retried:');
    }
    await client.close();
  });

  test('persistent 500s stop after maxRetries: maxRetries + 1 requests', async () => {
    const client = createClient(config(false));
    const error = await failure(
      client.complete({
        messages: [{ role: 'user', content: EMAIL }],
        headers: { 'x-assay-fault': 'status=500' },
      }),
    );
    expect(error.record?.retries).toBe(3);
    expect(server.stats().byPath['/v1/chat/completions']).toBe(4);
    await client.close();
  });

  test('429 with Retry-After: 1 waits about a second before the retry', async () => {
    const client = createClient(config(false));
    const started = performance.now();
    const c = await client.complete({
      messages: [{ role: 'user', content: EMAIL }],
      headers: { 'x-assay-fault': 'status=429;retry-after=1;fail-first=1;key=ra' },
    });
    const elapsed = performance.now() - started;
    expect(c.record.attempts[0]!.status).toBe(429);
    expect(c.record.attempts[0]!.retryDelayMs).toBeGreaterThanOrEqual(1000);
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(10_000);
    await client.close();
  });

  test('a mixed workload with fail-first faults loses nothing', async () => {
    const client = createClient(
      config(false, {
        concurrency: { max: 8 },
        retry: { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 50, budget: 1 },
      }),
    );
    const n = 40;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        client.complete({
          messages: [{ role: 'user', content: `${EMAIL} #${i}` }],
          headers: i % 4 === 0 ? { 'x-assay-fault': `status=503;fail-first=2;key=mix-${i}` } : {},
        }),
      ),
    );
    expect(results.length).toBe(n);
    expect(results.every((c) => c.text.length > 0)).toBe(true);
    const retries = results.reduce((sum, c) => sum + c.record.retries, 0);
    expect(retries).toBe(20); // 10 faulted requests × 2 failures each
    expect(server.stats().byPath['/v1/chat/completions']).toBe(n + retries);
    expect(client.stats().succeeded).toBe(n);
    await client.close();
  });

  test('an aborted request rejects with ABORTED and is not retried', async () => {
    const client = createClient(config(false, { timeouts: { totalMs: 30_000 } }));
    const controller = new AbortController();
    const pending = client.complete(
      { messages: [{ role: 'user', content: EMAIL }], headers: { 'x-assay-fault': 'stall' } },
      { signal: controller.signal },
    );
    // Abort once the stalled request has reached the server, not after a fixed delay,
    // so that a loaded machine cannot abort it before it was sent.
    const deadline = Date.now() + 20_000;
    while ((server.stats().byPath['/v1/chat/completions'] ?? 0) < 1 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    controller.abort();
    const error = await failure(pending);
    expect(error.code).toBe('ABORTED');
    expect(error.record?.errorClass).toBe('abort');
    expect(server.stats().byPath['/v1/chat/completions']).toBe(1);
    await client.close();
  });

  test('one signal shared by many requests aborts every one in flight and keeps one listener', async () => {
    const client = createClient(config(false, { timeouts: { totalMs: 30_000 } }));
    const controller = new AbortController();
    const { signal } = controller;
    // requests that finish leave the signal as they found it
    for (let i = 0; i < 5; i++) {
      await client.complete({ messages: [{ role: 'user', content: EMAIL }] }, { signal });
    }
    expect(getEventListeners(signal, 'abort').length).toBeLessThanOrEqual(1);
    const stalled = Array.from({ length: 6 }, () =>
      failure(
        client.complete(
          { messages: [{ role: 'user', content: EMAIL }], headers: { 'x-assay-fault': 'stall' } },
          { signal },
        ),
      ),
    );
    const deadline = Date.now() + 20_000;
    while ((server.stats().byPath['/v1/chat/completions'] ?? 0) < 11 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(getEventListeners(signal, 'abort').length).toBeLessThanOrEqual(1);
    controller.abort();
    for (const error of await Promise.all(stalled)) expect(error.code).toBe('ABORTED');
    await client.close();
  });
});

describe('adaptive concurrency against the server', () => {
  test('a burst of 429s halves the limit once; successes grow it back by one', async () => {
    const client = createClient(
      config(false, {
        benchmarkMode: true,
        concurrency: { max: 8, min: 1, adaptive: true, increaseAfter: 3 },
      }),
    );
    expect(client.stats().concurrencyLimit).toBe(8);
    // A burst as wide as the limit: every request was sent before the decrease it causes.
    const burst = (width: number) =>
      Promise.allSettled(
        Array.from({ length: width }, () =>
          client.complete({
            messages: [{ role: 'user', content: EMAIL }],
            headers: { 'x-assay-fault': 'status=429;retry-after=0' },
          }),
        ),
      );
    await burst(8);
    expect(client.stats().concurrencyLimit).toBe(4);
    await burst(4);
    expect(client.stats().concurrencyLimit).toBe(2);
    for (let i = 0; i < 3; i++)
      await client.complete({ messages: [{ role: 'user', content: EMAIL }] });
    expect(client.stats().concurrencyLimit).toBe(3);
    expect(client.stats().concurrencyDecreases).toBe(2);
    await client.close();
  });
});

const IDLE_MS = 300;
// Far above the idle timeout: a failure within it can only be the idle timeout's.
const TOTAL_MS = 20_000;
const IDLE_TIMEOUTS = { idleMs: IDLE_MS, totalMs: TOTAL_MS };

describe('idle timeout (timeouts.idleMs) against the server', () => {
  for (const streaming of [false, true]) {
    const mode = streaming ? 'streamed' : 'not streamed';

    test(`a stalled body (${mode}) fails as a timeout after idleMs, not totalMs`, async () => {
      const client = createClient(
        config(streaming, { benchmarkMode: true, timeouts: IDLE_TIMEOUTS }),
      );
      const error = await failure(
        client.complete({
          messages: [{ role: 'user', content: EMAIL }],
          headers: { 'x-assay-fault': 'stall' },
        }),
      );
      expect(error.code).toBe('TIMEOUT');
      expect(error.record?.errorClass).toBe('timeout');
      expect(error.status).toBeUndefined();
      expect(error.message).toContain(
        `stalled: no byte arrived for ${IDLE_MS} ms (config.timeouts.idleMs)`,
      );
      // undici checks body timeouts on a coarse clock (about half a second).
      expect(error.record!.e2eLatencyMs!).toBeGreaterThanOrEqual(IDLE_MS - 5);
      expect(error.record!.e2eLatencyMs!).toBeLessThan(5_000);
      await client.close();
    });

    test(`a stall on the first try (${mode}) is retried as timeouts are, then succeeds`, async () => {
      const client = createClient(config(streaming, { timeouts: IDLE_TIMEOUTS }));
      const c = await client.complete({
        messages: [{ role: 'user', content: EMAIL }],
        headers: { 'x-assay-fault': `stall;fail-first=1;key=idle-${streaming}` },
      });
      expect(c.text.length).toBeGreaterThan(0);
      expect(c.record.retries).toBe(1);
      const stalled = c.record.attempts[0]!;
      expect(stalled.errorClass).toBe('timeout');
      expect(stalled.endAt - stalled.sentAt).toBeLessThan(5_000);
      expect(client.stats().attemptFailures.timeout).toBe(1);
      expect(server.stats().byPath['/v1/chat/completions']).toBe(2);
      await client.close();
    });
  }

  test('a slow stream whose every gap is under idleMs is not cut, however long it runs', async () => {
    const client = createClient(config(true, { benchmarkMode: true, timeouts: IDLE_TIMEOUTS }));
    const c = await client.complete({
      messages: [{ role: 'user', content: EMAIL }],
      headers: { 'x-assay-fault': 'token-delay=50', 'x-assay-explain': '1' },
    });
    expect(c.finishReason).toBe('stop');
    expect(c.record.contentChunkTimes.length).toBeGreaterThan(4);
    expect(c.record.e2eLatencyMs!).toBeGreaterThan(2 * IDLE_MS);
    await client.close();
  });

  test('idleMs must be a positive integer', () => {
    for (const idleMs of [0, -5, 2.5]) {
      expect(() => createClient(config(false, { timeouts: { idleMs } }))).toThrow(
        expect.objectContaining({ code: 'INVALID_CONFIG', path: 'timeouts.idleMs' }),
      );
    }
  });
});

describe('timeouts.idleMs against a server that stops mid-stream', () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  test('stream(): deltas already yielded, then silence: a timeout, not retried', async () => {
    server = await startLocalServer((_body, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {"choices":[{"index":0,"delta":{"content":"sp"}}]}\n\n');
      res.write('data: {"choices":[{"index":0,"delta":{"content":"am"}}]}\n\n');
    });
    const client = createClient({
      provider: 'openai-chat',
      baseUrl: `${server.url}/v1`,
      model: 'm',
      timeouts: IDLE_TIMEOUTS,
    });
    const seen: StreamEvent[] = [];
    const error = await failure(
      (async () => {
        for await (const event of client.stream({ prompt: 'hi' })) seen.push(event);
      })(),
    );
    expect(seen.map((e) => (e.type === 'content' ? e.delta : e.type))).toEqual(['sp', 'am']);
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toContain('(config.timeouts.idleMs)');
    expect(error.record?.attempts.length).toBe(1);
    expect(server.requests.length).toBe(1);
    await client.close();
  });
});

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
