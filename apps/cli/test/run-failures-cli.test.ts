import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunJournal } from '@assay/eval';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { RunResultsSchema } from '@assay/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { freePort } from '../../../test-support/free-port.js';
import { assay } from './cli-process.js';
import { writeRunConfig } from './run-config-file.js';

// Runs whose service fails: unreachable, refusing every request, or answering nonsense.
let dir: string;
let server: ModelServer;

const writeConfig = (name: string, overrides: Record<string, unknown>, url: string): string =>
  writeRunConfig(dir, name, url, overrides, 4);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-cli-run-failures-'));
  server = await startModelServer({ port: 0 });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('assay run (CLI) against a failing service', () => {
  it('stops a model whose first requests all fail to connect, exits 3 naming the base URL, and resumes the unsent items once the service is up', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/v1`;
    const path = writeConfig('unreachable', {}, url);
    const down = await assay(['run', path, '--quiet']);
    expect(down.code).toBe(3);
    const last = down.stderr.trim().split('\n').at(-1)!;
    expect(last).toContain(`Model nb: the first 20 requests to ${url} all failed`);
    expect(last).toMatch(new RegExp(`ECONNREFUSED 127\\.0\\.0\\.1:${port}`));
    expect(last).toMatch(/models\[0\]\.baseUrl/);
    // 20 of the 40 were sent and journaled as failures; the rest were never sent
    const journal = new RunJournal(join(dir, 'unreachable', 'journal.sqlite'));
    const failed = [...journal.load('nb').values()];
    journal.close();
    expect(failed.length).toBeGreaterThanOrEqual(20);
    expect(failed.length).toBeLessThan(40);
    expect(failed.every((o) => o.status === 'error' && o.errorClass === 'connection')).toBe(true);
    const up = await startModelServer({ port });
    try {
      // the rerun sends only the unsent items; the failed ones are reused (not representative)
      const resumed = await assay(['run', path, '--quiet']);
      expect(up.stats().completions).toBe(40 - failed.length);
      expect(resumed.code).toBe(3);
      expect(resumed.stderr.trim().split('\n').at(-1)).toContain(
        `nb: ${failed.length} of 40 predictions failed`,
      );
      const retried = await assay(['run', path, '--quiet', '--retry-failed']);
      expect(retried.code).toBe(0);
      expect(up.stats().completions).toBe(40);
    } finally {
      await up.close();
    }
  }, 120_000);

  it('exits 3 when every request fails, labels predictions and requests, and shows no throughput', async () => {
    // fewer requests than stop a run early: all 12 are sent, and all fail to connect
    const closed = writeConfig(
      'dead-port',
      { dataset: { builtin: 'spam-assassin', limit: 12, seed: 1 } },
      `http://127.0.0.1:${await freePort()}/v1`,
    );
    const dead = await assay(['run', closed, '--quiet']);
    expect(dead.code).toBe(3);
    const last = dead.stderr.trim().split('\n').at(-1)!;
    expect(last).toMatch(
      /12 of 12 predictions failed \(100\.0%\), above evaluation\.maxFailedFraction 0\.05; 12 distinct requests failed \(connection × 12\)/,
    );
    expect(last).toMatch(/ECONNREFUSED 127\.0\.0\.1:/);
    expect(dead.stdout).toMatch(/NOT REPRESENTATIVE {2}nb:/);
    const results = RunResultsSchema.parse(
      JSON.parse(readFileSync(join(dir, 'dead-port', 'results.json'), 'utf8')),
    );
    expect(results.models[0]!.notRepresentative).toHaveLength(1);
    expect(results.models[0]!.service.sentThisRun).toBe(12);
    // a rate of refused connections is no service figure
    expect(results.models[0]!.service.throughput).toBeNull();
    const row = dead.stdout.split('\n').find((l) => /^\s*nb\s+12\s/.test(l));
    expect(row).toBeDefined();
    expect(row).not.toMatch(/\d+\.\d/);
    expect(readFileSync(join(dir, 'dead-port', 'report.md'), 'utf8')).toMatch(/Not representative/);
    // a server that answers 429 to every request
    const limited = writeConfig('always-429', {}, server.baseUrl);
    const config = YAML.parse(readFileSync(limited, 'utf8'));
    config.models[0].headers = { 'x-assay-fault': 'status=429' };
    config.models[0].retry = { maxRetries: 0 };
    writeFileSync(limited, YAML.stringify(config));
    const busy = await assay(['run', limited, '--quiet']);
    expect(busy.code).toBe(3);
    expect(busy.stderr.trim().split('\n').at(-1)).toMatch(/http_status × 40 \[HTTP 429 × 40\]/);
  });

  it('exits 3 when most answers are unparseable, and 0 under a looser limit', async () => {
    // the spam filter answers spam/ham; labels it never says leave every answer unparseable
    const overrides = {
      task: { type: 'classification', labels: ['yes', 'no'] },
      dataset: { path: join(dir, 'yes-no.jsonl') },
    };
    writeFileSync(
      join(dir, 'yes-no.jsonl'),
      Array.from({ length: 12 }, (_, i) =>
        JSON.stringify({ id: `q${i}`, text: `question ${i}`, label: i % 2 ? 'yes' : 'no' }),
      ).join('\n'),
    );
    const strict = writeConfig(
      'unparseable',
      { ...overrides, evaluation: { method: 'kfold', k: 2, bootstrap: 20 } },
      server.baseUrl,
    );
    const run = await assay(['run', strict, '--quiet']);
    expect(run.code).toBe(3);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(
      /12 of 12 answers were unparseable \(100\.0%\), above evaluation\.maxUnparseableFraction 0\.5/,
    );
    const loose = writeConfig(
      'unparseable-ok',
      {
        ...overrides,
        evaluation: { method: 'kfold', k: 2, bootstrap: 20, maxUnparseableFraction: 1 },
      },
      server.baseUrl,
    );
    expect((await assay(['run', loose, '--quiet'])).code).toBe(0);
  });
});
