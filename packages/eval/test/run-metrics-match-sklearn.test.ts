import { RunResultsSchema } from '@assay/report';
import { createRunner } from '@assay/runner';
import { afterAll, describe, expect, it } from 'vitest';
import { type LabelsCase, labelsFixture } from '../../../test-support/labels-fixture.js';
import { CLASSIFICATION_METRICS } from '../src/config/metric-names.js';
import { type PredictionRow, parseRunConfig, summarizeRun } from '../src/index.js';
import type { ExecutedRun } from '../src/run/run-evaluation.js';

const fixture = labelsFixture;

// the task metrics `assay run` reports (jaccard is not one of them)
const RUN_METRICS: readonly string[] = CLASSIFICATION_METRICS;

function executedRun(
  c: LabelsCase,
  metrics = RUN_METRICS.filter((m) => m in c.overall),
): ExecutedRun {
  const labels = c.labels.map(String);
  const config = parseRunConfig(
    {
      name: c.name,
      dataset: { builtin: 'spam-assassin' },
      task: { type: 'classification', labels, positiveLabel: labels[0] },
      prompt: { template: '{{text}}' },
      models: [
        { name: 'm', provider: 'openai-chat', baseUrl: 'http://127.0.0.1:1/v1', model: 'x' },
      ],
      evaluation: { method: 'kfold', k: c.folds.length, bootstrap: 200, seed: 4, metrics },
      output: { dir: '/nonexistent/assay-test' },
    },
    { baseUrl: 'http://127.0.0.1:1/v1' },
  );
  const inLabels = new Set(labels);
  const rows: PredictionRow[] = c.yTrue.map((t, i) => {
    const parsed = inLabels.has(String(c.yPred[i])) ? String(c.yPred[i]) : null;
    return {
      id: `r${i}`,
      fold: c.foldIds[i]!,
      model: 'm',
      promptHash: `h${i}`,
      group: null,
      expected: String(t),
      rawAnswer: parsed ?? 'I cannot tell.',
      parsed,
      outcome: parsed === null ? 'unparseable' : parsed === String(t) ? 'correct' : 'wrong',
      correct: parsed === String(t),
      error: null,
      ttftMs: null,
      tpotMs: null,
      e2eMs: 10,
      inputTokens: null,
      outputTokens: null,
      costUsd: null,
      score: c.yScore === null ? null : c.yScore[i]!,
      cached: false,
    };
  });
  return {
    config,
    items: rows.map((r, index) => ({
      id: r.id,
      index,
      fields: { text: '' },
      label: r.expected!,
      group: undefined,
      reference: undefined,
    })),
    folds: c.folds.length,
    fewShotIds: [],
    rows,
    prompts: new Map(),
    requests: new Map([
      [
        'm',
        {
          outcomes: [],
          resumed: 0,
          sent: 0,
          cached: 0,
          sendingMs: 0,
          sentOutputTokens: 0,
          sentAnswered: 0,
        },
      ],
    ]),
    startedAt: new Date(),
    journalPath: '',
  };
}

const runner = createRunner({ workers: 2 });
afterAll(() => runner.close());

describe('assay run metrics with unparseable answers equal scikit-learn with labels= the task labels', () => {
  for (const c of fixture.cases) {
    it(`${c.name}: pooled, per fold, mean and std across folds`, async () => {
      const results = await summarizeRun(executedRun(c), { runner });
      RunResultsSchema.parse(results);
      const m = results.models[0]!;
      expect(m.items.unparseable).toBeGreaterThan(0);
      const names = RUN_METRICS.filter((name) => name in c.overall);
      expect(Object.keys(m.metrics).sort()).toEqual([...names].sort());
      for (const name of names) {
        const s = m.metrics[name]!;
        expect(s.value, name).toBeCloseTo(c.overall[name]!, 12);
        const perFold = c.folds.map((f) => f[name]!);
        s.folds.forEach((v, f) => {
          expect(v, `${name} fold ${f}`).toBeCloseTo(perFold[f]!, 12);
        });
        const mean = perFold.reduce((a, b) => a + b, 0) / perFold.length;
        const std = Math.sqrt(perFold.reduce((a, b) => a + (b - mean) ** 2, 0) / perFold.length);
        expect(s.mean, name).toBeCloseTo(mean, 12);
        expect(s.std, name).toBeCloseTo(std, 12);
        expect(s.ciLow!, name).toBeLessThanOrEqual(s.ciHigh!);
      }
    }, 60_000);
  }
});

describe('the positive class of a binary run', () => {
  it('has the precision, recall and false-positive rate of scikit-learn, with intervals, whatever is reported', async () => {
    for (const c of fixture.cases) {
      const results = await summarizeRun(executedRun(c, ['accuracy']), { runner });
      RunResultsSchema.parse(results);
      const m = results.models[0]!;
      expect(Object.keys(m.metrics)).toEqual(['accuracy']);
      if (c.labels.length !== 2) {
        expect(m.positiveClass, c.name).toBeUndefined();
        continue;
      }
      const pc = m.positiveClass!;
      expect(pc.label).toBe(String(c.posLabel));
      const expected = {
        precision: c.overall.precision!,
        recall: c.overall.recall!,
        falsePositiveRate: c.overall.false_positive_rate!,
      };
      for (const [key, value] of Object.entries(expected)) {
        const s = pc[key as keyof typeof expected];
        expect(s.value, `${c.name} ${key}`).toBeCloseTo(value, 12);
        expect(s.ciLow!, key).toBeLessThanOrEqual(s.value!);
        expect(s.ciHigh!, key).toBeGreaterThanOrEqual(s.value!);
      }
    }
  }, 60_000);
});
