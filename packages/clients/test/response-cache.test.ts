import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  ClientError,
  type ClientWarning,
  cacheKey,
  canonicalJson,
  createClient,
  onClientWarning,
  ResponseCache,
} from '../src/index.js';

let server: ModelServer;
let dir: string;
beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-cache-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => server.resetStats());

const EMAIL = 'Subject: lottery\n\nYou have won the lottery, send your bank details to claim';

describe('cache keys', () => {
  test('canonical JSON ignores key order and undefined members', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}');
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  test('every identity field changes the key; sampleIndex only counts when temperature is not 0', () => {
    const base = {
      provider: 'openai-chat',
      baseUrl: 'http://h/v1',
      model: 'm',
      params: { temperature: 0.7 },
      prompt: 'p',
    };
    const k = cacheKey(base);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey({ ...base, model: 'm2' })).not.toBe(k);
    expect(cacheKey({ ...base, baseUrl: 'http://h2/v1' })).not.toBe(k);
    expect(cacheKey({ ...base, provider: 'anthropic' })).not.toBe(k);
    expect(cacheKey({ ...base, prompt: 'q' })).not.toBe(k);
    expect(cacheKey({ ...base, params: { temperature: 0.7, maxTokens: 5 } })).not.toBe(k);
    expect(cacheKey({ ...base, sampleIndex: 1 })).not.toBe(k);
    expect(cacheKey({ ...base, sampleIndex: 0 })).toBe(k);
    const greedy = { ...base, params: { temperature: 0 } };
    expect(cacheKey({ ...greedy, sampleIndex: 1 })).toBe(cacheKey({ ...greedy, sampleIndex: 2 }));
  });
});

