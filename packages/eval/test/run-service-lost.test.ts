import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../test-support/free-port.js';
import { parseRunConfig, RunJournal, runEvaluation } from '../src/index.js';
import { UnreachableWatch } from '../src/run/unreachable-watch.js';
import { refusalOf, spamRunDocument } from './small-run.js';

let dir: string;
let server: ModelServer | undefined;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-service-lost-'));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const answer = { status: 'ok', errorClass: null, cached: false } as const;
const refused = {
  status: 'error',
  errorClass: 'connection',
  errorMessage: 'ECONNREFUSED',
  cached: false,
} as const;

describe('a service that goes down mid-run', () => {
  it('trips the watch after 20 transport failures in a row once it had answered, not after 20 in all', () => {
    const watch = new UnreachableWatch(2);
    const observe = (o: unknown) => watch.observe(o as Parameters<typeof watch.observe>[0]);
    for (let i = 0; i < 30; i++) observe(answer);
    for (let i = 0; i < 19; i++) expect(observe(refused)).toBe(false);
    // one answer ends the streak: a flaky service is not a lost one
    observe(answer);
    for (let i = 0; i < 19; i++) expect(observe(refused)).toBe(false);
    expect(observe(refused)).toBe(true);
    expect(watch.kind).toBe('lost');
    expect(watch.answered).toBe(31);
    expect(watch.failures).toBe(20);
  });

  it('after an earlier run answered, only a streak trips it: 20 refusals as bad requests do not', () => {
    const rejected = {
      status: 'error',
      errorClass: 'http_status',
      httpStatus: 400,
      errorMessage: 'HTTP 400: context length exceeded',
      cached: false,
    };
    const observe = (w: UnreachableWatch, o: unknown) =>
      w.observe(o as Parameters<typeof w.observe>[0]);
    const fresh = new UnreachableWatch(2);
    for (let i = 0; i < 19; i++) observe(fresh, rejected);
    expect(observe(fresh, rejected)).toBe(true);
    expect(fresh.kind).toBe('rejected');
    // a --retry-failed of the items refused for their length, the rest answered before
    const resumed = new UnreachableWatch(2, true);
    for (let i = 0; i < 40; i++) expect(observe(resumed, rejected)).toBe(false);
    for (let i = 0; i < 19; i++) expect(observe(resumed, refused)).toBe(false);
    expect(observe(resumed, refused)).toBe(true);
    expect(resumed.kind).toBe('lost');
  });

  it('stops sending and leaves the rest unsent; --retry-failed then completes the run paying no answer twice', async () => {
    const port = await freePort();
    server = await startModelServer({ port });
    const config = parseRunConfig(
      spamRunDocument({
        name: 'lost',
        out: join(dir, 'lost'),
        baseUrl: server.baseUrl,
        limit: 150,
        model: {
          concurrency: { max: 2 },
          retry: { maxRetries: 0 },
          headers: { 'x-assay-fault': 'latency=5' },
        },
        evaluation: { bootstrap: 20 },
      }),
    );
    let closing: Promise<void> | undefined;
    const error = await refusalOf(
      runEvaluation(config, {
        onProgress: (p) => {
          if (p[0]!.done >= 30 && closing === undefined) closing = server!.close();
        },
      }),
    );
    await closing;
    expect(error.code).toBe('RUN_FAILED');
    expect(error.path).toBe('models[0].baseUrl');
    expect(error.message).toMatch(
      new RegExp(
        `the service at ${server.baseUrl.replace(/\./g, '\\.')} stopped answering: after \\d+ answers this run, the last 20 requests in a row all failed before reaching it`,
      ),
    );
    expect(error.message).toContain('run the same command with --retry-failed');
    const journal = new RunJournal(join(dir, 'lost', 'journal.sqlite'));
    const recorded = [...journal.load('nb').values()];
    journal.close();
    const answered = recorded.filter((o) => o.status === 'ok').length;
    const failed = recorded.length - answered;
    expect(answered).toBeGreaterThanOrEqual(30);
    expect(failed).toBe(20);
    // the rest was left unsent, not recorded as failed
    expect(recorded.length).toBeLessThan(150);

    server = await startModelServer({ port });
    const before = server.stats().completions;
    const resumed = await runEvaluation(config, { retryFailed: true });
    const s = resumed.models[0]!.service;
    expect(s.failed).toBe(0);
    expect(s.resumedFromJournal).toBe(answered);
    expect(server.stats().completions - before).toBe(150 - answered);
  }, 60_000);
});
