import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dryRun, parseRunConfig, runEvaluation } from '../src/index.js';
import { readPredictions } from '../src/outputs/write-predictions.js';
import { spamRunDocument } from './small-run.js';

let dir: string;
let server: ModelServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-sample-change-'));
  server = await startModelServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const config = (out: string, limit: number) =>
  parseRunConfig(spamRunDocument({ name: 'limit', out, baseUrl: server.baseUrl, limit }));

describe('a dry run resuming with another dataset.limit', () => {
  it('says how many items to send were not in the previous sample: a new limit draws anew, it does not grow', async () => {
    const out = join(dir, 'grow');
    await runEvaluation(config(out, 40));
    const report = await dryRun(config(out, 41));
    const note = report.warnings.find((w) => w.startsWith('dataset.limit 40 → 41'));
    const m =
      /so (\d+) of this run's 41 items were not in its sample .* and (\d+) of its 40 items are left out/.exec(
        note ?? '',
      );
    expect(m).not.toBeNull();
    const added = Number(m![1]);
    // the new items are the requests to send (the journal and cache hold only the old sample's)
    expect(report.models[0]!.toSend).toBe(added);
    expect(added).toBeGreaterThan(1);
    expect(Number(m![2])).toBe(40 - (41 - added));
    expect(note).toContain(`since the previous run in ${out}: the sample is drawn anew`);
  }, 60_000);

  it('says nothing with the same limit, or with --fresh (nothing is resumed)', async () => {
    const out = join(dir, 'same');
    await runEvaluation(config(out, 40));
    expect((await dryRun(config(out, 40))).warnings.join(' ')).not.toContain('dataset.limit');
    const fresh = await dryRun(config(out, 41), { fresh: true });
    expect(fresh.warnings.join(' ')).not.toContain('dataset.limit');
  }, 60_000);
});

describe('a dry run resuming with another dataset.seed', () => {
  /** The spam run over the given items, without a limit: `dataset.seed` then seeds nothing. */
  const byIds = (out: string, ids: readonly string[], seed: number) => {
    const doc = spamRunDocument({ name: 'ids', out, baseUrl: server.baseUrl });
    const dataset = { builtin: 'spam-assassin', ids: [...ids], seed };
    return parseRunConfig({ ...doc, dataset });
  };

  it('says nothing without a limit, where the seed draws no sample', async () => {
    const sampled = join(dir, 'seed-sample');
    await runEvaluation(config(sampled, 40));
    const ids = readPredictions(readFileSync(join(sampled, 'predictions.arrow'))).map((r) => r.id);
    const out = join(dir, 'seed-all');
    await runEvaluation(byIds(out, ids, 1));
    const report = await dryRun(byIds(out, ids, 7));
    expect(report.warnings.join(' ')).not.toContain('dataset.seed');
    expect(report.models[0]!.toSend).toBe(0);
  }, 60_000);

  it('names the seed change where a limit draws the sample, and how many items it swaps', async () => {
    const out = join(dir, 'seed-limit');
    await runEvaluation(config(out, 40));
    const reseeded = parseRunConfig({
      ...spamRunDocument({ name: 'limit', out, baseUrl: server.baseUrl, limit: 40 }),
      dataset: { builtin: 'spam-assassin', limit: 40, seed: 7 },
    });
    const report = await dryRun(reseeded);
    const note = report.warnings.find((w) => w.startsWith('dataset.seed 1 → 7 since'));
    expect(note).toMatch(/so [1-9]\d* of this run's 40 items were not in its sample/);
    expect(report.models[0]!.toSend).toBeGreaterThan(0);
  }, 60_000);
});
