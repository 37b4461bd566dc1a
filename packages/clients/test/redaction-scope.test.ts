import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { credentialsOf, isCredentialHeader } from '../src/http/attempt-failure.js';
import { type ClientWarning, createClient, onClientWarning } from '../src/index.js';
import { failure } from './support/client-failure.js';
import { type LocalServer, startLocalServer } from './support/local-server.js';

// Redaction applies to the text that came from outside (bodies, server messages, locations,
// the configured URL), never to the client's own wording; warnings and thrown errors alike.

const FAST_RETRY = { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 2 };

let server: ModelServer;
let echo: LocalServer;
beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  // Quotes every header whose name starts with x-echo back in a 500 body.
  echo = await startLocalServer((_body, res, req) => {
    const echoed = Object.entries(req.headers)
      .filter(([name]) => name.startsWith('x-echo'))
      .map(([, value]) => String(value))
      .join(' ');
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: `upstream said: ${echoed}` } }));
  });
});
afterAll(async () => {
  await Promise.all([server.close(), echo.close()]);
});

/** Runs `body` and returns the RETRY warnings emitted meanwhile. */
async function retryWarnings(body: () => Promise<unknown>): Promise<string[]> {
  const warnings: ClientWarning[] = [];
  const off = onClientWarning((w) => warnings.push(w));
  try {
    await body();
  } finally {
    off();
  }
  return warnings.filter((w) => w.code === 'RETRY').map((w) => w.message);
}

test('a request header value (x-assay-fault: truncate) does not mangle the client wording', async () => {
  const client = createClient({
    provider: 'openai-chat',
    baseUrl: server.baseUrl,
    model: 'assay-spam-nb',
    retry: FAST_RETRY,
  });
  let thrown = '';
  const warnings = await retryWarnings(async () => {
    const error = await failure(
      client.complete({ prompt: 'x', headers: { 'x-assay-fault': 'truncate' } }),
    );
    expect(error.code).toBe('TRUNCATED_STREAM');
    thrown = error.message;
  });
  await client.close();
  expect(warnings).toHaveLength(1);
  for (const message of [...warnings, thrown]) {
    expect(message).toMatch(/ended mid-JSON \(truncated after \d+ characters\)/);
    expect(message).not.toContain('[redacted]');
  }
});

test('every configured header value is redacted from the echoed body (an org id or proxy token may sit under any name)', async () => {
  const client = createClient({
    provider: 'openai-chat',
    baseUrl: `${echo.url}/v1`,
    model: 'm',
    headers: { 'x-echo-api-key': 'k-tenant-0123456789', 'x-echo-mode': 'overloaded' },
    retry: FAST_RETRY,
  });
  let thrown = '';
  const warnings = await retryWarnings(async () => {
    thrown = (await failure(client.complete({ prompt: 'x' }))).message;
  });
  await client.close();
  expect(warnings).toHaveLength(1);
  for (const message of [...warnings, thrown]) {
    expect(message).toContain('upstream said: [redacted] [redacted]');
    expect(message).not.toContain('k-tenant-0123456789');
    expect(message).not.toContain('overloaded');
  }
});

test('a request credential header value echoed by the server is redacted from warnings and the final error alike', async () => {
  const client = createClient({
    provider: 'openai-chat',
    baseUrl: `${echo.url}/v1`,
    model: 'm',
    retry: FAST_RETRY,
  });
  const value = 'trace-6f1c2d9e-request-only';
  let thrown = '';
  const warnings = await retryWarnings(async () => {
    thrown = (
      await failure(client.complete({ prompt: 'x', headers: { 'x-echo-trace-token': value } }))
    ).message;
  });
  await client.close();
  expect(warnings).toHaveLength(1);
  for (const message of [...warnings, thrown]) {
    expect(message).toContain('upstream said: [redacted]');
    expect(message).not.toContain(value);
  }
});

test("a header that is not a credential (x-mode: overloaded) leaves the server's overloaded_error as sent", async () => {
  const anthropic = await startLocalServer((_body, res) => {
    res.writeHead(529, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        type: 'error',
        error: { type: 'overloaded_error', message: 'Overloaded.' },
      }),
    );
  });
  const client = createClient({
    provider: 'anthropic',
    baseUrl: anthropic.url,
    model: 'claude-test',
    headers: { 'x-route': 'overloaded-pool' },
    retry: { maxRetries: 0 },
  });
  const error = await failure(
    client.complete({ prompt: 'x', headers: { 'x-mode': 'overloaded' } }),
  );
  await Promise.all([client.close(), anthropic.close()]);
  expect(error.message).toContain('"type":"overloaded_error","message":"Overloaded."');
  expect(error.message).not.toContain('[redacted]');
});

test("a server's error text quoted from a malformed answer is redacted, the expectation is not", async () => {
  const anthropic = await startLocalServer((_body, res, req) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        error: { type: 'invalid_request_error', message: `bad ${req.headers['x-echo-org-key']}` },
      }),
    );
  });
  // 'not an error' is the client's wording: the value must not reach into it
  const client = createClient({
    provider: 'anthropic',
    baseUrl: anthropic.url,
    model: 'claude-test',
    headers: { 'x-echo-org-key': 'org-12345678', 'x-echo-word': 'an error' },
    retry: { maxRetries: 0 },
  });
  const error = await failure(client.complete({ prompt: 'x' }));
  await Promise.all([client.close(), anthropic.close()]);
  expect(error.code).toBe('MALFORMED_RESPONSE');
  expect(error.message).toContain(
    'expected a body with a content array (Messages shape), not an error (invalid_request_error: bad [redacted])',
  );
  expect(error.message).not.toContain('org-12345678');
});

test('credentials (API key, credential headers) are told from other header values', () => {
  expect(
    credentialsOf('sk-test-0123456789', {
      Authorization: 'Bearer abc-123456',
      'x-goog-api-key': 'goog-0123456789',
      'x-assay-fault': 'truncate',
      'x-org': 'org-4f9a8b7c',
    }),
  ).toEqual(
    ['sk-test-0123456789', 'goog-0123456789', 'Bearer abc-123456'].sort(
      (a, b) => b.length - a.length,
    ),
  );
  expect(isCredentialHeader('cookie')).toBe(true);
  expect(isCredentialHeader('x-assay-fault')).toBe(false);
});
