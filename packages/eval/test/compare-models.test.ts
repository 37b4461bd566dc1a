import { accuracyScore, r2Score } from '@assay/core-metrics';
import { createRunner } from '@assay/runner';
import { afterAll, describe, expect, it } from 'vitest';
import type { PredictionRow } from '../src/run/prediction-row.js';
import { compareModels } from '../src/summary/compare-models.js';
import { scoreModelOnPool } from '../src/summary/score-models.js';
import { classificationTask } from '../src/tasks/classification-task.js';
import { regressionTask } from '../src/tasks/regression-task.js';

function row(
  model: string,
  i: number,
  expected: string,
  parsed: string | null,
  options: { failed?: boolean; fold?: number } = {},
): PredictionRow {
  const outcome = options.failed
    ? 'failed'
    : parsed === null
      ? 'unparseable'
      : parsed === expected
        ? 'correct'
        : 'wrong';
  return {
    id: `item-${i}`,
    fold: options.fold ?? i % 3,
    model,
    promptHash: 'h',
    group: null,
    expected,
    rawAnswer: options.failed ? null : (parsed ?? 'no idea'),
    parsed: options.failed ? null : parsed,
    outcome,
    correct: outcome === 'failed' ? null : outcome === 'correct',
    error: options.failed ? 'timeout: slow' : null,
    ttftMs: null,
    tpotMs: null,
    e2eMs: 5,
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
    score: null,
    cached: false,
  };
}

const classification = classificationTask({
  type: 'classification',
  labels: ['spam', 'ham'],
  positiveLabel: 'spam',
  answer: { extract: 'first-label', caseSensitive: false, trim: true },
});
const regression = regressionTask({
  type: 'regression',
  answer: { extract: 'number', caseSensitive: false, trim: true },
});

// 60 items: A is right on 45, B on 36; A has 4 unparseable answers, B one failed request
const truth = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? 'spam' : 'ham'));
const flip = (l: string) => (l === 'spam' ? 'ham' : 'spam');
const rowsA = truth.map((t, i) => row('a', i, t, i % 15 === 7 ? null : i % 4 === 1 ? flip(t) : t));
const rowsB = truth.map((t, i) =>
  row('b', i, t, i % 5 === 2 || i % 7 === 3 ? flip(t) : t, { failed: i === 10 }),
);

const runners = [createRunner({ workers: 2 }), createRunner({ workers: 0 })];
afterAll(() => Promise.all(runners.map((r) => r.close())));

const options = { bootstrap: 400, ci: 0.95, seed: 11 };

