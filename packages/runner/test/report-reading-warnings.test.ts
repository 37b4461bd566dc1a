import { createRunner, scorePredictions } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';
import { syntheticClassification } from './helpers/synthetic-predictions.js';

const noWidth = (warnings: readonly string[]) => warnings.filter((w) => w.includes('of no width'));

describe('intervals of no width', () => {
  // the audit's slice13.csv: slice a all right, slice c all wrong
  const slice13 = {
    slice: ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b', 'b', 'c', 'c', 'c'],
    yTrue: [1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1],
    yPred: [1, 0, 1, 0, 0, 0, 1, 1, 1, 0, 0, 1, 0],
  };

  test('on slices are named in one warning, slice by slice', async () => {
    const report = await scorePredictions(slice13, {
      metrics: ['f1', 'accuracy'],
      bootstrap: 1000,
      workers: 0,
    });
    expect(report.slices!.a!.metrics.f1).toEqual({ value: 1, ci: [1, 1] });
    expect(report.slices!.c!.metrics.f1).toEqual({ value: 0, ci: [0, 0] });
    // accuracy 4 of 4 and 0 of 3 take the Wilson interval: not named
    expect(report.slices!.a!.metrics.accuracy?.ciMethod).toBe('wilson');
    expect(noWidth(report.warnings)).toEqual([
      'slices "a" (f1 1.0000) and "c" (f1 0.0000) have bootstrap intervals of no width: every resample scored the same value, as a perfect or empty result does, or a constant prediction (the same answer or score on every row), so the intervals do not show how sure the values are; count the rows behind them before trusting them.',
    ]);
  });

  test('of a constant prediction on 100 rows are not put down to few rows', async () => {
    // the audit's const100.csv: 44 negatives and 56 positives, every one predicted 1, score 0.7
    const yTrue = Array.from({ length: 100 }, (_, i) => (i % 9 < 4 && i < 99 ? 0 : 1));
    const n0 = yTrue.filter((y) => y === 0).length;
    const constant = { yTrue, yPred: yTrue.map(() => 1), yScore: yTrue.map(() => 0.7) };
    const report = await scorePredictions(constant, {
      metrics: ['balanced_accuracy', 'roc_auc', 'matthews_corrcoef'],
      bootstrap: 1000,
      workers: 0,
    });
    expect(n0).toBeGreaterThan(40);
    expect(noWidth(report.warnings)).toEqual([
      'balanced_accuracy 0.5000 and roc_auc 0.5000 have bootstrap intervals of no width: every resample scored the same value, as a perfect or empty result does, or a constant prediction (the same answer or score on every row), so the intervals do not show how sure the values are; count the rows behind them (the confusion matrix) before trusting them.',
    ]);
    // MCC keeps scikit-learn's 0 on the whole set, but no resample of one predicted class has one
    expect(report.overall.matthews_corrcoef).toEqual({ value: 0 });
    expect(report.warnings).toContain(
      'matthews_corrcoef has no value on any of its 1000 bootstrap resamples (rows of one true or one predicted class only drawn), so it has no interval.',
    );
  });
});

describe('what overall covers beside the folds', () => {
  const data = syntheticClassification(200, 2, 11);
  const input = { yTrue: data.yTrue, yPred: data.yPred };
  const runner = createRunner({ workers: 0 });
  afterAll(() => runner.close());
  const coverage = (warnings: readonly string[]) =>
    warnings.filter((w) => w.startsWith('overall covers'));

  test('a holdout: overall is of every row, said in a warning; one fold has no spread', async () => {
    const report = await runner.scorePredictions(input, {
      metrics: ['accuracy'],
      cv: 'holdout:0.3',
      bootstrap: 200,
    });
    expect(report.folds).toHaveLength(1);
    expect(coverage(report.warnings)).toEqual([
      "overall covers all 200 rows (the predictions as given), while the test fold of cv holdout:0.3 holds 60: the 140 rows that no fold tests count in overall and its interval but in no fold. Report overall if no row's prediction came from a model trained on it; otherwise report the fold's value, which has no interval or spread (one fold).",
    ]);
    const fold = report.folds[0]!.metrics.accuracy!;
    expect(report.summary.accuracy).toEqual({
      mean: fold,
      std: null,
      min: fold,
      max: fold,
      definedFolds: 1,
    });
  });

  test('timeseries: the first block is tested by no fold', async () => {
    const report = await runner.scorePredictions(input, {
      metrics: ['accuracy'],
      cv: 'timeseries:4',
    });
    // TimeSeriesSplit(4) of 200 rows tests 4 blocks of 40 after the first 40
    expect(coverage(report.warnings)).toEqual([
      "overall covers all 200 rows (the predictions as given), while the test folds of cv timeseries:4 hold 160: the 40 rows that no fold tests count in overall but in no fold. Report overall if no row's prediction came from a model trained on it; otherwise report the folds' values.",
    ]);
    expect(report.summary.accuracy?.std).toBeGreaterThan(0);
  });

  test('folds that test every row, and folds given per row, get no such warning', async () => {
    for (const cv of ['kfold:5', 'repeated-stratified:2x2', 'none']) {
      const report = await runner.scorePredictions(input, { metrics: ['accuracy'], cv });
      expect(coverage(report.warnings), cv).toEqual([]);
    }
    const foldIds = Int32Array.from({ length: 200 }, (_, i) => (i < 50 ? -1 : i % 2));
    const given = await runner.scorePredictions(input, { metrics: ['accuracy'], foldIds });
    expect(coverage(given.warnings)).toEqual([]);
  });

  test('generated text: the same warning for a holdout', async () => {
    const outputs = Array.from({ length: 20 }, (_, i) => (i % 3 === 0 ? 'x' : 'a b'));
    const report = await runner.scoreGenerations(
      { references: outputs.map(() => 'a b'), outputs },
      { metrics: ['exact_match'], cv: 'holdout:0.25' },
    );
    expect(coverage(report.warnings)).toHaveLength(1);
    expect(coverage(report.warnings)[0]).toMatch(
      /^overall covers all 20 rows \(the predictions as given\), while the test fold of cv holdout:0\.25 holds 5: the 15 rows /,
    );
    expect(report.summary.exact_match?.std).toBeNull();
  });
});
