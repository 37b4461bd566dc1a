import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cachedKeys, cacheKey, cacheKeyer, createClient, ResponseCache } from '../src/index.js';

let server: ModelServer;
let dir: string;
beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-header-keys-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a request header that changes the answer (x-assay-explain) is not served the cached answer without it', async () => {
  const cache = new ResponseCache(join(dir, 'explain.sqlite'));
  const client = createClient(
    { provider: 'openai-chat', baseUrl: server.baseUrl, model: 'assay-spam-nb' },
    { cache },
  );
  const plain = await client.complete({ prompt: 'Subject: WIN FREE CASH' });
  const explained = await client.complete({
    prompt: 'Subject: WIN FREE CASH',
    headers: { 'x-assay-explain': '1' },
  });
  const again = await client.complete({
    prompt: 'Subject: WIN FREE CASH',
    headers: { 'X-Assay-Explain': '1' },
  });
  await client.close();
  cache.close();
  expect(plain.text).toBe('spam');
  expect(explained.cached).toBe(false);
  expect(explained.text).not.toBe(plain.text);
  // names are case-insensitive: the same header in other case is the same entry
  expect(again.cached).toBe(true);
  expect(again.text).toBe(explained.text);
});

test('a request without headers keeps the key it had before headers were keyed', () => {
  const input = {
    provider: 'openai-chat',
    baseUrl: 'http://127.0.0.1:8000/v1',
    model: 'm',
    params: { temperature: 0 },
    prompt: 'hi',
  };
  // the key of this input before headers were part of it (pinned: existing caches must hit)
  expect(cacheKey(input)).toBe(cacheKey({ ...input, headers: {} }));
  expect(cacheKey(input)).toBe('3f99b6a7844e218b9eaa9000e816f38dda40537a2845fee8904168acfbc5384d');
  expect(cacheKey({ ...input, headers: { 'x-a': '1' } })).not.toBe(cacheKey(input));
});

test('configured and request headers are keyed alike by a client, cacheKeyer and cachedKeys, values never in clear', async () => {
  const path = join(dir, 'configured.sqlite');
  const cache = new ResponseCache(path);
  const config = {
    provider: 'openai-chat' as const,
    baseUrl: server.baseUrl,
    model: 'assay-spam-nb',
    headers: { 'x-tenant-token': 'tenant-secret-0123456789' },
  };
  const client = createClient(config, { cache });
  const request = { prompt: 'Subject: lunch?', headers: { 'x-route': 'blue' } };
  await client.complete(request);
  await client.close();
  cache.close();
  const keyer = cacheKeyer(config);
  const bare = cacheKeyer({ ...config, headers: undefined });
  expect(cachedKeys(path, [keyer.key(request)]).size).toBe(1);
  expect(cachedKeys(path, [bare.key(request), keyer.key({ prompt: 'Subject: lunch?' })]).size).toBe(
    0,
  );
});
