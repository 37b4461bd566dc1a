import { wilsonInterval } from '@assay/stats';
import { describe, expect, it } from 'vitest';
import { itemsRepeat, proportionCount } from '../src/summary/proportion-count.js';
import { withWilsonFallback } from '../src/summary/wilson-fallback.js';
import type { ScoringPass } from '../src/tasks/task-module.js';

/** A binary pass (positive 1, negative 0, `-1` an answer matching no label), one row per item. */
function pass(yTrue: number[], yPred: number[], extra: Partial<ScoringPass> = {}): ScoringPass {
  return {
    input: { yTrue: Int32Array.from(yTrue), yPred: Int32Array.from(yPred) },
    foldIds: new Int32Array(yTrue.length),
    clusterIds: Int32Array.from(yTrue, (_, i) => i),
    task: 'classification',
    labels: [1, 0],
    metrics: [],
    ...extra,
  };
}

describe('proportionCount', () => {
  // confusion_matrix([1,1,0,0,0], [1,-1,1,0,0], labels=[1,0]) with the unparseable answer
  // counted wrong: tp 1, fn 1 (unparseable), fp 1, tn 2
  const p = pass([1, 1, 0, 0, 0], [1, -1, 1, 0, 0]);

  it('counts each proportion on its own denominator, an unparseable answer as wrong', () => {
    expect(proportionCount('accuracy', p)).toEqual({ successes: 3, trials: 5 });
    expect(proportionCount('recall', p)).toEqual({ successes: 1, trials: 2 });
    expect(proportionCount('precision', p)).toEqual({ successes: 1, trials: 2 });
    expect(proportionCount('false_positive_rate', p)).toEqual({ successes: 1, trials: 3 });
    // micro over labels [1, 0]: recall = accuracy; precision leaves the unparseable answer out
    expect(proportionCount('recall_micro', p)).toEqual({ successes: 3, trials: 5 });
    expect(proportionCount('precision_micro', p)).toEqual({ successes: 3, trials: 4 });
  });

  it('gives no count for a metric that is no share, weighted rows or a pass not coded [1, 0]', () => {
    expect(proportionCount('balanced_accuracy', p)).toBeNull();
    expect(proportionCount('f1', p)).toBeNull();
    const weighted = pass([1, 0], [1, 0]);
    const input = { ...weighted.input, weight: [1, 2] };
    expect(proportionCount('accuracy', { ...weighted, input })).toBeNull();
    expect(proportionCount('recall', pass([0, 1, 2], [0, 1, 2], { labels: [0, 1, 2] }))).toBeNull();
    expect(proportionCount('accuracy', pass([0, 1, 2], [0, 1, 1], { labels: [0, 1, 2] }))).toEqual({
      successes: 2,
      trials: 3,
    });
  });

  it('sees an item with several rows', () => {
    expect(itemsRepeat(p)).toBe(false);
    expect(itemsRepeat(pass([1, 1], [1, 1], { clusterIds: Int32Array.from([0, 0]) }))).toBe(true);
  });
});

describe('withWilsonFallback', () => {
  const summary = { value: 1, mean: 1, std: 0, folds: [1], ciLow: 1, ciHigh: 1 };

  it('replaces a zero-width interval of 5 of 5 by the Wilson interval (statsmodels 0.5655, 1)', () => {
    const out = withWilsonFallback(
      summary,
      'accuracy',
      pass([1, 1, 0, 0, 0], [1, 1, 0, 0, 0]),
      0.95,
    );
    expect(out).toMatchObject({ ciMethod: 'wilson', ciHigh: 1 });
    expect(out.ciLow!).toBeCloseTo(0.5655175352168252, 12);
  });

  it('leaves a zero-width interval away from the value (one resample, evaluation.bootstrap: 1)', () => {
    // accuracy 0.8 of 5 answers: a single resample scored 0.6, a zero-width interval that is
    // no certainty at 0 or 1
    const four = pass([1, 1, 0, 0, 0], [1, 1, 0, 0, 1]);
    const one = { ...summary, value: 0.8, ciLow: 0.6, ciHigh: 0.6 };
    expect(withWilsonFallback(one, 'accuracy', four, 0.95)).toEqual(one);
  });

  it('leaves an interval with width, a repeated item and a count that does not give the value', () => {
    const right = pass([1, 1, 0], [1, 1, 0]);
    expect(withWilsonFallback({ ...summary, ciLow: 0.9 }, 'accuracy', right, 0.95)).toMatchObject({
      ciLow: 0.9,
    });
    // a repeated item: accuracy counts the 2 items (each right in all its rows), not 3 rows;
    // a share of a subset of rows (recall) the items among its rows: rows 0 and 1, items 0 and 1
    const repeated = { ...right, clusterIds: Int32Array.from([0, 1, 0]) };
    const items = withWilsonFallback(summary, 'accuracy', repeated, 0.95);
    expect([items.ciLow, items.ciHigh, items.ciMethod]).toEqual([
      ...wilsonInterval(2, 2, 0.95)!,
      'wilson',
    ]);
    const recall = withWilsonFallback(summary, 'recall', repeated, 0.95);
    expect([recall.ciLow, recall.ciHigh, recall.ciMethod]).toEqual([
      ...wilsonInterval(2, 2, 0.95)!,
      'wilson',
    ]);
    // the false-positive rate of its one negative row, of item 0 (repeated elsewhere)
    const fpr = withWilsonFallback(
      { ...summary, value: 0, ciLow: 0, ciHigh: 0 },
      'false_positive_rate',
      repeated,
      0.95,
    );
    expect([fpr.ciLow, fpr.ciHigh]).toEqual(wilsonInterval(0, 1, 0.95));
    expect(withWilsonFallback({ ...summary, value: 0.5 }, 'accuracy', right, 0.95)).toMatchObject({
      ciLow: 1,
      ciHigh: 1,
    });
    const none = withWilsonFallback(
      { ...summary, value: 0, ciLow: 0, ciHigh: 0 },
      'false_positive_rate',
      right,
      0.9,
    );
    expect([none.ciLow, none.ciHigh]).toEqual(wilsonInterval(0, 1, 0.9));
  });
});