describe('paired comparisons use the metric registry on the worker pool', () => {
  it('the difference equals each model scored alone on the paired items (one path per metric)', async () => {
    const metrics = ['accuracy', 'f1', 'cohen_kappa', 'matthews_corrcoef', 'balanced_accuracy'];
    const [c] = await compareModels(
      runners[0]!,
      new Map([
        ['a', rowsA],
        ['b', rowsB],
      ]),
      classification,
      metrics,
      options,
    );
    // item 10 failed for B: both sides leave it out
    const pairedA = rowsA.filter((r) => r.id !== 'item-10');
    const pairedB = rowsB.filter((r) => r.id !== 'item-10');
    expect(c!.pairedItems).toBe(59);
    const scoreOptions = { folds: 3, bootstrap: 0, ci: 0.95, seed: 1 };
    const alone = await Promise.all(
      [pairedA, pairedB].map((rows) =>
        scoreModelOnPool(runners[0]!, rows, classification, metrics, scoreOptions),
      ),
    );
    for (const m of metrics) {
      const d = c!.metrics[m]!;
      expect(d.difference).toBeCloseTo(alone[1]![m]!.value! - alone[0]![m]!.value!, 12);
      expect(d.ciLow!).toBeLessThanOrEqual(d.difference!);
      expect(d.ciHigh!).toBeGreaterThanOrEqual(d.difference!);
      expect(d.pValue!).toBeGreaterThan(0);
      expect(d.pValue!).toBeLessThanOrEqual(1);
    }
    // unparseable answers count as wrong: accuracy over all 59 paired items
    const acc = (rows: PredictionRow[]) =>
      accuracyScore(
        rows.map((r) => r.expected!),
        rows.map((r) => r.parsed ?? 'unparseable'),
      );
    expect(c!.metrics.accuracy!.difference).toBeCloseTo(acc(pairedB) - acc(pairedA), 12);
  });

  it('gives the same numbers with and without worker threads', async () => {
    const byModel = new Map([
      ['a', rowsA],
      ['b', rowsB],
    ]);
    const [pooled, inProcess] = await Promise.all(
      runners.map((r) =>
        compareModels(r, byModel, classification, ['accuracy', 'f1_macro'], options),
      ),
    );
    expect(pooled).toEqual(inProcess);
  });

  it('r2 on a constant target is scikit-learn 1.2 r2_score, not NaN', async () => {
    // scikit-learn 1.2.1: r2_score([3, 3, 3, 3], [3, 3, 3, 3]) == 1.0 and
    // r2_score([3, 3, 3, 3], [3, 3, 3, 4]) == 0.0 (force_finite=True); the comparison's
    // difference is therefore -1. Before the registry path, comparisons gave NaN here.
    expect(r2Score([3, 3, 3, 3], [3, 3, 3, 3])).toBe(1);
    expect(r2Score([3, 3, 3, 3], [3, 3, 3, 4])).toBe(0);
    const a = [3, 3, 3, 3].map((t, i) => row('a', i, String(t), '3', { fold: 0 }));
    const b = [3, 3, 3, 4].map((p, i) => row('b', i, '3', String(p), { fold: 0 }));
    const [c] = await compareModels(
      runners[0]!,
      new Map([
        ['a', a],
        ['b', b],
      ]),
      regression,
      ['r2', 'mae'],
      options,
    );
    expect(c!.metrics.r2!.difference).toBe(-1);
    expect(c!.metrics.mae!.difference).toBe(0.25);
    expect(c!.mcnemar).toBeNull();
  });

  it('pairs regression items only where both answers have a number', async () => {
    const a = [1, 2, 3, 4].map((t, i) => row('a', i, String(t), i === 1 ? null : String(t)));
    const b = [1, 2, 3, 4].map((t, i) => row('b', i, String(t), i === 2 ? null : String(t + 1)));
    const [c] = await compareModels(
      runners[0]!,
      new Map([
        ['a', a],
        ['b', b],
      ]),
      regression,
      ['mae'],
      options,
    );
    // items 0 and 3 enter: A's MAE 0, B's MAE 1; pairedItems counts those two (it said 4,
    // every answered item, though the differences rest on 2)
    expect(c!.pairedItems).toBe(2);
    expect(c!.metrics.mae!.difference).toBe(1);
  });
});

describe('a share no paired item differs on gets the exact bound, as assay compare gives it', () => {
  // 50 items, both models right on the same 40 and wrong alike on the rest
  const same = truth.slice(0, 50);
  const answers = (model: string) =>
    same.map((t, i) => row(model, i, t, i % 5 === 4 ? flip(t) : t));

  it('accuracy: ± the Clopper-Pearson end of 0 of 50 items differing (scipy: beta.ppf(0.975, 1, 50))', async () => {
    const byModel = new Map([
      ['a', answers('a')],
      ['b', answers('b')],
    ]);
    const [c] = await compareModels(
      runners[0]!,
      byModel,
      classification,
      ['accuracy', 'f1_macro'],
      options,
    );
    expect(c!.metrics.accuracy).toMatchObject({
      difference: 0,
      interval: 'clopper-pearson',
      itemsAlike: 50,
    });
    expect(c!.metrics.accuracy!.ciHigh).toBeCloseTo(0.07112173646419764, 14);
    expect(c!.metrics.accuracy!.ciLow).toBeCloseTo(-0.07112173646419764, 14);
    // F1 has no such bound: its [0, 0] stays, unmarked (the reports add a note)
    expect(c!.metrics.f1_macro).toMatchObject({ difference: 0, ciLow: 0, ciHigh: 0 });
    expect(c!.metrics.f1_macro!.interval).toBeUndefined();
  });

  it('one item answered differently: the bootstrap interval, unmarked', async () => {
    const b = answers('b');
    b[0] = row('b', 0, same[0]!, flip(same[0]!));
    const byModel = new Map([
      ['a', answers('a')],
      ['b', b],
    ]);
    const [c] = await compareModels(runners[0]!, byModel, classification, ['accuracy'], options);
    expect(c!.metrics.accuracy!.interval).toBeUndefined();
    expect(c!.metrics.accuracy!.ciLow!).toBeLessThan(0);
  });
});
