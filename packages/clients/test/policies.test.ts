import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  AdaptiveConcurrency,
  ConcurrencyLimiter,
  createClient,
  isTransient,
  parseResetDuration,
  RateLimiter,
  RetryPolicy,
  retryAfterMs,
  TokenBucket,
} from '../src/index.js';

describe('ConcurrencyLimiter', () => {
  test('never admits more than the limit and serves waiters in order', async () => {
    const limiter = new ConcurrencyLimiter(3);
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        await limiter.acquire();
        order.push(i);
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 2));
        active--;
        limiter.release();
      }),
    );
    expect(peak).toBe(3);
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  test('an aborted wait rejects and does not take a slot', async () => {
    const limiter = new ConcurrencyLimiter(1);
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow(/aborted/);
    limiter.release();
    expect(limiter.active).toBe(0);
    await limiter.acquire();
    expect(limiter.active).toBe(1);
  });

  test('rejects a non-positive limit', () => {
    expect(() => new ConcurrencyLimiter(0)).toThrow(RangeError);
  });
});

describe('AdaptiveConcurrency', () => {
  test('halves on overload within [min, max], +1 after a run of successes, ignores stale overloads', () => {
    const limiter = new ConcurrencyLimiter(1);
    const adaptive = new AdaptiveConcurrency(limiter, { min: 2, max: 16, increaseAfter: 2 });
    expect(limiter.limit).toBe(16);
    const sentBefore = performance.now();
    adaptive.onOverload(performance.now());
    expect(limiter.limit).toBe(8);
    adaptive.onOverload(sentBefore); // sent before the decrease: same burst
    expect(limiter.limit).toBe(8);
    adaptive.onOverload(performance.now());
    adaptive.onOverload(performance.now());
    adaptive.onOverload(performance.now());
    expect(limiter.limit).toBe(2); // floor at min
    adaptive.onSuccess();
    expect(limiter.limit).toBe(2);
    adaptive.onSuccess();
    expect(limiter.limit).toBe(3);
    adaptive.onSuccess();
    adaptive.onOtherFailure(); // resets the run
    adaptive.onSuccess();
    expect(limiter.limit).toBe(3);
    for (let i = 0; i < 100; i++) adaptive.onSuccess();
    expect(limiter.limit).toBe(16); // capped at max
  });
});

describe('retry-after parsing', () => {
  test('seconds, HTTP dates, ms, reset durations and Anthropic reset times', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs({ 'retry-after': '2' }, now)).toBe(2000);
    expect(retryAfterMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }, now)).toBe(3000);
    expect(retryAfterMs({ 'retry-after-ms': '150', 'retry-after': '9' }, now)).toBe(150);
    expect(
      retryAfterMs({ 'x-ratelimit-reset-requests': '1s', 'x-ratelimit-reset-tokens': '20ms' }, now),
    ).toBe(1000);
    expect(retryAfterMs({ 'anthropic-ratelimit-tokens-reset': '2026-01-01T00:00:05Z' }, now)).toBe(
      5000,
    );
    expect(retryAfterMs({}, now)).toBeUndefined();
    expect(retryAfterMs({ 'retry-after': 'soon' }, now)).toBeUndefined();
  });

  test('Go-style durations', () => {
    expect(parseResetDuration('6m0s')).toBe(360_000);
    expect(parseResetDuration('1h2m3.5s')).toBe(3_723_500);
    expect(parseResetDuration('20ms')).toBe(20);
    expect(parseResetDuration('1.5')).toBe(1500);
    expect(parseResetDuration('fast')).toBeUndefined();
    expect(parseResetDuration('1s junk')).toBeUndefined();
  });
});

