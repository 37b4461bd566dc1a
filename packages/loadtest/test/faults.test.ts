import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseFaultSpec, startModelServer, trainSpamModel } from '@assay/model-server';
import { describe, expect, test } from 'vitest';
import {
  type LoadTestOptions,
  loadDatasetWorkload,
  resolveLoadTest,
  runLoadTest,
  summarizeRecords,
  untimedAnswers,
  untimedAnswersWarning,
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

/** A 200 event stream that carries no token: only `[DONE]`, or a usage chunk then `[DONE]`. */
async function tokenlessServer(usage: boolean): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const chunk = usage
        ? 'data: {"id":"x","object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":3,"total_tokens":8}}\n\n'
        : '';
      res.end(`${chunk}data: [DONE]\n\n`);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1` };
}

describe('a 200 answer without any token is a failure, as vLLM counts it', () => {
  for (const usage of [false, true])
    test(`${usage ? 'a usage chunk only' : 'only [DONE]'}: empty_response, no latency, goodput 0`, async () => {
      const { server, url } = await tokenlessServer(usage);
      try {
        const { result, records } = await run(url, {
          concurrency: 2,
          requests: 6,
          slo: 'e2e_p99<=5000',
        });
        expect(result.requests).toMatchObject({ completed: 0, failed: 6 });
        expect(result.requests.byError).toEqual({ empty_response: 6 });
        expect(result.latencyMs.e2e.p50).toBeNull();
        expect(result.goodput?.fraction).toBe(0);
        expect(result.sloPassed?.passed).toBe(false);
        for (const r of records) expect(r.errorClass).toBe('empty_response');
      } finally {
        server.close();
      }
    });

  test('normal answers of the reference server are not touched', async () => {
    const server = await startModelServer({ model });
    try {
      const { result } = await run(server.baseUrl, { concurrency: 2, requests: 6 });
      expect(result.requests).toMatchObject({ completed: 6, failed: 0 });
      expect(result.requests.byError).toEqual({});
    } finally {
      await server.close();
    }
  });
});

/** A server that answers a streamed request with one chat.completion JSON body after 40 ms. */
async function jsonBodyServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () =>
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: 'x',
            object: 'chat.completion',
            choices: [
              {
                index: 0,
                message: { role: 'assistant', content: 'spam spam spam spam spam' },
                finish_reason: 'stop',
              },
            ],
            usage: { prompt_tokens: 5, completion_tokens: 5, total_tokens: 10 },
          }),
        );
      }, 40),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1` };
}

describe('an answer sent as one JSON body, not a stream', () => {
  test('keeps TTFT = e2e but has no TPOT or ITL (it read TPOT 0, passing any bound), and is counted', async () => {
    const { server, url } = await jsonBodyServer();
    try {
      const { result, records } = await run(url, {
        concurrency: 2,
        requests: 6,
        slo: 'tpot_p99<=1',
      });
      expect(result.requests).toMatchObject({ completed: 6, failed: 0 });
      expect(result.latencyMs.ttft.p50).toBeGreaterThanOrEqual(40);
      expect(result.latencyMs.ttft.p50).toBeCloseTo(result.latencyMs.e2e.p50!, 0);
      expect(result.latencyMs.tpot.p50).toBeNull();
      expect(result.latencyMs.itl.p50).toBeNull();
      // the summary is still what the records recompute to
      expect(summarizeRecords(records).latencyMs).toEqual(result.latencyMs);
      expect(untimedAnswers(records)).toBe(6);
      expect(untimedAnswersWarning(6)).toMatch(
        /^6 answers came as one JSON body, not an event stream/,
      );
    } finally {
      server.close();
    }
  });

  test('the reference server streams: no answer is untimed', async () => {
    const server = await startModelServer({ model });
    try {
      const { records } = await run(server.baseUrl, { concurrency: 2, requests: 6 });
      expect(untimedAnswers(records)).toBe(0);
      expect(untimedAnswersWarning(0)).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});

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

  test('a 200 stream cut short (half its events, no [DONE]) is truncated_stream, not connection', async () => {
    // every answer truncated: each has 4 tokens (--ignore-eos), of which the fault sends half
    const server = await startModelServer({ model, faults: parseFaultSpec('truncate') });
    try {
      const { result, records } = await run(server.baseUrl, { concurrency: 2, requests: 6 });
      expect(result.requests.byError).toEqual({ truncated_stream: 6 });
      for (const r of records) expect(r.status).toBe(200);
    } finally {
      await server.close();
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

  test("a record's errorClass is the class the summary counts it under (http_503), and an older record's http_status still counts there", async () => {
    const server = await startModelServer({ model, faults: parseFaultSpec('status=503') });
    try {
      const { result, records } = await run(server.baseUrl, { concurrency: 2, requests: 4 });
      expect(result.requests.byError).toEqual({ http_503: 4 });
      // the records said `http_status` beside status 503 while the summary said http_503
      for (const r of records) expect(r).toMatchObject({ status: 503, errorClass: 'http_503' });
      // a records file written before reads back to the same summary
      const older = [...records].map((r) => ({ ...r, errorClass: 'http_status' }));
      expect(summarizeRecords(older).requests.byError).toEqual({ http_503: 4 });
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

  test('a server killed mid-run: the requests after it fail as connection (or cut short)', async () => {
    const server = await startModelServer({ model, engine: { batchSlots: 2, stepMs: 10 } });
    setTimeout(() => void server.close(), 400);
    const { result } = await run(server.baseUrl, { concurrency: 2, durationMs: 1500 });
    expect(result.requests.completed).toBeGreaterThan(0);
    const failures = Object.keys(result.requests.byError);
    expect(failures.length).toBeGreaterThan(0);
    // streams in flight when it closed began with 200 and were cut short
    for (const key of failures)
      expect(['connection', 'malformed_response', 'truncated_stream']).toContain(key);
  });
});
