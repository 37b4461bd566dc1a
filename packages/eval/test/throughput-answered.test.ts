import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { markdownReport, summaryTable } from '@assay/report';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../test-support/free-port.js';
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

describe('requests per second of a resumed run', () => {
  it('adds the sending of the earlier run that answered its resumed requests', async () => {
    const config = parseRunConfig(
      spamRunDocument({
        name: 'resumed',
        out: join(dir, 'resumed'),
        baseUrl: server.baseUrl,
        limit: 40,
        model: { concurrency: { max: 2 }, headers: { 'x-assay-fault': 'latency=20' } },
        evaluation: { bootstrap: 20 },
      }),
    );
    const stop = new AbortController();
    const interrupted = runEvaluation(config, {
      signal: stop.signal,
      onProgress: (p) => {
        if (p[0]!.done >= 12) stop.abort();
      },
    });
    await expect(interrupted).rejects.toMatchObject({ code: 'INTERRUPTED' });

    const resumed = await runEvaluation(config);
    const s = resumed.models[0]!.service;
    expect(s.resumedFromJournal).toBeGreaterThanOrEqual(12);
    expect(s.sentThisRun).toBe(40 - s.resumedFromJournal);
    const t = s.throughput!;
    expect(t.earlierRuns).toBe(1);
    // every answer of both runs counts, over the wall time of both sendings
    expect(t.requestsPerSecond * t.wallSeconds).toBeCloseTo(40, 6);
    expect(summaryTable(resumed)).toContain(
      'req/s and out tok/s add the sending of 1 earlier run that answered resumed requests (',
    );

    // all resumed: the earlier runs' figure, not none
    const again = await runEvaluation(config);
    const a = again.models[0]!.service;
    expect(a.sentThisRun).toBe(0);
    expect(a.throughput!.earlierRuns).toBe(2);
    expect(a.throughput!.requestsPerSecond).toBeCloseTo(t.requestsPerSecond, 9);
    expect(summaryTable(again)).toContain(
      'req/s and out tok/s are those of the 2 earlier runs that answered these requests (',
    );
    expect(markdownReport(again)).toMatch(
      /in \d+\.\d s \(this run; all 40 requests were resumed from the journal of an earlier run\)\./,
    );
  }, 60_000);

  it("counts this run's sending time when every request it sent failed", async () => {
    const port = await freePort();
    const own = await startModelServer({ port });
    const out = join(dir, 'resumed-failing');
    const config = parseRunConfig(
      spamRunDocument({
        name: 'resumed-failing',
        out,
        baseUrl: own.baseUrl,
        limit: 30,
        model: { concurrency: { max: 2 }, retry: { maxRetries: 0 } },
        evaluation: { bootstrap: 20, maxFailedFraction: 1 },
      }),
    );
    const stop = new AbortController();
    const interrupted = runEvaluation(config, {
      signal: stop.signal,
      onProgress: (p) => {
        if (p[0]!.done >= 20) stop.abort();
      },
    });
    await expect(interrupted).rejects.toMatchObject({ code: 'INTERRUPTED' });
    await own.close();
    // the service is gone: every request this run sends fails (fewer than the 20 in a row
    // that stop a run)
    const resumed = await runEvaluation(config);
    const s = resumed.models[0]!.service;
    expect(s.sentThisRun).toBeGreaterThan(0);
    expect(s.failed).toBe(s.sentThisRun);
    const db = new Database(join(out, 'journal.sqlite'), { readonly: true });
    const earlier = db.prepare('SELECT sending_ms AS ms, answered FROM sending').get() as {
      ms: number;
      answered: number;
    };
    db.close();
    const t = s.throughput!;
    expect(t.earlierRuns).toBe(1);
    expect(t.requestsPerSecond * t.wallSeconds).toBeCloseTo(earlier.answered, 6);
    // this run's time is in the wall time: the rate is below the earlier run's own
    expect(t.wallSeconds * 1000).toBeGreaterThan(earlier.ms);
  }, 60_000);

  it('leaves out an earlier run none of whose answers this run reports', async () => {
    const out = join(dir, 'reprompted');
    const doc = spamRunDocument({ name: 'reprompted', out, baseUrl: server.baseUrl, limit: 10 });
    await runEvaluation(parseRunConfig(doc));
    // another prompt: other requests, none resumed, though the journal holds the first run
    const reprompted = await runEvaluation(
      parseRunConfig({ ...doc, prompt: { template: 'Spam or ham?\n\n{{text}}' } }),
    );
    const s = reprompted.models[0]!.service;
    expect(s.resumedFromJournal).toBe(0);
    expect(s.throughput?.earlierRuns).toBeUndefined();
    expect(s.throughput!.requestsPerSecond * s.throughput!.wallSeconds).toBeCloseTo(10, 6);
    expect(markdownReport(reprompted)).not.toContain('(this run;');
  }, 60_000);
});
