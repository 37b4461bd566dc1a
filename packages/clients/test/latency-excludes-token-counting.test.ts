import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createClient, ResponseCache } from '../src/index.js';
import { type LocalServer, startLocalServer } from './support/local-server.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('end-to-end latency', () => {
  test('ends with the body, not after the tokenizer counted a usage-less answer', async () => {
    server = await startLocalServer((_body, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      // the answer and its end in one write: the body ends when its last token arrives
      res.end(
        `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: 'ok' } }] })}\n\n` +
          `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n` +
          'data: [DONE]\n\n',
      );
    });
    const dir = mkdtempSync(join(tmpdir(), 'assay-latency-'));
    const cache = new ResponseCache(join(dir, 'c.sqlite'));
    const client = createClient(
      {
        provider: 'openai-chat',
        baseUrl: `${server.url}/v1`,
        model: 'gpt-4o',
        streaming: true,
        tokenizer: 'auto',
        benchmarkMode: false,
      },
      { cache },
    );
    // ~540 KB: counting it (and loading o200k the first time) takes well over 100 ms
    const prompt = 'lorem ipsum dolor sit amet '.repeat(20_000);
    const request = { prompt, params: { temperature: 0 } };
    const first = await client.complete(request);
    const resolvedAt = performance.now();
    const r = first.record;
    expect(first.usage.source).toBe('tokenizer');
    expect(r.endAt - r.lastTokenAt!).toBeLessThan(50);
    expect(resolvedAt - r.endAt).toBeGreaterThan(r.endAt - r.lastTokenAt!);
    const hit = await client.complete(request);
    expect(hit.cached).toBe(true);
    expect(hit.recordedTiming?.e2eLatencyMs).toBe(r.e2eLatencyMs);
    await client.close();
    cache.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
