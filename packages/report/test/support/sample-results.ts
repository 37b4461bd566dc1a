import { type ModelResult, type RunResults, RunResultsSchema } from '../../src/index.js';

const percentiles = { count: 2, mean: 12, p50: 12, p90: 13.6, p95: 13.8, p99: 13.96, max: 14 };
const none = { count: 0, mean: null, p50: null, p90: null, p95: null, p99: null, max: null };

/** One model's results, with data and server text chosen by the test. */
export function sampleModel(name: string, overrides: Partial<ModelResult> = {}): ModelResult {
  return {
    name,
    provider: 'openai-chat',
    model: 'm',
    items: { total: 4, scored: 4, correct: 3, wrong: 1, unparseable: 0, failed: 0 },
    metrics: {
      accuracy: { value: 0.75, mean: 0.75, std: 0.25, folds: [1, 0.5], ciLow: 0.25, ciHigh: 1 },
    },
    confusion: null,
    rocCurve: null,
    calibration: null,
    latencySample: [10, 14],
    ttftSample: [],
    service: {
      requests: 4,
      answered: 4,
      failed: 0,
      errorRate: 0,
      errorsByClass: {},
      errorExamples: [],
      cachedAnswers: 0,
      resumedFromJournal: 0,
      sentThisRun: 4,
      cachedThisRun: 0,
      latencyMs: percentiles,
      ttftMs: none,
      tpotMs: none,
      outputTokensPerSecond: null,
      inputTokens: 40,
      outputTokens: 4,
      costUsd: null,
      costPerCorrectUsd: null,
    },
    slices: [],
    wrongAnswers: [],
    ...overrides,
  };
}

/** A small valid `results.json`, validated against the schema the reports read. */
export function sampleResults(
  models: ModelResult[],
  overrides: Partial<RunResults> = {},
): RunResults {
  return RunResultsSchema.parse({
    schemaVersion: 1,
    name: 'sample',
    startedAt: '2026-12-04T10:00:00.000Z',
    finishedAt: '2026-12-04T10:00:02.000Z',
    durationMs: 2000,
    config: {},
    dataset: { source: 'data.jsonl', items: 4, labels: { spam: 2, ham: 2 }, groups: {} },
    task: { type: 'classification', labels: ['spam', 'ham'], positiveLabel: 'spam' },
    evaluation: {
      method: 'kfold',
      folds: 2,
      repeats: 1,
      seed: 0,
      bootstrap: 10,
      ci: 0.95,
      metrics: ['accuracy'],
      greaterIsBetter: { accuracy: true },
      fewShot: [[], []],
    },
    models,
    comparisons: [],
    thresholds: [],
    passed: true,
    files: {
      results: '/out/results.json',
      predictions: '/out/predictions.arrow',
      reportMd: '/out/report.md',
      reportHtml: '/out/report.html',
      journal: '/out/journal.sqlite',
      cache: '/out/cache.sqlite',
    },
    ...overrides,
  });
}
