import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assay } from './cli-process.js';
import { writeRunConfig } from './run-config-file.js';

// What `assay run` refuses before sending besides a percentile end too few requests can bound:
// a Wilson end no outcome of the planned count can pass, a TTFT gate on a model not streamed.
let dir: string;
let server: ModelServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-cli-unpassable-'));
  server = await startModelServer({ port: 0 });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const lastLine = (text: string): string => text.trim().split('\n').at(-1)!;

const ERROR_RATE =
  "thresholds[1] 'error_rate.ci_high <= 0.02' cannot pass: model nb has 40 requests planned, and even with none failed the upper 95% bound of error_rate (Wilson) would be 0.08762 there, not <= 0.02, so the threshold would fail, and the run with it, after every request was paid for, whatever the service answers. Plan at least 189 requests (more items: dataset.limit), the fewest at which a run with none failed passes, or gate the point value (error_rate <= 0.02).";

const TTFT =
  "thresholds[0] 'p95_ttft_ms <= 600000' cannot be checked: model nb is not streamed (models[0].streaming is false), so no request of this run is timed for p95_ttft_ms, and the threshold would end as an ERROR (p95_ttft_ms has no value) and fail the run after every request was paid for. Set models[0].streaming: true, or gate the end-to-end latency instead (p95_latency_ms <= 600000).";

/** The model of `writeRunConfig`, with `fields` added. */
function model(url: string, fields: Record<string, unknown> = {}) {
  return {
    name: 'nb',
    provider: 'openai-chat',
    baseUrl: url,
    model: 'assay-spam-nb',
    params: { maxTokens: 4 },
    ...fields,
  };
}

describe('assay run with a gate no outcome of its requests can pass', () => {
  const thresholds = ['accuracy >= 0.5', 'error_rate.ci_high <= 0.02'];

  it('exits 2 before any request, naming the threshold, the count, the best bound and the count needed', async () => {
    const path = writeRunConfig(dir, 'rate-40', server.baseUrl, { thresholds });
    const before = server.stats().completions;
    const run = await assay(['run', path, '--quiet']);
    expect(run.code).toBe(2);
    expect(lastLine(run.stderr)).toBe(
      `assay: The run was not started, and no request was sent: ${ERROR_RATE}`,
    );
    expect(server.stats().completions).toBe(before);
    expect(existsSync(join(dir, 'rate-40', 'results.json'))).toBe(false);
  });

  it('is a warning of the dry run, which exits 0', async () => {
    const path = writeRunConfig(dir, 'rate-dry', server.baseUrl, { thresholds });
    const dry = await assay(['run', path, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`warning: ${ERROR_RATE}`);
  });

  it('runs from the count at which a run with none failed passes', async () => {
    const path = writeRunConfig(dir, 'rate-35', server.baseUrl, {
      thresholds: ['error_rate.ci_high <= 0.1'],
      dataset: { builtin: 'spam-assassin', limit: 35, seed: 1 },
    });
    const run = await assay(['run', path, '--quiet']);
    expect(run.stderr).not.toContain('cannot pass');
    expect(run.code).toBe(0);
  }, 120_000);
});

describe('assay run with a TTFT gate on a model that is not streamed', () => {
  const thresholds = ['p95_ttft_ms <= 600000'];

  it('exits 2 before any request, saying to stream the model or gate the latency', async () => {
    const path = writeRunConfig(dir, 'ttft', server.baseUrl, {
      thresholds,
      models: [model(server.baseUrl)],
    });
    const before = server.stats().completions;
    const run = await assay(['run', path, '--quiet']);
    expect(run.code).toBe(2);
    expect(lastLine(run.stderr)).toBe(
      `assay: The run was not started, and no request was sent: ${TTFT}`,
    );
    expect(server.stats().completions).toBe(before);
    const dry = await assay(['run', path, '--dry-run']);
    expect(dry.stdout).toContain(`warning: ${TTFT}`);
  });

  it('runs, and passes, once the model is streamed', async () => {
    const path = writeRunConfig(dir, 'ttft-streamed', server.baseUrl, {
      thresholds,
      models: [model(server.baseUrl, { streaming: true })],
      dataset: { builtin: 'spam-assassin', limit: 12, seed: 1 },
    });
    const run = await assay(['run', path, '--quiet']);
    expect(run.stderr).not.toContain('cannot be checked');
    expect(run.code).toBe(0);
  }, 120_000);
});
