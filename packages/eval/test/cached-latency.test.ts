import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { summaryTable } from '@assay/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRunConfig, runEvaluation } from '../src/index.js';
import { spamRunDocument } from './small-run.js';

let server: ModelServer;
let dir: string;

beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-cached-latency-'));
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('answers from the response cache', () => {
  it('keep the latency measured when they were sent, so a latency threshold still has a value', async () => {
    const run = (name: string) =>
      runEvaluation(
        parseRunConfig({
          ...spamRunDocument({ name, out: join(dir, name), baseUrl: server.baseUrl, limit: 12 }),
          evaluation: { bootstrap: 50 },
          cache: join(dir, 'shared-cache.sqlite'),
          thresholds: ['p95_latency_ms <= 60000', 'p50_latency_ms.ci_high <= 60000'], // 12 requests: a p50's bounds need 6,
        }),
      );
    const first = await run('first');
    const sent = first.models[0]!.service;
    expect(sent.sentThisRun).toBe(12);
    expect(sent.cachedAnswers).toBe(0);
    expect(sent.latencyMs.count).toBe(12);

    // another output directory (no journal), the same cache: every answer comes from it
    const again = await run('again');
    const cached = again.models[0]!.service;
    expect(cached.sentThisRun).toBe(0);
    expect(cached.cachedThisRun).toBe(12);
    expect(cached.cachedAnswers).toBe(12);
    expect(cached.latencyMs).toEqual(sent.latencyMs);
    expect(cached.ttftMs).toEqual(sent.ttftMs);
    expect(cached.throughput).toBeNull();
    expect(again.thresholds.map((t) => [t.threshold, t.passed])).toEqual([
      ['p95_latency_ms <= 60000', true],
      ['p50_latency_ms.ci_high <= 60000', true],
    ]);
    expect(again.passed).toBe(true);
    expect(summaryTable(again)).toContain(
      'nb: 12 requests: 0 sent this run, 0 resumed from the journal, 12 served from the cache; latency counts each answer as measured when it was sent',
    );
  });
});