describe('RetryPolicy', () => {
  const base = {
    maxRetries: 3,
    baseDelayMs: 100,
    maxDelayMs: 1000,
    budget: 1,
    retryMalformed: false,
    maxRetryAfterMs: 5000,
  };

  test('what is transient', () => {
    for (const status of [408, 409, 429, 500, 502, 503, 529]) {
      expect(isTransient({ errorClass: 'http_status', status }, false)).toBe(true);
    }
    for (const status of [400, 401, 403, 404, 422]) {
      expect(isTransient({ errorClass: 'http_status', status }, false)).toBe(false);
    }
    expect(isTransient({ errorClass: 'timeout' }, false)).toBe(true);
    expect(isTransient({ errorClass: 'connection' }, false)).toBe(true);
    expect(isTransient({ errorClass: 'in_stream_error' }, false)).toBe(true);
    expect(isTransient({ errorClass: 'abort' }, true)).toBe(false);
    expect(isTransient({ errorClass: 'malformed_response' }, false)).toBe(false);
    expect(isTransient({ errorClass: 'malformed_response' }, true)).toBe(true);
  });

  test('full jitter stays within [0, min(cap, base·2^k)]', () => {
    const high = new RetryPolicy({ ...base, random: () => 0.999999 });
    const low = new RetryPolicy({ ...base, random: () => 0 });
    for (const p of [high, low]) for (let i = 0; i < 10; i++) p.onRequest();
    const delays = [0, 1, 2].map((k) => high.decide({ errorClass: 'timeout' }, k));
    expect(delays.map((d) => (d.retry ? Math.round(d.delayMs) : -1))).toEqual([100, 200, 400]);
    const capped = new RetryPolicy({ ...base, maxRetries: 10, random: () => 0.999999 });
    capped.onRequest();
    const d = capped.decide({ errorClass: 'timeout' }, 6);
    expect(d.retry && Math.round(d.delayMs)).toBe(1000);
    const zero = low.decide({ errorClass: 'timeout' }, 2);
    expect(zero.retry && zero.delayMs).toBe(0);
  });

  test('a Retry-After hint replaces the backoff; too long a hint is not retried', () => {
    const p = new RetryPolicy({ ...base, random: () => 0 });
    p.onRequest();
    const d = p.decide(
      { errorClass: 'http_status', status: 429, headers: { 'retry-after': '3' } },
      0,
    );
    expect(d).toEqual({ retry: true, delayMs: 3000 });
    const far = p.decide(
      { errorClass: 'http_status', status: 429, headers: { 'retry-after': '60' } },
      0,
    );
    expect(far.retry).toBe(false);
  });

  test('maxRetries per request', () => {
    const p = new RetryPolicy(base);
    p.onRequest();
    expect(p.decide({ errorClass: 'timeout' }, 3)).toEqual({
      retry: false,
      reason: 'maxRetries (3) reached',
    });
  });
});

describe('TokenBucket and RateLimiter', () => {
  test('rpm spaces requests evenly after the first second of burst (loose)', async () => {
    // 1200 rpm = 20/s, bucket of 20: 40 takes need about 1 s.
    const limiter = new RateLimiter({ rpm: 1200 });
    const started = performance.now();
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        await limiter.acquire(0);
        times.push(performance.now() - started);
      }),
    );
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThan(800);
    expect(elapsed).toBeLessThan(5000);
    expect(times.filter((t) => t < 100).length).toBeLessThanOrEqual(21);
    limiter.dispose();
  });

  test('tpm: a take larger than the bucket waits for a full bucket, then leaves a debt', async () => {
    const bucket = new TokenBucket(6000, 100); // 100 tokens/s
    await bucket.take(250); // full bucket: passes, debt of 150
    expect(bucket.available).toBeLessThan(-140);
    const started = performance.now();
    await bucket.take(10);
    // needs about (150 + 10) / 100 s
    expect(performance.now() - started).toBeGreaterThan(1200);
    bucket.dispose();
  });

  test('settle gives back an over-estimate', () => {
    const bucket = new TokenBucket(60, 50);
    bucket.adjust(-40);
    expect(bucket.available).toBeLessThan(11);
    bucket.adjust(40);
    expect(bucket.available).toBeGreaterThan(49);
    bucket.dispose();
  });
});

describe('rate limit through the client', () => {
  let server: ModelServer;
  beforeAll(async () => {
    server = await startModelServer({ port: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  test('rpm = 600 sends 20 requests over about 1 s, not at once', async () => {
    const client = createClient({
      provider: 'openai-chat',
      baseUrl: server.baseUrl,
      model: 'assay-spam-nb',
      rateLimit: { rpm: 600 },
      concurrency: { max: 20 },
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        client.complete({ messages: [{ role: 'user', content: `mail ${i}` }] }),
      ),
    );
    const sent = results.map((c) => c.record.sentAt!).sort((a, b) => a - b);
    // bucket of 10 (one second at 10/s): the last 10 wait ~0.1 s each.
    expect(sent[19]! - sent[0]!).toBeGreaterThan(700);
    expect(sent[19]! - sent[0]!).toBeLessThan(5000);
    await client.close();
  });
});
