import { afterEach, describe, expect, test } from 'vitest';
import { createClient, RetryPolicy, rateLimitResetMs, retryAfterMs } from '../src/index.js';
import { failure } from './support/client-failure.js';
import { type LocalServer, startLocalServer } from './support/local-server.js';

/** Headers OpenAI sends on every response, plenty left in both windows. */
const HEALTHY = {
  'x-ratelimit-limit-requests': '10000',
  'x-ratelimit-remaining-requests': '9999',
  'x-ratelimit-reset-requests': '6ms',
  'x-ratelimit-limit-tokens': '30000000',
  'x-ratelimit-remaining-tokens': '29999000',
  'x-ratelimit-reset-tokens': '2m0s',
};

const OK_BODY = JSON.stringify({
  choices: [{ index: 0, message: { content: 'ok' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 3, completion_tokens: 1 },
});

const base = {
  maxRetries: 3,
  baseDelayMs: 10,
  maxDelayMs: 100,
  budget: 1,
  retryMalformed: false,
  maxRetryAfterMs: 60_000,
  random: () => 0,
};

describe('rate-limit reset headers', () => {
  test('describe a wait only for an exhausted limit', () => {
    expect(rateLimitResetMs(HEALTHY)).toBeUndefined();
    expect(rateLimitResetMs({ ...HEALTHY, 'x-ratelimit-remaining-tokens': '0' })).toBe(120_000);
    expect(rateLimitResetMs({ ...HEALTHY, 'x-ratelimit-remaining-requests': '0' })).toBe(6);
    // No remaining header: the reset may be the limit that refused, so it counts.
    expect(rateLimitResetMs({ 'x-ratelimit-reset-requests': '1s' })).toBe(1000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    const anthropic = {
      'anthropic-ratelimit-tokens-reset': '2026-01-01T00:00:05Z',
      'anthropic-ratelimit-tokens-remaining': '4000',
    };
    expect(rateLimitResetMs(anthropic, now)).toBeUndefined();
    expect(
      rateLimitResetMs({ ...anthropic, 'anthropic-ratelimit-tokens-remaining': '0' }, now),
    ).toBe(5000);
  });

  test('count for a 429 only, while Retry-After counts for any status', () => {
    const exhausted = { ...HEALTHY, 'x-ratelimit-remaining-requests': '0' };
    expect(retryAfterMs(exhausted, Date.now(), 429)).toBe(6);
    expect(retryAfterMs(exhausted, Date.now(), 503)).toBeUndefined();
    expect(retryAfterMs({ ...exhausted, 'retry-after': '2' }, Date.now(), 503)).toBe(2000);
  });

  test('a hint past maxRetryAfterMs gives up and names the wait', () => {
    const p = new RetryPolicy(base);
    p.onRequest();
    const exhausted = { ...HEALTHY, 'x-ratelimit-remaining-tokens': '0' };
    const d = p.decide({ errorClass: 'http_status', status: 429, headers: exhausted }, 0);
    expect(d).toMatchObject({ retry: false, askedWaitMs: 120_000 });
    const backoff = p.decide({ errorClass: 'http_status', status: 500, headers: exhausted }, 0);
    expect(backoff.retry).toBe(true);
  });
});

describe('a transient failure with normal rate-limit headers', () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  for (const status of [500, 503, 429]) {
    test(`${status} is retried with backoff, not refused for the token window`, async () => {
      let n = 0;
      server = await startLocalServer((_body, res) => {
        n++;
        res.writeHead(n === 1 ? status : 200, { 'content-type': 'application/json', ...HEALTHY });
        res.end(n === 1 ? '{"error":{"message":"busy","type":"server_error"}}' : OK_BODY);
      });
      const client = createClient({
        provider: 'openai-chat',
        baseUrl: `${server.url}/v1`,
        model: 'gpt-4o-mini',
        retry: { baseDelayMs: 5 },
      });
      const done = await client.complete({ prompt: 'x' });
      expect(done.text).toBe('ok');
      expect(done.record.retries).toBe(1);
      await client.close();
    });
  }

  test('a 429 on an exhausted window past maxRetryAfterMs says why it was not retried', async () => {
    server = await startLocalServer((_body, res) => {
      res.writeHead(429, {
        'content-type': 'application/json',
        ...HEALTHY,
        'x-ratelimit-remaining-tokens': '0',
      });
      res.end('{"error":{"message":"slow down","type":"tokens"}}');
    });
    const client = createClient({
      provider: 'openai-chat',
      baseUrl: `${server.url}/v1`,
      model: 'gpt-4o-mini',
    });
    const error = await failure(client.complete({ prompt: 'x' }));
    expect(error.code).toBe('HTTP_STATUS');
    expect(error.message).toMatch(/asked to wait 120000 ms, more than maxRetryAfterMs/);
    expect(server.requests).toHaveLength(1);
    await client.close();
  });
});
