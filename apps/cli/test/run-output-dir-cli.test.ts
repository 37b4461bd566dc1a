import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer, trainSpamModel } from '@assay/model-server';
import { type RunResults, RunResultsSchema } from '@assay/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assay, besidesNoWidthCaveat, type Exit, start, until } from './cli-process.js';
import { writeRunConfig } from './run-config-file.js';

let dir: string;
/** the reference model */
let first: ModelServer;
/** another model: trained without easy ham, it answers many held-out e-mails differently */
let second: ModelServer;
/**
 * every answer takes 400 ms, so a run at concurrency 1 stays in flight for about 16 s: room for a
 * second CLI process to start even on a loaded machine
 */
let slow: ModelServer;

const results = (name: string): RunResults =>
  RunResultsSchema.parse(JSON.parse(readFileSync(join(dir, name, 'results.json'), 'utf8')));

const accuracy = (name: string): number | null => results(name).models[0]!.metrics.accuracy!.value;

/** The summary line saying where a run's requests came from. */
const sources = (sent: number, resumed: number, cached: number): string =>
  `nb: 40 requests: ${sent} sent this run, ${resumed} resumed from the journal, ${cached} served from the cache`;

/** An error the user can act on: exit 2, one line on stderr, no stack trace. */
function expectRefusal(r: Exit): string {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  return r.stderr;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-cli-output-dir-'));
  first = await startModelServer({ port: 0 });
  second = await startModelServer({
    port: 0,
    model: trainSpamModel({ groups: ['hard-ham-1', 'spam-1'] }),
  });
  slow = await startModelServer({ port: 0, faults: { latency: { kind: 'fixed', ms: 400 } } });
});

