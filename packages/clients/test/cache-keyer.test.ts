import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type ClientConfig,
  ClientError,
  cachedKeys,
  cacheKeyer,
  createClient,
  ResponseCache,
} from '../src/index.js';

let server: ModelServer;
let dir: string;
beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-cache-keyer-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const ask = (text: string) => ({ messages: [{ role: 'user' as const, content: text }] });

function config(overrides: Partial<ClientConfig> = {}): ClientConfig {
  return {
    provider: 'openai-chat',
    baseUrl: server.baseUrl,
    model: 'assay-spam-nb',
    params: { temperature: 0, maxTokens: 4, extra: { a: 1 } },
    ...overrides,
  } as ClientConfig;
}

describe('cacheKeyer and cachedKeys: what a cache answers, known without a client', () => {
  test('the keyer finds exactly the answers a real client stored, and reading writes no file', async () => {
    const path = join(dir, 'cache.sqlite');
    const cache = new ResponseCache(path);
    const client = createClient(config(), { cache });
    await client.complete(ask('Subject: lottery\n\nclaim your prize'));
    await client.complete({ ...ask('Subject: lunch?'), params: { extra: { b: 2 } } });
    await client.close();
    const keyer = cacheKeyer(config());
    expect(keyer.usesCache).toBe(true);
    const stored = [
      keyer.key(ask('Subject: lottery\n\nclaim your prize')),
      keyer.key({ ...ask('Subject: lunch?'), params: { extra: { b: 2 } } }),
    ];
    const other = [
      keyer.key(ask('Subject: never asked')),
      keyer.key(ask('Subject: lunch?')), // asked with other params
      cacheKeyer(config({ baseUrl: `${server.baseUrl}x` })).key(
        ask('Subject: lottery\n\nclaim your prize'),
      ),
    ];
    // a writer has the file open: its -wal holds the entries
    expect(cachedKeys(path, [...stored, ...other])).toEqual(new Set(stored));
    cache.close();
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['cache.sqlite']);
    // no writer: read from a copy in memory, nothing created beside the file
    expect(cachedKeys(path, [...stored, ...other])).toEqual(new Set(stored));
    expect(readdirSync(dir).sort()).toEqual(files);
  });

  test('a missing cache file holds nothing and is not created', () => {
    expect(cachedKeys(join(dir, 'none.sqlite'), ['ab']).size).toBe(0);
    expect(readdirSync(dir)).not.toContain('none.sqlite');
  });

  test('benchmark mode reads no cache; keys need no API key, which createClient still asks for', () => {
    expect(cacheKeyer(config({ benchmarkMode: true })).usesCache).toBe(false);
    const withKey = config({ apiKeyEnv: 'ASSAY_TEST_KEY' });
    const request = { messages: [{ role: 'user' as const, content: 'hi' }] };
    // the key is never part of a cache key: keying without it gives the same keys
    const keyed = cacheKeyer(withKey, { ASSAY_TEST_KEY: 'sk-secret' }).key(request);
    expect(cacheKeyer(withKey, {}).key(request)).toBe(keyed);
    expect(keyed).not.toContain('sk-secret');
    const refused = (() => {
      try {
        createClient(withKey, { env: {} });
      } catch (e) {
        return e;
      }
    })();
    expect(refused).toBeInstanceOf(ClientError);
    expect((refused as ClientError).code).toBe('MISSING_API_KEY');
  });
});