describe('response cache with a client', () => {
  test('a hit returns cached: true without an HTTP request; failures are not cached', async () => {
    const cache = new ResponseCache(join(dir, 'client.sqlite'));
    const client = createClient(
      {
        provider: 'openai-chat',
        baseUrl: server.baseUrl,
        model: 'assay-spam-nb',
        benchmarkMode: false,
        retry: { maxRetries: 0 },
      },
      { cache },
    );
    const request = {
      messages: [{ role: 'user' as const, content: EMAIL }],
      params: { temperature: 0 },
    };
    const failed = await client
      .complete({ ...request, headers: { 'x-assay-fault': 'status=500' } })
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(ClientError);
    expect(cache.size).toBe(0);
    const first = await client.complete(request);
    expect(first.cached).toBe(false);
    expect(server.stats().byPath['/v1/chat/completions']).toBe(2);
    const second = await client.complete(request);
    expect(second.cached).toBe(true);
    expect(second.record.cached).toBe(true);
    expect(second.text).toBe(first.text);
    expect(second.usage).toEqual(first.usage);
    expect(second.finishReason).toBe(first.finishReason);
    // the hit keeps the timings measured when the answer was sent; a live one has none to keep
    expect(first.recordedTiming).toBeUndefined();
    expect(first.record.e2eLatencyMs).toBeGreaterThan(0);
    expect(second.recordedTiming).toEqual({
      ...(first.record.ttftMs === undefined ? {} : { ttftMs: first.record.ttftMs }),
      ...(first.record.tpotMs === undefined ? {} : { tpotMs: first.record.tpotMs }),
      e2eLatencyMs: first.record.e2eLatencyMs,
    });
    expect(server.stats().byPath['/v1/chat/completions']).toBe(2);
    // Another sample at temperature > 0 is another draw: a miss.
    await client.complete({ ...request, params: { temperature: 1 }, sampleIndex: 1 });
    expect(server.stats().byPath['/v1/chat/completions']).toBe(3);
    expect(client.stats().cacheHits).toBe(1);
    await client.close();
    cache.close();
  });

  test('stream() on a hit yields the cached text as one delta, then the completion', async () => {
    const cache = new ResponseCache(join(dir, 'stream.sqlite'));
    const client = createClient(
      { provider: 'openai-chat', baseUrl: server.baseUrl, model: 'assay-spam-nb' },
      { cache },
    );
    const request = {
      messages: [{ role: 'user' as const, content: EMAIL }],
      params: { temperature: 0 },
    };
    const live = await client.complete(request);
    const events: string[] = [];
    let cached: boolean | undefined;
    for await (const e of client.stream(request)) {
      if (e.type === 'content') events.push(e.delta);
      else if (e.type === 'done') cached = e.completion.cached;
    }
    expect(events).toEqual([live.text]);
    expect(cached).toBe(true);
    expect(server.stats().byPath['/v1/chat/completions']).toBe(1);
    await client.close();
    cache.close();
  });

  test('a damaged entry is a miss with a warning, then is replaced', async () => {
    const path = join(dir, 'damaged.sqlite');
    const cache = new ResponseCache(path);
    const client = createClient(
      { provider: 'openai-chat', baseUrl: server.baseUrl, model: 'assay-spam-nb' },
      { cache },
    );
    const request = {
      messages: [{ role: 'user' as const, content: EMAIL }],
      params: { temperature: 0 },
    };
    await client.complete(request);
    const raw = new Database(path);
    raw.prepare('UPDATE responses SET value = ?').run('{not json');
    raw.close();
    const warnings: ClientWarning[] = [];
    const off = onClientWarning((w) => warnings.push(w));
    const again = await client.complete(request);
    off();
    expect(again.cached).toBe(false);
    expect(warnings.map((w) => w.code)).toEqual(['CACHE_READ_FAILED']);
    expect((await client.complete(request)).cached).toBe(true);
    await client.close();
    cache.close();
  });

  test('benchmark mode bypasses the cache', async () => {
    const cache = new ResponseCache(join(dir, 'bench.sqlite'));
    const client = createClient(
      {
        provider: 'openai-chat',
        baseUrl: server.baseUrl,
        model: 'assay-spam-nb',
        benchmarkMode: true,
      },
      { cache },
    );
    const request = {
      messages: [{ role: 'user' as const, content: EMAIL }],
      params: { temperature: 0 },
    };
    await client.complete(request);
    const again = await client.complete(request);
    expect(again.cached).toBe(false);
    expect(cache.size).toBe(0);
    expect(server.stats().byPath['/v1/chat/completions']).toBe(2);
    await client.close();
    cache.close();
  });

  test('the file is WAL mode with the chosen synchronous level', () => {
    const cache = new ResponseCache(join(dir, 'pragma.sqlite'), { synchronous: 'FULL' });
    expect(cache.integrityCheck()).toBe('ok');
    cache.close();
  });
});

async function crashRun(path: string, synchronous: 'NORMAL' | 'FULL'): Promise<string[]> {
  const script = join(import.meta.dirname, 'support', 'cache-writer.mjs');
  const child = spawn(process.execPath, [script, path, synchronous], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const keys: string[] = [];
  let buffer = '';
  await new Promise<void>((resolve) => {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.length === 64) keys.push(line);
      if (keys.length >= 300 && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', () => resolve());
  }).finally(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  expect(child.signalCode).toBe('SIGKILL');
  return keys;
}

describe('crash safety', () => {
  for (const synchronous of ['NORMAL', 'FULL'] as const) {
    test(`every entry reported committed survives kill -9 (synchronous=${synchronous})`, {
      timeout: 120_000,
    }, async () => {
      const path = join(dir, `crash-${synchronous}.sqlite`);
      const keys = await crashRun(path, synchronous);
      expect(keys.length).toBeGreaterThanOrEqual(300);
      const cache = new ResponseCache(path);
      expect(cache.integrityCheck()).toBe('ok');
      const missing = keys.filter((k) => cache.get(k) === undefined);
      expect(missing).toEqual([]);
      expect(cache.size).toBeGreaterThanOrEqual(keys.length);
      expect(cache.get(keys[10]!)?.text.startsWith('answer 10 ')).toBe(true);
      cache.close();
    });
  }
});
