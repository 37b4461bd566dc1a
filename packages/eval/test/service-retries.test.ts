import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { markdownReport, summaryTable } from '@assay/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRunConfig, runEvaluation } from '../src/index.js';
import { spamRunDocument } from './small-run.js';

let server: ModelServer;
let dir: string;
beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-retries-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('requests that needed a retry', () => {
  it('are counted and shown, since the error rate counts only requests that failed after every retry', async () => {
    const results = await runEvaluation(
      parseRunConfig(
        spamRunDocument({
          name: 'retried',
          out: join(dir, 'run'),
          baseUrl: server.baseUrl,
          limit: 20,
          model: {
            concurrency: { max: 1 },
            retry: { baseDelayMs: 1, maxDelayMs: 5 },
            // one at a time: the first request is refused twice, then answered on its second retry
            headers: { 'x-assay-fault': 'fail-first=2;key=retries-test;status=503' },
          },
          evaluation: { bootstrap: 20 },
        }),
      ),
    );
    const s = results.models[0]!.service;
    expect([s.failed, s.errorRate, s.retried, s.retries]).toEqual([0, 0, 1, 2]);
    expect(summaryTable(results)).toContain(
      'nb: 20 requests: 20 sent this run, 0 resumed from the journal, 0 served from the cache; 1 needed a retry (2 retries in all;',
    );
    expect(markdownReport(results)).toContain('| 0 (0.0%); 1 retried |');
  }, 60_000);
});
