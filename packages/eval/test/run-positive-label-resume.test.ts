import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import type { RunResults } from '@assay/report';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRunConfig, runEvaluation } from '../src/index.js';
import type { Outcome } from '../src/run/journal.js';
import { rescoredOutcome } from '../src/run/model-requests.js';
import { spamRunDocument } from './small-run.js';

const ITEMS = 40;
let server: ModelServer;
let dir: string;

/** A binary run scored from log-probabilities, with the given labels and positive label. */
function scoredRun(out: string, positiveLabel: string) {
  const document = spamRunDocument({
    name: 'scored',
    out,
    baseUrl: server.baseUrl,
    limit: ITEMS,
    model: { params: { maxTokens: 4, temperature: 0, logprobs: true } },
    evaluation: { bootstrap: 50 },
  });
  return parseRunConfig({
    ...document,
    task: { type: 'classification', labels: ['spam', 'ham'], positiveLabel },
  });
}

const metric = (r: RunResults, name: string): number | null => r.models[0]!.metrics[name]!.value;

beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-positive-resume-'));
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a journaled score read for another positive label', () => {
  it('resumes with the complement: the same metrics as a fresh run with that label, nothing sent', async () => {
    const shared = join(dir, 'shared');
    await runEvaluation(scoredRun(shared, 'spam'));
    const before = server.stats().completions;
    const resumed = await runEvaluation(scoredRun(shared, 'ham'));
    expect(server.stats().completions).toBe(before);
    expect(resumed.models[0]!.service.resumedFromJournal).toBe(ITEMS);
    const fresh = await runEvaluation(scoredRun(join(dir, 'fresh-ham'), 'ham'));
    for (const name of ['roc_auc', 'log_loss', 'brier_score']) {
      const value = metric(fresh, name);
      expect(value, name).not.toBeNull();
      // the complement of a stored probability carries at most a rounding of the last bit
      expect(metric(resumed, name), name).toBeCloseTo(value!, 12);
    }
    // the stale score read as P(ham) gave 1 − AUC: the fault this guards against
    expect(metric(resumed, 'roc_auc')!).toBeGreaterThan(0.5);
  }, 60_000);

  it('reads a journal written before the label was kept by the last results.json', async () => {
    const legacy = join(dir, 'legacy');
    await runEvaluation(scoredRun(legacy, 'spam'));
    // as an older assay wrote it: no scoreOf beside the scores
    const db = new Database(join(legacy, 'journal.sqlite'));
    db.prepare("UPDATE outcomes SET metrics = json_remove(metrics, '$.scoreOf')").run();
    const left = db.prepare("SELECT COUNT(*) AS n FROM outcomes WHERE metrics LIKE '%scoreOf%'");
    expect((left.get() as { n: number }).n).toBe(0);
    db.close();
    const resumed = await runEvaluation(scoredRun(legacy, 'ham'));
    expect(resumed.models[0]!.service.resumedFromJournal).toBe(ITEMS);
    const fresh = await runEvaluation(scoredRun(join(dir, 'fresh-ham-2'), 'ham'));
    expect(metric(resumed, 'roc_auc')).toBeCloseTo(metric(fresh, 'roc_auc')!, 12);
  }, 60_000);
});

describe('rescoredOutcome', () => {
  const outcome = (score: number | null, scoreOf?: string): Outcome => ({
    model: 'nb',
    key: 'k',
    status: 'ok',
    text: 'spam',
    score,
    ...(scoreOf === undefined ? {} : { scoreOf }),
    errorClass: null,
    errorMessage: null,
    cached: false,
    ttftMs: null,
    tpotMs: null,
    e2eMs: 5,
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
    retries: 0,
  });
  const scoring = { labels: ['spam', 'ham'], positive: 'ham' };

  it('keeps a score of this positive label, a missing score and one from an older journal', () => {
    for (const o of [outcome(0.25, 'ham'), outcome(null), outcome(0.25)]) {
      expect(rescoredOutcome(o, scoring)).toBe(o);
    }
    // an older journal's score, known from the last results.json to be P(spam)
    expect(rescoredOutcome(outcome(0.25), scoring, 'spam')?.score).toBe(0.75);
    expect(rescoredOutcome(outcome(0.25), scoring, 'ham')?.score).toBe(0.25);
  });

  it("turns the other label's score into its complement, and refuses a label of neither", () => {
    expect(rescoredOutcome(outcome(0.25, 'spam'), scoring)).toMatchObject({
      score: 0.75,
      scoreOf: 'ham',
    });
    expect(rescoredOutcome(outcome(0.25, 'junk'), scoring)).toBeUndefined();
  });
});
