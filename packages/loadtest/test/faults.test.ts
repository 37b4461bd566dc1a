import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseFaultSpec, startModelServer, trainSpamModel } from '@assay/model-server';
import { describe, expect, test } from 'vitest';
import {
  type LoadTestOptions,
  loadDatasetWorkload,
  resolveLoadTest,
  runLoadTest,
} from '../src/index.js';

const model = trainSpamModel();
const workload = await loadDatasetWorkload('builtin:spam-assassin');

function run(baseUrl: string, options: Partial<LoadTestOptions>) {
  return runLoadTest(
    resolveLoadTest({ baseUrl, model: 'assay-spam-nb', maxTokens: 4, ignoreEos: true, ...options }),
    { workload },
  );
}

async function htmlServer(): Promise<{ server: Server; url: string }> {
  // a web server that is not a model service: HTML 404 pages for every path
  const server = createServer((_req, res) => {
    res.writeHead(404, { 'content-type': 'text/html' });
    res.end('<!doctype html><html><body><h1>Not Found</h1></body></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1` };
}

describe('faults end the run within its bounds, counted by class', () => {
  test('an unreachable URL: every request fails as connection', async () => {
    const { result } = await run('http://127.0.0.1:9/v1', { concurrency: 2, requests: 6 });
    expect(result.requests).toMatchObject({ scheduled: 6, completed: 0, failed: 6 });
    expect(result.requests.byError).toEqual({ connection: 6 });
  });

  test('HTML 404 answers are counted as http_404', async () => {
    const { server, url } = await htmlServer();
    try {
      const { result } = await run(url, { rate: 20, requests: 8 });
      expect(result.requests.byError).toEqual({ http_404: 8 });
      expect(result.latencyMs.e2e.p50).toBeNull();
    } finally {
      server.close();
    }
  });

  test('a server answering 429 to everything: all failures are http_429, none retried', async () => {
    const server = await startModelServer({ model, faults: parseFaultSpec('status=429') });
    try {
      const { result } = await run(server.baseUrl, {
        concurrency: 2,
        requests: 10,
        slo: 'e2e_p99<=1000,error_rate<=0.01',
      });
      expect(result.requests.byError).toEqual({ http_429: 10 });
      expect(server.stats().completions).toBe(10);
      expect(result.goodput?.fraction).toBe(0);
      expect(result.sloPassed?.passed).toBe(false);
    } finally {
      await server.close();
    }
  });

  test('stalled streams end at the request timeout as timeout failures', async () => {
    const server = await startModelServer({ model, faults: parseFaultSpec('stall') });
    try {
      const started = performance.now();
      const { result } = await run(server.baseUrl, { rate: 10, requests: 3, timeoutMs: 400 });
      expect(result.requests.byError).toEqual({ timeout: 3 });
      // 3 arrivals over 0.3 s, each cut at 0.4 s: far under the margin
      expect(performance.now() - started).toBeLessThan(30_000);
    } finally {
      await server.close();
    }
  });

  test('a server killed mid-run: the requests after it fail as connection', async () => {
    const server = await startModelServer({ model, engine: { batchSlots: 2, stepMs: 10 } });
    setTimeout(() => void server.close(), 400);
    const { result } = await run(server.baseUrl, { concurrency: 2, durationMs: 1500 });
    expect(result.requests.completed).toBeGreaterThan(0);
    const failures = Object.keys(result.requests.byError);
    expect(failures.length).toBeGreaterThan(0);
    for (const key of failures) expect(['connection', 'malformed_response']).toContain(key);
  });
});
