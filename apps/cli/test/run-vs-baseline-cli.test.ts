import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { RunResultsSchema } from '@assay/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assay } from './cli-process.js';
import { spamRun, writeRunConfig } from './run-config-file.js';

let dir: string;
let server: ModelServer;
const ITEMS = 300;
const TEMPLATE = 'Classify this e-mail as spam or ham:\n\n{{text}}';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-cli-vs-baseline-'));
  server = await startModelServer({ port: 0 });
  await spamRun(dir, server.baseUrl, 'full', {}, { items: ITEMS });
}, 120_000);

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("assay run with 'vs baseline' thresholds", () => {
  const thresholdOf = (name: string) =>
    RunResultsSchema.parse(JSON.parse(readFileSync(join(dir, name, 'results.json'), 'utf8')))
      .thresholds[0]!;

  it('fails a regressed candidate: the difference from the baseline and its BCa interval below -0.01', async () => {
    const config = writeRunConfig(dir, 'short-vs-full', server.baseUrl, {
      dataset: { builtin: 'spam-assassin', limit: ITEMS, seed: 1 },
      prompt: { template: TEMPLATE, maxFieldChars: 120 },
      baseline: join(dir, 'full'),
      thresholds: ['f1_macro vs baseline >= -0.01'],
    });
    const done = await assay(['run', config, '--quiet']);
    expect(done.code).toBe(1);
    const t = thresholdOf('short-vs-full');
    expect(t).toMatchObject({
      against: 'baseline',
      outcome: 'fail',
      bound: 'ci_low',
      interval: 'bootstrap-bca',
      limit: -0.01,
    });
    expect(t.value!).toBeLessThan(-0.1);
    expect(t.ciLow!).toBeLessThan(t.value!);
    expect(t.ciHigh!).toBeLessThan(-0.01);
  }, 60_000);

  it('passes a candidate that answers as the baseline did: difference 0', async () => {
    const config = writeRunConfig(dir, 'same-vs-full', server.baseUrl, {
      dataset: { builtin: 'spam-assassin', limit: ITEMS, seed: 1 },
      baseline: join(dir, 'full', 'results.json'),
      thresholds: ['f1_macro vs baseline >= -0.01', 'log_loss vs baseline <= 0.01'],
    });
    const done = await assay(['run', config, '--quiet']);
    expect(done.code).toBe(0);
    const t = thresholdOf('same-vs-full');
    expect(t).toMatchObject({ outcome: 'pass', value: 0, ciLow: 0, ciHigh: 0 });
  }, 60_000);

  it('refuses a missing baseline with exit 2 before sending any request', async () => {
    const config = writeRunConfig(dir, 'no-baseline', server.baseUrl, {
      baseline: join(dir, 'not-a-run'),
      thresholds: ['accuracy vs baseline >= -0.01'],
    });
    const before = server.stats().completions;
    const done = await assay(['run', config, '--quiet']);
    expect(done.code).toBe(2);
    expect(done.stderr.trim()).toBe(
      `assay: baseline: ${join(dir, 'not-a-run')} does not exist; pass an assay run output directory or its results.json.`,
    );
    expect(server.stats().completions).toBe(before);
  }, 60_000);
});