afterAll(async () => {
  await first?.close();
  await second?.close();
  await slow?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('assay run: an output directory holds one endpoint', () => {
  it('refuses another server with exit 2 naming the base URL change; --fresh sends every request and reports its own accuracy', async () => {
    const path = writeRunConfig(dir, 'switch', first.baseUrl);
    const a = await assay(['run', path, '-q']);
    expect(a.code).toBe(0);
    expect(a.stdout).toContain(sources(40, 0, 0));
    const firstAccuracy = accuracy('switch');

    const c0 = second.stats().completions;
    const refused = await assay(['run', path, '-q', '--base-url', second.baseUrl]);
    const message = expectRefusal(refused);
    expect(message).toContain(`model 'nb' (baseUrl ${first.baseUrl} → ${second.baseUrl})`);
    expect(message).toMatch(/--fresh.*output\.dir/);
    expect(second.stats().completions).toBe(c0);

    const fresh = await assay(['run', path, '-q', '--base-url', second.baseUrl, '--fresh']);
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain(sources(40, 0, 0));
    expect(second.stats().completions - c0).toBe(40);
    const alone = await assay([
      'run',
      path,
      '-q',
      '--base-url',
      second.baseUrl,
      '-o',
      join(dir, 'alone'),
    ]);
    expect(alone.code).toBe(0);
    expect(accuracy('switch')).toBe(accuracy('alone'));
    expect(accuracy('switch')).not.toBe(firstAccuracy);
    expect(results('switch').config.models).toMatchObject([{ baseUrl: second.baseUrl }]);
  }, 120_000);

  it('resumes an identical rerun, sending nothing, and the quiet summary says so', async () => {
    const path = writeRunConfig(dir, 'rerun', first.baseUrl);
    expect((await assay(['run', path, '-q'])).code).toBe(0);
    const c0 = first.stats().completions;
    const again = await assay(['run', path, '-q']);
    expect(again.code).toBe(0);
    expect(first.stats().completions).toBe(c0);
    // a server of one's own may have changed since: a real run says nothing was asked of it
    expect(again.stderr).toMatch(
      /^assay: warning: nb: all 40 requests were resumed from the journal .* and none was sent to http/m,
    );
    expect(again.stdout).toContain(sources(0, 40, 0));
    expect(results('rerun').models[0]!.service).toMatchObject({
      sentThisRun: 0,
      resumedFromJournal: 40,
      cachedThisRun: 0,
    });
    expect(readFileSync(join(dir, 'rerun', 'report.md'), 'utf8')).toMatch(
      /\| nb \| 40 \| 0 \/ 40 \/ 0 \|/,
    );
  }, 60_000);

  it('resumes a second assay demo although its server listens on a new port', async () => {
    // the demo replaces the base URL with its own server's
    const path = writeRunConfig(dir, 'demo-config', 'http://127.0.0.1:1/v1');
    const out = join(dir, 'demo');
    const one = await assay(['demo', '-c', path, '-o', out, '-q']);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain(sources(40, 0, 0));
    const two = await assay(['demo', '-c', path, '-o', out, '-q']);
    // nothing on stderr: the demo's own server is the same model on a new port, so the warning
    // that a service changed since is not measured (naming the last run's URL) would be noise
    expect(besidesNoWidthCaveat(two.stderr)).toBe('');
    expect(results('demo').warnings ?? []).not.toContainEqual(
      expect.stringContaining('resumed from the journal'),
    );
    expect(two.code).toBe(0);
    expect(two.stdout).toContain(sources(0, 40, 0));
    expect(results('demo').models[0]!.service.sentThisRun).toBe(0);
  }, 60_000);
});

describe('assay run: one run at a time per output directory', () => {
  it('refuses a concurrent run with exit 2 naming the PID and start time of the one running', async () => {
    const path = writeRunConfig(dir, 'concurrent', slow.baseUrl, {}, 1);
    const c0 = slow.stats().completions;
    const running = start(['run', path, '-q']);
    await until(() => slow.stats().completions - c0 >= 1);
    const lock = JSON.parse(readFileSync(join(dir, 'concurrent', 'run.lock'), 'utf8')) as {
      startedAt: string;
    };
    const message = expectRefusal(await assay(['run', path, '-q']));
    expect(message).toContain(`PID ${running.child.pid}`);
    expect(message).toContain(`started ${lock.startedAt}`);
    expect((await running.done).code).toBe(0);
    // the refused run sent nothing: each item reached the server once
    expect(slow.stats().completions - c0).toBe(40);
    expect(existsSync(join(dir, 'concurrent', 'run.lock'))).toBe(false);
  }, 60_000);

  it('takes over a stale lock whose process is gone, with a note on stderr', async () => {
    const path = writeRunConfig(dir, 'stale', first.baseUrl);
    mkdirSync(join(dir, 'stale'), { recursive: true });
    const pid = spawnSync(process.execPath, ['-e', '']).pid!;
    const stale = { pid, host: hostname(), startedAt: '2020-01-02T03:04:05.000Z' };
    writeFileSync(join(dir, 'stale', 'run.lock'), JSON.stringify(stale));
    const r = await assay(['run', path, '-q']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^assay: note: took over the stale lock .*\\(PID ${pid},`));
  }, 60_000);
});

describe('assay run: a damaged journal', () => {
  it('exits 2 naming the file and --fresh, without a stack trace; --fresh recovers', async () => {
    const path = writeRunConfig(dir, 'damaged', first.baseUrl);
    const journal = join(dir, 'damaged', 'journal.sqlite');
    mkdirSync(join(dir, 'damaged'), { recursive: true });
    writeFileSync(journal, 'not a database\n'.repeat(200));
    const message = expectRefusal(await assay(['run', path, '-q']));
    expect(message).toContain(`${journal} is damaged (file is not a database)`);
    expect(message).toContain('--fresh');
    const fresh = await assay(['run', path, '-q', '--fresh']);
    expect(fresh.code).toBe(0);
    expect(fresh.stderr).toContain(`assay: note: starting over: discarded ${journal}`);
  }, 60_000);
});
