import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRunConfig, runEvaluation } from '../src/index.js';
import { spamRunDocument } from './small-run.js';

let dir: string;
let server: ModelServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-throughput-'));
  server = await startModelServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('requests per second of a partly failed run', () => {
  it('counts the answered requests only: connections reset at once are no service delivered', async () => {
    const results = await runEvaluation(
      parseRunConfig(
        spamRunDocument({
          name: 'half',
          out: join(dir, 'half'),
          baseUrl: server.baseUrl,
          limit: 80,
          model: {
            concurrency: { max: 4 },
            retry: { maxRetries: 0 },
            headers: { 'x-assay-fault': 'reset;rate=0.5' },
          },
          evaluation: { bootstrap: 20, maxFailedFraction: 1 },
        }),
      ),
    );
    const s = results.models[0]!.service;
    // the fault makes a real share fail, and some succeed
    expect(s.failed).toBeGreaterThan(10);
    expect(s.answered).toBeGreaterThan(10);
    expect(s.sentThisRun).toBe(80);
    const t = s.throughput!;
    expect(t.requestsPerSecond * t.wallSeconds).toBeCloseTo(s.answered, 6);
    expect(t.requestsPerSecond * t.wallSeconds).toBeLessThan(s.sentThisRun);
  }, 60_000);
});
