import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTune, type TuneResults, tuneSetup } from '../src/index.js';
import { loadRunDataset } from '../src/run/load-run-dataset.js';
import { gridCandidates } from '../src/tune/candidates.js';
import type { EvaluationContext } from '../src/tune/evaluate-candidate.js';
import { fullGridPhrase, gridRequests, planGridRequests } from '../src/tune/grid-requests.js';
import { tuneDoc } from './support/tune-doc.js';

// maxFieldChars 40 cuts many e-mails to the same prompt: a full grid asks fewer requests than
// candidates x items, and every figure of it must say the same number
let server: ModelServer;
let dir: string;
beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-tune-grid-figure-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const SPACE = {
  'prompt.template': ['Classify this e-mail as spam or ham:\n\n{{text}}', 'Spam or ham? {{text}}'],
  'prompt.maxFieldChars': [40, 300, 3000],
};

async function tune(
  name: string,
  search: Record<string, unknown>,
): Promise<{ r: TuneResults; warnings: string[] }> {
  const warnings: string[] = [];
  const doc = tuneDoc({
    name: 'tune-grid-figure',
    baseUrl: server.baseUrl,
    out: join(dir, name),
    limit: 100,
    model: { concurrency: { max: 8 } },
    search: { space: SPACE, metric: 'f1_macro', ...search },
  });
  const r = await runTune(await tuneSetup(doc, dir), { onWarning: (w) => warnings.push(w) });
  return { r, warnings };
}

/** Every request the search's evaluations asked, sent or answered by the cache or a journal. */
const asked = (r: TuneResults): number =>
  r.candidates.flatMap((c) => c.evaluations).reduce((a, e) => a + e.requests, 0);

describe('a full grid has one figure, in every message', () => {
  it('a random search that scores the whole grid asks exactly the full grid figure its warning gave', async () => {
    const { r, warnings } = await tune('random', { strategy: 'random', n: 10 });
    expect(r.coverage).toEqual({ evaluated: 6, candidates: 6 });
    // truncated e-mails repeat prompts: fewer than 6 x 80 tuning + 20 test requests
    expect(r.gridRequestsEstimate).toBeLessThan(6 * 80 + 20);
    expect(r.gridRequestsEstimate).toBe(asked(r));
    expect(r.gridRequestsExtrapolated).toBe(false);
    const noBudget = warnings.find((w) => w.startsWith('search.budget is not set'));
    expect(noBudget).toContain(
      `scores the full grid: a full grid asks ${r.gridRequestsEstimate} requests, sent or answered by the cache (every candidate on the 80 tuning items, then the winner on the 20 test items)`,
    );
  }, 180_000);

  it('successive halving and grid search of the same space give the same full grid figure', async () => {
    const halving = await tune('halving', { strategy: 'successive-halving', minItems: 10 });
    const grid = await tune('grid', { strategy: 'grid' });
    expect(halving.r.gridRequestsEstimate).toBe(grid.r.gridRequestsEstimate);
    expect(grid.r.gridRequestsEstimate).toBe(asked(grid.r));
    // the halving's own estimate is its own, and the warning names the full grid's beside it
    const noBudget = halving.warnings.find((w) => w.startsWith('search.budget is not set'));
    expect(noBudget).toContain(`where a full grid asks ${grid.r.gridRequestsEstimate} requests`);
  }, 180_000);

  it('under nested cross-validation the figure is extrapolated, and says so', () => {
    const plan = { tuning: [100, 80], test: [0, 0], tuningItems: 100, outer: 3 };
    const figure = gridRequests(plan, null);
    // every item in two outer training parts and one held-out part, then the search on all
    expect(figure).toEqual({ requests: 180 * 3 + 100, extrapolated: true, nested: true });
    expect(fullGridPhrase(figure, { tuning: 100, test: 0 })).toMatch(
      /^a full grid asks about 640 requests, .*extrapolated from each candidate's requests per item\)$/,
    );
  });
});

describe('a grid too large to plan item by item', () => {
  it('is planned on evenly spaced items and scaled, and says so', async () => {
    const doc = tuneDoc({
      name: 'tune-grid-sampled',
      baseUrl: 'http://127.0.0.1:9/v1',
      out: join(dir, 'sampled'),
      limit: 100,
      search: {
        space: { 'prompt.template': SPACE['prompt.template'], 'prompt.maxFieldChars': [3000] },
        metric: 'f1_macro',
      },
    });
    const setup = await tuneSetup(doc, dir);
    const items = await loadRunDataset(setup.base);
    const ids = {
      tuning: items.slice(0, 80).map((i) => i.id),
      test: items.slice(80).map((i) => i.id),
    };
    const ctx = {
      raw: setup.raw,
      baseDir: setup.baseDir,
      outDir: join(dir, 'sampled'),
      metric: setup.metric,
      constraints: setup.search.constraints,
    } as unknown as EvaluationContext;
    const grid = gridCandidates(setup.space);
    const whole = planGridRequests(ctx, grid, items, ids, null);
    // 2 candidates x 100 items: 40 renders plan a fifth of each part
    const sampled = planGridRequests(ctx, grid, items, ids, null, 40);
    expect(whole.sampled).toBeUndefined();
    expect(sampled.sampled).toBe(true);
    // whole e-mails do not repeat: the scaled counts are the planned ones
    expect(sampled.tuning).toEqual(whole.tuning);
    expect(sampled.test).toEqual(whole.test);
    const figure = gridRequests(sampled, null);
    expect(figure).toEqual({ requests: gridRequests(whole, null).requests, extrapolated: true });
    expect(fullGridPhrase(figure, { tuning: 80, test: 20 })).toMatch(
      /^a full grid asks about \d+ requests, .*each candidate planned on evenly spaced items and scaled/,
    );
  });
});
