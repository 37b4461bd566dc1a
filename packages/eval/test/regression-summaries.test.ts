import { createRunner } from '@assay/runner';
import { describe, expect, it } from 'vitest';
import type { DatasetItem } from '../src/datasets/dataset-item.js';
import type { PredictionRow } from '../src/run/prediction-row.js';
import { modelSlices } from '../src/summary/model-slices.js';
import { scoreModelOnPool } from '../src/summary/score-models.js';
import { wrongAnswerSample } from '../src/summary/wrong-answers.js';
import { regressionTask } from '../src/tasks/regression-task.js';

/** A regression prediction row of item `i` in `group`: the truth, and the answer's number or null. */
function row(i: number, group: string, expected: number, parsed: number | null): PredictionRow {
  const outcome = parsed === null ? 'unparseable' : parsed === expected ? 'correct' : 'wrong';
  return {
    id: `item-${i}`,
    fold: 0,
    model: 'm',
    promptHash: 'h',
    group,
    expected: String(expected),
    rawAnswer: parsed === null ? 'unknown' : String(parsed),
    parsed: parsed === null ? null : String(parsed),
    outcome,
    correct: outcome === 'correct',
    error: null,
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

// g0: near misses (MAE 0.5); g1: one exact answer and one far off (MAE 500); g2: no number
const rows = [
  row(0, 'g0', 10, 10.5),
  row(1, 'g0', 20, 19.5),
  row(2, 'g1', 30, 30),
  row(3, 'g1', 40, 1040),
  row(4, 'g2', 50, null),
];
const items: DatasetItem[] = rows.map((r, i) => ({
  id: r.id,
  index: i,
  fields: { text: `item ${i}` },
  label: r.expected!,
  group: r.group!,
  reference: undefined,
}));

describe('a regression run summarized', () => {
  it('ranks slices by mean absolute error, not by the share of exact answers', () => {
    const slices = modelSlices(rows, true);
    expect(slices.map((s) => [s.group, s.meanAbsoluteError])).toEqual([
      ['g1', 500],
      ['g0', 0.5],
      ['g2', null],
    ]);
    // by exact matches g1 (one of two exact) looked better than g0 (none)
    expect(modelSlices(rows, false).map((s) => s.group)).toEqual(['g0', 'g2', 'g1']);
  });

  it('samples the largest errors first, then the answers without a number', () => {
    const sample = wrongAnswerSample(rows, items, 3, true);
    expect(sample.map((w) => w.id)).toEqual(['item-3', 'item-0', 'item-1']);
    expect(wrongAnswerSample(rows, items, 10, true).at(-1)!.id).toBe('item-4');
    // an item answered in two repeats appears once, with its larger error
    const repeated = [...rows, { ...row(3, 'g1', 40, 540), fold: 1 }];
    const once = wrongAnswerSample(repeated, items, 3, true);
    expect(once.map((w) => [w.id, w.parsed])).toEqual([
      ['item-3', '1040'],
      ['item-0', '10.5'],
      ['item-1', '19.5'],
    ]);
  });
});

describe('two names of one regression metric', () => {
  it('both get its value: mae beside the default mean_absolute_error was undefined (a false FAIL)', async () => {
    const runner = createRunner({ workers: 0 });
    try {
      const task = regressionTask({
        type: 'regression',
        answer: { extract: 'number', caseSensitive: false, trim: true },
      });
      const scores = await scoreModelOnPool(
        runner,
        rows,
        task,
        ['mean_absolute_error', 'root_mean_squared_error', 'mae', 'rmse'],
        { folds: 1, bootstrap: 20, ci: 0.95, seed: 0 },
      );
      // the four answers with a number: errors 0.5, 0.5, 0 and 1000
      expect(scores.mean_absolute_error!.value).toBeCloseTo(1001 / 4, 12);
      expect(scores.mae).toEqual(scores.mean_absolute_error);
      expect(scores.rmse).toEqual(scores.root_mean_squared_error);
    } finally {
      await runner.close();
    }
  });
});
