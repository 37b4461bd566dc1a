import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noneSeenUpper } from '../src/compare/alike-items-bound.js';
import {
  differingItems,
  flooredBootstrapP,
  readsLabelsOnly,
} from '../src/compare/bootstrap-p-floor.js';
import {
  compareRuns,
  compareText,
  parseRunConfig,
  readPredictions,
  runEvaluation,
  writePredictions,
} from '../src/index.js';
import type { PredictionRow } from '../src/run/prediction-row.js';
import { spamRunDocument } from './small-run.js';
import { forgetOwnValues } from './support/forget-own-values.js';

describe('the floor of a bootstrap p-value', () => {
  it('is 2 / 2^d for d differing items, and leaves alone what is above it or stands for less', () => {
    expect(flooredBootstrapP(0, 5, 1000)).toBe(0.0625);
    expect(flooredBootstrapP(0.01, 5, 1000)).toBe(0.0625);
    expect(flooredBootstrapP(0.2, 5, 1000)).toBe(0.2);
    expect(flooredBootstrapP(0, 1, 1000)).toBe(1);
    // many items: a 0 keeps standing for p < 2 / B (the floor is far below)
    expect(flooredBootstrapP(0, 300, 1000)).toBe(0);
    expect(flooredBootstrapP(1e-4, 300, 1000)).toBe(1e-4);
    // 12 items: the floor 2 / 4096 = 4.9e-4 is below the 0.002 that a 0 of 1000 resamples stands for
    expect(flooredBootstrapP(0, 12, 1000)).toBe(0);
    expect(flooredBootstrapP(0, 12, 100_000)).toBeCloseTo(2 / 4096, 15);
  });

  it('counts the items whose parsed answer or score differ, or whose text does for generation', () => {
    const row = (rawAnswer: string, parsed: string, score: number | null) =>
      ({ id: 'a', rawAnswer, parsed, score }) as PredictionRow;
    // "Spam." and "spam" are one answer to the metrics
    expect(differingItems([row('Spam.', 'spam', 0.9)], [row('spam', 'spam', 0.9)])).toBe(0);
    expect(differingItems([row('Spam.', 'spam', 0.9)], [row('spam', 'spam', 0.9)], true)).toBe(1);
    expect(differingItems([row('spam', 'spam', 0.9)], [row('spam', 'spam', 0.8)])).toBe(1);
    // a metric of labels alone learns nothing from an item whose score alone differs
    expect(
      differingItems([row('spam', 'spam', 0.9)], [row('spam', 'spam', 0.8)], false, true),
    ).toBe(0);
    expect(readsLabelsOnly('f1_macro')).toBe(true);
    expect(readsLabelsOnly('roc_auc')).toBe(false);
  });
});

