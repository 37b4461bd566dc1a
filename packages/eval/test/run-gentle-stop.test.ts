import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRunConfig, RunJournal, runEvaluation } from '../src/index.js';
import { refusalOf, spamRunDocument } from './small-run.js';

let dir: string;
let server: ModelServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-gentle-stop-'));
  server = await startModelServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the gentle stop (the first Ctrl-C)', () => {
  it('takes no more retries: a request sleeping through a Retry-After is left unsent, not waited for', async () => {
    const config = parseRunConfig(
      spamRunDocument({
        name: 'retry-after',
        out: join(dir, 'retry-after'),
        baseUrl: server.baseUrl,
        limit: 20,
        model: {
          concurrency: { max: 2 },
          // one request of the run is answered 429 with a Retry-After of 55 s, past the test's
          // 40-s limit: waiting for it fails the test
          headers: { 'x-assay-fault': 'status=429;retry-after=55;fail-first=1;key=gentle' },
        },
        evaluation: { bootstrap: 20 },
      }),
    );
    const drain = new AbortController();
    const run = runEvaluation(config, {
      drain: drain.signal,
      onProgress: (p) => {
        if (p[0]!.done >= 4) drain.abort();
      },
    });
    expect((await refusalOf(run)).code).toBe('INTERRUPTED');
    const journal = new RunJournal(join(dir, 'retry-after', 'journal.sqlite'));
    const recorded = [...journal.load('nb').values()];
    journal.close();
    // the request whose retry was cut short is not journaled as failed: a rerun sends it
    expect(recorded.every((o) => o.status === 'ok')).toBe(true);
    const resumed = await runEvaluation(config);
    expect(resumed.models[0]!.service).toMatchObject({
      failed: 0,
      resumedFromJournal: recorded.length,
    });
  }, 40_000);
});
