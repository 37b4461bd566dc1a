import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTune, type TuneResults, tuneSetup } from '../src/index.js';
import { tuneDoc } from './support/tune-doc.js';

// Two lengths of the e-mail: every e-mail shorter than 3000 characters makes the same prompt
// for both, so the second candidate gets those answers from the search's cache, free.
let server: ModelServer;
let dir: string;
beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-tune-paid-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function doc(out: string, budget: Record<string, number>): Record<string, unknown> {
  return tuneDoc({
    name: 'tune-paid',
    baseUrl: server.baseUrl,
    out,
    limit: 60,
    model: { price: { inputPerMTok: 1, outputPerMTok: 1 }, concurrency: { max: 8 } },
    search: {
      space: { 'prompt.maxFieldChars': [3000, 6000] },
      metric: 'f1_macro',
      strategy: 'grid',
      budget,
    },
  });
}

const tune = async (name: string, budget: Record<string, number>): Promise<TuneResults> =>
  runTune(await tuneSetup(doc(join(dir, name), budget), dir));

const tuningEvaluations = (r: TuneResults) =>
  r.candidates.flatMap((c) => c.evaluations).filter((e) => e.rung !== 'test');

describe('the request budget counts only requests paid for, across resumes', () => {
  it('a resumed search does not count answers that came free from the cache as paid', async () => {
    // a search with room for everything: what the tuning part and the test part send
    const probe = await tune('probe', { requests: 100_000 });
    const tuningPaid = tuningEvaluations(probe).reduce((a, e) => a + e.sent, 0);
    const tuningCached = tuningEvaluations(probe).reduce((a, e) => a + e.cached, 0);
    const testSent = probe.winner!.test!.sent;
    expect(tuningCached).toBeGreaterThan(0);
    expect(testSent).toBeGreaterThan(0);

    // one request short of the test part: it stops after the tuning part
    const first = await tune('resumed', { requests: tuningPaid + testSent - 1 });
    expect(first.winner!.test).toBeNull();
    expect(first.spent.sent).toBe(tuningPaid);

    // the same folder with room for the test part: the resumed answers the cache gave are free
    const before = server.stats().completions;
    const second = await tune('resumed', { requests: tuningPaid + testSent });
    expect(second.stoppedBy).toBeNull();
    expect(second.winner!.test).not.toBeNull();
    expect(second.winner!.test!.value).toBe(probe.winner!.test!.value);
    expect(second.spent.resumed).toBe(tuningPaid + tuningCached);
    expect(second.spent.resumedPaid).toBe(tuningPaid);
    expect(second.spent.sent).toBe(testSent);
    expect(server.stats().completions - before).toBe(testSent);
  }, 120_000);

  it("an evaluation's cost is what it paid, not the cost of the answers the cache gave", async () => {
    const r = await tune('cost', { requests: 100_000 });
    const evaluations = r.candidates.flatMap((c) => c.evaluations);
    const withCache = evaluations.find((e) => e.cached > 0)!;
    const run = JSON.parse(readFileSync(join(withCache.dir, 'results.json'), 'utf8'));
    const allAnswers = run.models[0].service.costUsd as number;
    expect(withCache.costUsd!).toBeGreaterThan(0);
    expect(withCache.costUsd!).toBeLessThan(allAnswers);
    expect(withCache.sentCostUsd).toBeCloseTo(withCache.costUsd!, 10);
    const sum = evaluations.reduce((a, e) => a + (e.costUsd ?? 0), 0);
    expect(r.spent.costUsd).toBeCloseTo(sum, 10);
  }, 120_000);
});
