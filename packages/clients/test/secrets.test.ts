import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ClientWarning, createClient, onClientWarning, ResponseCache } from '../src/index.js';
import { type LocalServer, startLocalServer } from './support/local-server.js';

const KEY = 'sk-assay-SECRET-7f3a9c1e5b2d4680';
const ENV = { ASSAY_SECRET_KEY: KEY };

let server: ModelServer;
let echo: LocalServer;
let dir: string;
beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  // A hostile server that quotes the request's Authorization header back in its error body.
  echo = await startLocalServer((_body, res, req) => {
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: `bad key ${req.headers.authorization}` } }));
  });
  dir = mkdtempSync(join(tmpdir(), 'assay-secrets-'));
});
afterAll(async () => {
  await Promise.all([server.close(), echo.close()]);
  rmSync(dir, { recursive: true, force: true });
});

test('the API key appears in no cache byte, record, error, stack, stat or warning', async () => {
  const outputs: string[] = [];
  const warnings: ClientWarning[] = [];
  const off = onClientWarning((w) => warnings.push(w));
  const cachePath = join(dir, 'cache.sqlite');
  const cache = new ResponseCache(cachePath);
  const client = createClient(
    {
      provider: 'openai-chat',
      baseUrl: server.baseUrl,
      model: 'assay-spam-nb',
      apiKeyEnv: 'ASSAY_SECRET_KEY',
      retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 2 },
      timeouts: { totalMs: 500 },
    },
    { cache, env: ENV },
  );
  const hostile = createClient(
    {
      provider: 'openai-chat',
      baseUrl: `${echo.url}/v1`,
      model: 'm',
      apiKeyEnv: 'ASSAY_SECRET_KEY',
    },
    { env: ENV },
  );
  const requests = [
    client.complete({
      messages: [{ role: 'user', content: 'win money now' }],
      params: { temperature: 0 },
    }),
    client.complete({
      prompt: 'explain this',
      params: { temperature: 0 },
      headers: { 'x-assay-explain': '1' },
    }),
    client.complete({ prompt: 'a', headers: { 'x-assay-fault': 'status=500' } }),
    client.complete({ prompt: 'b', headers: { 'x-assay-fault': 'malformed' } }),
    client.complete({ prompt: 'c', headers: { 'x-assay-fault': 'stall' } }),
    client.complete({ prompt: 'd', headers: { 'x-assay-fault': 'reset' } }),
    hostile.complete({ prompt: 'e' }),
  ];
  const settled = await Promise.allSettled(requests);
  let failures = 0;
  for (const result of settled) {
    if (result.status === 'fulfilled') {
      outputs.push(JSON.stringify(result.value));
    } else {
      failures++;
      const error = result.reason as Error & { record?: unknown };
      outputs.push(
        error.message,
        String(error.stack),
        JSON.stringify(error.record),
        JSON.stringify(error),
      );
    }
  }
  expect(failures).toBe(5);
  const hostileError = (settled[6] as PromiseRejectedResult).reason as Error;
  expect(hostileError.message).toContain('bad key Bearer [redacted]');
  outputs.push(JSON.stringify(client.stats()), JSON.stringify(hostile.stats()));
  outputs.push(...warnings.map((w) => w.message));
  expect(warnings.length).toBeGreaterThan(0);
  await Promise.all([client.close(), hostile.close()]);
  // Scan the cache file and its WAL before and after the checkpoint on close.
  for (const name of readdirSync(dir))
    outputs.push(readFileSync(join(dir, name)).toString('latin1'));
  cache.close();
  for (const name of readdirSync(dir))
    outputs.push(readFileSync(join(dir, name)).toString('latin1'));
  off();
  const leaks = outputs.filter((text) => text.includes(KEY) || text.includes(KEY.slice(8)));
  expect(leaks).toEqual([]);
  // The scan is able to fail: the key really was sent.
  expect(echo.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
});