describe('assay compare on a handful of items', () => {
  let server: ModelServer;
  let dir: string;

  beforeAll(async () => {
    server = await startModelServer({ port: 0 });
    dir = mkdtempSync(join(tmpdir(), 'assay-compare-small-'));
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A run of 5 items of the reference server, into `dir/<folder>`. */
  async function fiveItemRun(name: string, folder: string): Promise<string> {
    const out = join(dir, folder);
    const doc = spamRunDocument({
      name,
      out,
      baseUrl: server.baseUrl,
      limit: 5,
      evaluation: { bootstrap: 200 },
    });
    await runEvaluation(parseRunConfig(doc));
    return out;
  }

  it('does not call 5 items all answered worse significant: no paired test can reach p < 0.0625', async () => {
    const base = await fiveItemRun('five', 'base');
    // the baseline answers every item right, the candidate every item wrong
    const worse = join(dir, 'worse');
    cpSync(base, worse, { recursive: true });
    const rows = readPredictions(readFileSync(join(base, 'predictions.arrow'))).map((r) => ({
      ...r,
      parsed: r.expected,
      rawAnswer: r.expected,
      correct: true,
    }));
    await writePredictions(join(base, 'predictions.arrow'), rows);
    const flipped = rows.map((r) => {
      const parsed = r.expected === 'spam' ? 'ham' : 'spam';
      return { ...r, parsed, rawAnswer: parsed, correct: false };
    });
    await writePredictions(join(worse, 'predictions.arrow'), flipped);
    expect(differingItems(rows, flipped)).toBe(5);
    forgetOwnValues(base);
    forgetOwnValues(worse);

    const r = await compareRuns(base, worse, {
      bootstrap: 1000,
      failOn: 'regression',
      metrics: ['accuracy', 'balanced_accuracy', 'f1_macro'],
    });
    const byName = Object.fromEntries(r.metrics.map((m) => [m.metric, m]));
    expect(byName.accuracy!.test).toBe('mcnemar');
    expect(byName.accuracy!.pValue).toBeCloseTo(0.0625, 12);
    for (const name of ['balanced_accuracy', 'f1_macro']) {
      expect(byName[name]!.test).toBe('bootstrap');
      expect(byName[name]!.pValue).toBe(0.0625);
      expect(byName[name]!.worse).toBe(false);
    }
    expect(r.decision.exitCode).toBe(0);
    expect(r.notes).toContainEqual(
      expect.stringMatching(/^only 5 items paired: differences of a few points are within noise/),
    );
  }, 60_000);

  it('fails a margin on 5 items all answered alike: the accuracy interval is the exact bound, not [0, 0]', async () => {
    const five = await fiveItemRun('five-alike', 'five-alike');
    const copy = join(dir, 'five-alike-copy');
    cpSync(five, copy, { recursive: true });
    const r = await compareRuns(five, copy, {
      bootstrap: 200,
      margin: 0.01,
      metrics: ['accuracy', 'f1_macro'],
    });
    const byName = Object.fromEntries(r.metrics.map((m) => [m.metric, m]));
    const u = noneSeenUpper(5, 0.95);
    expect(u).toBeCloseTo(0.5218237501049814, 14); // scipy's beta.ppf(0.975, 1, 5)
    expect(byName.accuracy).toMatchObject({
      difference: 0,
      ciLow: -u,
      ciHigh: u,
      interval: 'clopper-pearson',
      itemsAlike: 5,
      nonInferior: false,
      failed: true,
    });
    // F1 has no such bound: [0, 0] passes the margin, with the caveat on the last line
    expect(byName.f1_macro).toMatchObject({ ciLow: 0, ciHigh: 0, interval: 'percentile' });
    expect(r.decision.exitCode).toBe(1);
    expect(r.decision.reason).toMatch(
      /^FAIL: accuracy not non-inferior at margin 0\.01 \(.*95% CI \[-0\.5218, 0\.5218\] \(Clopper-Pearson bound: none of 5 items answered differently\)/,
    );
    expect(r.notes).toContainEqual(
      expect.stringMatching(
        /^Clopper-Pearson bound for accuracy: none of the 5 paired items was answered differently, .* the interval is ±0\.5218, the 95% exact \(Clopper-Pearson\) upper end/,
      ),
    );
    expect(compareText(r)).toMatch(
      /paired bootstrap \(percentile; Clopper-Pearson bound for accuracy\)/,
    );
  }, 60_000);

  it('gates a metric asked for by another of its names (--metric brier_score_loss gates brier_score)', async () => {
    const scored = join(dir, 'scored');
    await runEvaluation(
      parseRunConfig(
        spamRunDocument({
          name: 'scored',
          out: scored,
          baseUrl: server.baseUrl,
          limit: 30,
          model: { params: { maxTokens: 4, temperature: 0, logprobs: true } },
          evaluation: { bootstrap: 100 },
        }),
      ),
    );
    // the same run at another path (a run is never compared with itself)
    const copy = join(dir, 'scored-copy');
    cpSync(scored, copy, { recursive: true });
    const r = await compareRuns(scored, copy, {
      bootstrap: 100,
      failOn: 'regression',
      metrics: ['brier_score_loss', 'brier_score'],
    });
    // one metric, under the name the runs report, counted once
    expect(r.settings.gatedMetrics).toEqual(['brier_score']);
    expect(r.decision.exitCode).toBe(0);
    // a name of no reported metric is still refused, naming the flag
    await expect(compareRuns(scored, copy, { metrics: ['brier_scor'] })).rejects.toMatchObject({
      code: 'UNKNOWN_METRIC',
      path: '--metric',
    });
    // a service figure, which the comparison shows but cannot test, says where to gate it
    await expect(compareRuns(scored, copy, { metrics: ['p95_latency_ms'] })).rejects.toMatchObject({
      code: 'UNKNOWN_METRIC',
      message: expect.stringMatching(
        /^--metric p95_latency_ms: a service figure is shown beside the comparison but not tested .*'p95_latency_ms\.ci_high <= 800', or gate one of the task metrics: /,
      ),
    });
  }, 60_000);
});
