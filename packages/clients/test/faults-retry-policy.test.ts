import { getEventListeners } from 'node:events';
import { describe, expect, test } from 'vitest';
import { freePort } from '../../../test-support/free-port.js';
import { type ClientConfig, createClient } from '../src/index.js';
import { failure } from './support/client-failure.js';
import { EMAIL, useFaultServer } from './support/fault-server.js';

const { server, config } = useFaultServer();

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

  test('a retry signal cuts a Retry-After backoff short: ABORTED, no second attempt', async () => {
    const client = createClient(config(false, { retry: { maxRetryAfterMs: 60_000 } }));
    const stopRetries = new AbortController();
    const pending = client.complete(
      {
        messages: [{ role: 'user', content: EMAIL }],
        headers: { 'x-assay-fault': 'status=429;retry-after=30;fail-first=1;key=stop-retries' },
      },
      { retrySignal: stopRetries.signal },
    );
    const deadline = Date.now() + 20_000;
    while ((server.stats().byPath['/v1/chat/completions'] ?? 0) < 1 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    stopRetries.abort();
    const error = await failure(pending);
    expect(error.code).toBe('ABORTED');
    expect(error.message).toContain('was aborted during retry backoff');
    expect(server.stats().byPath['/v1/chat/completions']).toBe(1);
    // an attempt in flight is not cut: a stopped retry signal only refuses the next retry
    const answered = await client.complete(
      { messages: [{ role: 'user', content: EMAIL }] },
      { retrySignal: stopRetries.signal },
    );
    expect(answered.text.length).toBeGreaterThan(0);
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
