import { scorePredictions } from '@assay/runner';
import { expect, test } from 'vitest';

test('the fold summary says on how many folds a metric was defined', async () => {
  // kfold:5 over 10 rows: some test folds hold one class, where ROC AUC is undefined
  const yTrue = [1, 0, 1, 0, 1, 0, 1, 0, 1, 0];
  const yPred = [1, 0, 1, 1, 0, 0, 1, 0, 1, 0];
  const yScore = [0.9, 0.1, 0.8, 0.6, 0.3, 0.2, 0.7, 0.4, 0.95, 0.05];
  const report = await scorePredictions(
    { yTrue, yPred, yScore },
    { workers: 0, cv: 'kfold:5', metrics: ['accuracy', 'roc_auc'] },
  );
  const definedOn = (metric: string) =>
    report.folds.filter((f) => Number.isFinite(f.metrics[metric] ?? Number.NaN)).length;
  expect(report.folds).toHaveLength(5);
  expect(report.summary.accuracy!.definedFolds).toBe(5);
  expect(definedOn('roc_auc')).toBeLessThan(5);
  expect(report.summary.roc_auc!.definedFolds).toBe(definedOn('roc_auc'));
});

test('a metric undefined on some folds is warned about, naming how many', async () => {
  // sorted by label, unshuffled: every fold of kfold:4 holds one class
  const yTrue = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1];
  const yScore = yTrue.map((y, i) => y * 0.5 + i / 40);
  const report = await scorePredictions(
    { yTrue, yPred: yTrue, yScore },
    { workers: 0, cv: 'kfold:4', shuffle: false, metrics: ['accuracy', 'roc_auc'] },
  );
  expect(report.summary.roc_auc!.definedFolds).toBe(0);
  expect(report.warnings).toContain(
    'roc_auc has no value on 4 of 4 folds, where it is undefined (a ranking metric on a fold whose y_true has one class, as unshuffled folds of a file sorted by label give; r2 on a fold of one row); it has no fold mean.',
  );
  expect(report.warnings.join('\n')).not.toContain('accuracy has no value');
});
