import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assay, type Exit } from './cli-process.js';
import { writeRunConfig } from './run-config-file.js';

let dir: string;
let server: ModelServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-cli-robustness-'));
  server = await startModelServer({ port: 0 });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** An error the user can act on: exit 2, one line on stderr, no stack trace. */
function expectRefusal(r: Exit): string {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  return r.stderr;
}

describe('assay run: an output directory that cannot be made', () => {
  // mkdirSync(..., { recursive: true }) spun forever on Node 20 under /proc, deaf to Ctrl-C
  it.runIf(existsSync('/proc/self'))(
    'under /proc exits 2 at once naming output.dir and --output',
    async () => {
      const path = writeRunConfig(dir, 'proc', server.baseUrl);
      const before = server.stats().completions;
      const message = expectRefusal(await assay(['run', path, '-q', '-o', '/proc/assay-nope/out']));
      expect(message).toBe(
        `assay: output.dir '/proc/assay-nope/out' could not be created (mkdir '/proc/assay-nope': the file system there takes no new folders); nothing was sent. Set output.dir (or --output) to a folder this user may create and write to, e.g. '${join(process.cwd(), 'assay-out', 'out')}'.\n`,
      );
      expect(server.stats().completions).toBe(before);
    },
    15_000,
  );

  it.runIf(existsSync('/sys/kernel'))(
    'under /sys exits 2 naming output.dir, not raw errno text with exit 3',
    async () => {
      const path = writeRunConfig(dir, 'sys', server.baseUrl);
      const message = expectRefusal(await assay(['run', path, '-q', '-o', '/sys/assay-nope/out']));
      expect(message).toMatch(
        /^assay: output\.dir '\/sys\/assay-nope\/out' could not be created \(mkdir '\/sys\/assay-nope': [a-z -]+\); nothing was sent\. Set output\.dir \(or --output\)/,
      );
    },
    15_000,
  );

  it('a cache folder under a file exits 2 naming cache', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const path = writeRunConfig(dir, 'cache-file', server.baseUrl, {
      cache: join(file, 'cache.sqlite'),
    });
    const message = expectRefusal(await assay(['run', path, '-q']));
    expect(message).toBe(
      `assay: cache's folder '${file}' could not be created (stat '${file}': a file is in the way); nothing was sent. Set cache to a folder this user may create and write to, e.g. '${join(process.cwd(), 'assay-out', 'cache.sqlite')}'.\n`,
    );
  });
});

describe('assay run: headers are part of what a journal was answered under', () => {
  it('refuses to resume under an added header with exit 2, naming it and never its value', async () => {
    const path = writeRunConfig(dir, 'headers', server.baseUrl);
    expect((await assay(['run', path, '-q'])).code).toBe(0);
    const yaml = readFileSync(path, 'utf8');
    writeFileSync(
      path,
      yaml.replace(
        '    concurrency:\n',
        "    headers: { x-assay-fault: 'status=500;rate=1' }\n    concurrency:\n",
      ),
    );
    const before = server.stats().completions;
    const message = expectRefusal(await assay(['run', path, '-q']));
    expect(message).toContain("model 'nb' (headers.x-assay-fault added) with 40 answers");
    expect(message).not.toContain('status=500');
    expect(server.stats().completions).toBe(before);
  }, 60_000);
});

describe('assay run: what the terminal says', () => {
  it('labels the progress rate done/s, apart from the summary req/s of answers', async () => {
    const path = writeRunConfig(dir, 'progress', server.baseUrl);
    const r = await assay(['run', path]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^nb +█{20} +40\/40 100% +[\d.]+ done\/s +ETA 0s/m);
    expect(r.stderr).not.toContain(' req/s');
    expect(r.stdout).toContain('req/s');
  }, 60_000);

  it('warns on stderr when the retry budget ran out, with the failures it left unretried', async () => {
    const path = writeRunConfig(dir, 'budget', server.baseUrl, {}, 1);
    // one at a time: 10 retries in all (budget 0), then requests 4-10 fail without one
    const yaml = readFileSync(path, 'utf8');
    writeFileSync(
      path,
      yaml.replace(
        '    concurrency:\n',
        "    retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 5, budget: 0 }\n    headers: { x-assay-fault: 'fail-first=20;key=cli-budget;status=503' }\n    concurrency:\n",
      ),
    );
    const r = await assay(['run', path, '-q']);
    expect(r.stderr).toContain(
      'assay: warning: nb: the retry budget was exhausted after 10 retries (models[0].retry.budget 0: at most 10 + 0 × requests); 7 requests failed without the retries they had left',
    );
  }, 60_000);
});
