import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  accuracyScore,
  balancedAccuracyScore,
  brierScoreLoss,
  f1Score,
  matthewsCorrcoef,
  precisionScore,
  rocAucScore,
} from '@assay/core-metrics';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { type RunResults, RunResultsSchema } from '@assay/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type PredictionRow,
  parseRunConfig,
  type RunConfig,
  readPredictions,
  runEvaluation,
} from '../src/index.js';

const LIMIT = 80;
let server: ModelServer;
let dir: string;

function config(out: string): RunConfig {
  const model = {
    provider: 'openai-chat',
    baseUrl: 'http://127.0.0.1:1/v1',
    model: 'assay-spam-nb',
    streaming: true,
    params: { maxTokens: 16, temperature: 0, logprobs: true, topLogprobs: 2 },
    // No retries: every injected 503 becomes a recorded failure the run must account for.
    retry: { maxRetries: 0 },
    concurrency: { max: 4 },
    headers: { 'x-assay-fault': 'status=503;rate=0.15' },
  };
  return parseRunConfig(
    {
      name: 'e2e',
      dataset: { builtin: 'spam-assassin', limit: LIMIT, seed: 3 },
      task: {
        type: 'classification',
        labels: ['spam', 'ham'],
        positiveLabel: 'spam',
        answer: { extract: 'exact' },
      },
      prompt: { template: 'Classify this e-mail as spam or ham:\n\n{{text}}' },
      models: [
        { name: 'label-only', ...model },
        // The server explains itself when the system message asks: the answer is no longer
        // one exact label, so these predictions are unparseable and must be counted as such.
        { name: 'explained', ...model, prompt: { system: 'Explain your evidence.' } },
      ],
      evaluation: { method: 'stratified', k: 4, seed: 1, bootstrap: 200 },
      output: { dir: out },
      thresholds: ['accuracy >= 0.5', 'error_rate <= 0.5'],
    },
    { baseUrl: server.baseUrl },
  );
}

beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-run-e2e-'));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('assay run end to end against the model server with injected faults', () => {
  let results: RunResults;
  let rows: PredictionRow[];

  beforeAll(async () => {
    results = await runEvaluation(config(dir));
    rows = readPredictions(readFileSync(join(dir, 'predictions.arrow')));
  }, 120_000);

  it('writes results.json that matches RunResultsSchema', () => {
    const parsed = RunResultsSchema.parse(
      JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')),
    );
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.models.map((m) => m.name)).toEqual(['label-only', 'explained']);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toMatch(/## Task metrics/);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toMatch(/<svg/);
    expect(html).toMatch(/Failed requests[\s\S]*http_status/);
  });

  it('accounts for every item of every model: correct + wrong + unparseable + failed', () => {
    expect(results.dataset.items).toBe(LIMIT);
    expect(rows).toHaveLength(LIMIT * 2);
    for (const m of results.models) {
      const i = m.items;
      expect(i.total).toBe(LIMIT);
      expect(i.correct + i.wrong + i.unparseable + i.failed).toBe(LIMIT);
      expect(i.scored).toBe(LIMIT - i.failed);
      const mine = rows.filter((r) => r.model === m.name);
      expect(new Set(mine.map((r) => r.id)).size).toBe(LIMIT);
      expect(mine.filter((r) => r.outcome === 'failed')).toHaveLength(i.failed);
      expect(m.service.failed).toBe(i.failed);
      expect(m.service.requests).toBe(LIMIT);
    }
    // 15% injected 503s without retries: failures happen and are classified.
    const failed = results.models.reduce((s, m) => s + m.items.failed, 0);
    expect(failed).toBeGreaterThan(0);
    expect(
      Object.keys(results.models[0]!.service.errorsByClass).concat(
        Object.keys(results.models[1]!.service.errorsByClass),
      ),
    ).toContain('http_status');
    expect(rows.find((r) => r.outcome === 'failed')!.error).toMatch(/http_status/);
  });

  it('counts answers that match no label as unparseable, not dropped', () => {
    const explained = results.models[1]!;
    expect(explained.items.unparseable).toBe(LIMIT - explained.items.failed);
    expect(explained.metrics.accuracy!.value).toBe(0);
    expect(
      rows.find((r) => r.model === 'explained' && r.outcome === 'unparseable')!.rawAnswer,
    ).toMatch(/Evidence/);
  });

  it('reports metrics equal to @assay/core-metrics on the saved predictions', () => {
    for (const m of results.models) {
      const scored = rows.filter((r) => r.model === m.name && r.outcome !== 'failed');
      const yTrue = scored.map((r) => r.expected!);
      const yPred = scored.map((r) => r.parsed ?? 'unparseable');
      const labels = ['spam', 'ham'];
      const metric = (name: string) => m.metrics[name]!.value;
      expect(metric('accuracy')).toBeCloseTo(accuracyScore(yTrue, yPred), 12);
      expect(metric('f1_macro')).toBeCloseTo(
        f1Score(yTrue, yPred, { average: 'macro', labels, zeroDivision: 0 }),
        12,
      );
      expect(metric('precision_macro')).toBeCloseTo(
        precisionScore(yTrue, yPred, { average: 'macro', labels, zeroDivision: 0 }),
        12,
      );
      if (m.name === 'label-only') {
        expect(metric('balanced_accuracy')).toBeCloseTo(balancedAccuracyScore(yTrue, yPred), 12);
        const y01 = scored.map((r) => (r.expected === 'spam' ? 1 : 0));
        const score = scored.map((r) => r.score!);
        expect(score.every((s) => s >= 0 && s <= 1)).toBe(true);
        expect(metric('roc_auc')).toBeCloseTo(rocAucScore(y01, score), 12);
        expect(metric('brier_score')).toBeCloseTo(brierScoreLoss(y01, score), 12);
        expect(m.rocCurve).not.toBeNull();
      }
      // Per fold: the fold values are the metric on that fold's rows.
      const fold0 = scored.filter((r) => r.fold === 0);
      expect(m.metrics.accuracy!.folds[0]).toBeCloseTo(
        accuracyScore(
          fold0.map((r) => r.expected!),
          fold0.map((r) => r.parsed ?? 'unparseable'),
        ),
        12,
      );
      const ci = m.metrics.accuracy!;
      if (m.name === 'label-only') {
        expect(ci.ciLow!).toBeLessThanOrEqual(ci.value!);
        expect(ci.ciHigh!).toBeGreaterThanOrEqual(ci.value!);
        expect(matthewsCorrcoef(yTrue, yPred)).toBeGreaterThan(0.5);
      }
    }
  });

  it('compares the two settings on the same items with McNemar', () => {
    expect(results.comparisons).toHaveLength(1);
    const c = results.comparisons[0]!;
    const a = rows.filter((r) => r.model === 'label-only');
    const b = new Map(
      rows.filter((r) => r.model === 'explained').map((r) => [`${r.fold}/${r.id}`, r]),
    );
    const paired = a.filter(
      (r) => r.outcome !== 'failed' && b.get(`${r.fold}/${r.id}`)!.outcome !== 'failed',
    );
    expect(c.pairedItems).toBe(paired.length);
    expect(c.mcnemar!.onlyA).toBe(paired.filter((r) => r.correct).length);
    expect(c.mcnemar!.onlyB).toBe(0);
    expect(c.mcnemar!.pValue).toBeLessThan(0.001);
    expect(c.metrics.accuracy!.difference).toBeLessThan(0);
    // a bootstrap p of 0 (no resample crossed zero) carries the bound it stands for, 2 / B
    const zeros = Object.values(c.metrics).filter((m) => m.pValue === 0);
    expect(zeros.length).toBeGreaterThan(0);
    for (const m of zeros) expect(m.pValueBelow).toBe(2 / 200);
    for (const m of Object.values(c.metrics)) {
      if (m.pValue !== 0) expect(m.pValueBelow).toBeUndefined();
    }
  });

  it('a rerun re-sends nothing, reusing recorded failures; --retry-failed re-sends exactly the failures', async () => {
    const failedBefore = results.models.reduce((s, m) => s + m.service.failed, 0);
    const before = server.stats().completions;
    const again = await runEvaluation(config(dir));
    expect(server.stats().completions).toBe(before);
    expect(again.models.map((m) => m.service.failed)).toEqual(
      results.models.map((m) => m.service.failed),
    );
    expect(again.models.map((m) => m.metrics.accuracy!.value)).toEqual(
      results.models.map((m) => m.metrics.accuracy!.value),
    );

    const retried = await runEvaluation(config(dir), { retryFailed: true });
    expect(server.stats().completions - before).toBe(failedBefore);
    expect(retried.models.reduce((s, m) => s + m.service.sentThisRun, 0)).toBe(failedBefore);
    for (const m of retried.models)
      expect(m.items.correct + m.items.wrong + m.items.unparseable + m.items.failed).toBe(LIMIT);
  }, 120_000);
});
