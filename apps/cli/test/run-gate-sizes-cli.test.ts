import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../test-support/free-port.js';
import { assay } from './cli-process.js';
import { writeRunConfig } from './run-config-file.js';

// What `assay run` says before sending (a gate no answer can check) and after it (a retry
// budget spent on a service that was not there).
let dir: string;
let server: ModelServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-cli-gate-sizes-'));
  server = await startModelServer({ port: 0 });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const lastLine = (text: string): string => text.trim().split('\n').at(-1)!;

const P95 =
  "thresholds[1] 'p95_latency_ms.ci_high <= 800' cannot be checked: model nb has 40 requests planned, and the upper 95% bound of p95_latency_ms exists only from 72 timed requests, so the threshold would end as an ERROR and fail the run after every request was paid for. Plan at least 72 requests (more items: dataset.limit), or gate the point value (p95_latency_ms <= 800).";

describe('assay run with a latency gate its requests cannot check', () => {
  const thresholds = ['accuracy >= 0.5', 'p95_latency_ms.ci_high <= 800'];

  it('exits 2 before any request, naming the threshold, the planned requests and the count needed', async () => {
    const path = writeRunConfig(dir, 'p95-40', server.baseUrl, { thresholds });
    const before = server.stats().completions;
    const run = await assay(['run', path, '--quiet', '--junit', join(dir, 'never.xml')]);
    expect(run.code).toBe(2);
    expect(lastLine(run.stderr)).toBe(
      `assay: The run was not started, and no request was sent: ${P95}`,
    );
    expect(server.stats().completions).toBe(before);
    expect(existsSync(join(dir, 'p95-40', 'results.json'))).toBe(false);
    expect(existsSync(join(dir, 'never.xml'))).toBe(false);
  });

  it('is a warning of the dry run, which exits 0', async () => {
    const path = writeRunConfig(dir, 'p95-dry', server.baseUrl, { thresholds });
    const dry = await assay(['run', path, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`warning: ${P95}`);
  });

  it('runs once the planned requests give the bound', async () => {
    const path = writeRunConfig(dir, 'p95-72', server.baseUrl, {
      thresholds: ['p95_latency_ms.ci_high <= 600000'],
      dataset: { builtin: 'spam-assassin', limit: 72, seed: 1 },
    });
    const run = await assay(['run', path, '--quiet']);
    expect(run.stderr).not.toContain('cannot be checked');
    expect(run.code).toBe(0);
  }, 120_000);
});

describe('the retry budget warning of assay run', () => {
  // 12 requests (fewer than the 20 failures that stop a model), 10 retries in all at budget 0
  const overrides = (url: string, headers: Record<string, string>) => ({
    dataset: { builtin: 'spam-assassin', limit: 12, seed: 1 },
    models: [
      {
        name: 'nb',
        provider: 'openai-chat',
        baseUrl: url,
        model: 'assay-spam-nb',
        params: { maxTokens: 4 },
        concurrency: { max: 1 },
        retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 2, budget: 0 },
        headers,
      },
    ],
  });

  it('does not blame the budget beside a service that refused every connection', async () => {
    const url = `http://127.0.0.1:${await freePort()}/v1`;
    const path = writeRunConfig(dir, 'refused', url, overrides(url, {}));
    const run = await assay(['run', path, '--quiet']);
    expect(run.code).toBe(3);
    expect(run.stderr).not.toContain('retry budget was exhausted');
    expect(run.stderr).toContain(
      `assay: warning: nb: 12 requests failed this run without reaching the service at ${url} (a refused, reset or closed connection, a DNS or TLS failure, or a connect timeout): check that it is running at models[0].baseUrl; retries would not help until it is started, and models[0].retry.budget is not the cause (9 were not retried once it was spent on these same failures;`,
    );
  }, 60_000);

  it('still warns of the budget when the service answered and the budget ran out', async () => {
    const path = writeRunConfig(
      dir,
      'spent',
      server.baseUrl,
      overrides(server.baseUrl, {
        'x-assay-fault': 'fail-first=100;key=cli-budget-spent;status=503',
      }),
    );
    const run = await assay(['run', path, '--quiet']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      'assay: warning: nb: the retry budget was exhausted after 10 retries (models[0].retry.budget 0: at most 10 + 0 × requests); 9 requests failed without the retries they had left',
    );
    expect(run.stderr).not.toContain('without reaching the service');
  }, 60_000);
});
