import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  averagePrecisionScore,
  brierScoreLoss,
  explainedVarianceScore,
  logLoss,
  maxError,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  medianAbsoluteError,
  r2Score,
  rocAucScore,
  rootMeanSquaredError,
  topKAccuracyScore,
} from '@assay/core-metrics';
import { loadColumns, scorePredictions } from '@assay/runner';
import { createRng, KFold } from '@assay/splitters';
import { tableFromArrays } from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import { syntheticClassification } from './helpers/synthetic-predictions.js';

function rowsOf(proba: Float64Array, k: number, rows: ArrayLike<number>): Float64Array[] {
  return Array.from(rows as ArrayLike<number>, (r) => proba.subarray(r * k, (r + 1) * k));
}

describe('score metrics equal core-metrics', () => {
  test('binary: roc_auc, average_precision, log_loss and brier_score from y_score', async () => {
    const data = syntheticClassification(2000, 2, 17, 0.75);
    const score = data.probaColumns[1]!;
    const report = await scorePredictions(
      { yTrue: data.yTrue, yPred: data.yPred, yScore: score, weight: data.weight },
      { metrics: ['roc_auc', 'average_precision', 'log_loss', 'brier_score'], workers: 0 },
    );
    const sampleWeight = data.weight;
    expect(report.overall.roc_auc?.value).toBe(rocAucScore(data.yTrue, score, { sampleWeight }));
    expect(report.overall.average_precision?.value).toBe(
      averagePrecisionScore(data.yTrue, score, { sampleWeight }),
    );
    expect(report.overall.log_loss?.value).toBe(logLoss(data.yTrue, score, { sampleWeight }));
    expect(report.overall.brier_score?.value).toBe(
      brierScoreLoss(data.yTrue, score, { sampleWeight }),
    );
  });

  test('multiclass: roc_auc_ovr/ovo, log_loss and top_k_accuracy from y_proba, per fold', async () => {
    const k = 4;
    const data = syntheticClassification(1500, k, 23, 0.5);
    const report = await scorePredictions(
      { yTrue: data.yTrue, yPred: data.yPred, yProba: data.probaColumns },
      {
        metrics: [
          'roc_auc_ovr',
          'roc_auc_ovr_weighted',
          'roc_auc_ovo',
          'log_loss',
          'top_k_accuracy',
        ],
        cv: 'kfold:3',
        seed: 4,
        workers: 2,
      },
    );
    const all = Array.from({ length: 1500 }, (_, i) => i);
    const check = (metrics: Record<string, number | null>, rows: ArrayLike<number>) => {
      const y = Int32Array.from(rows as ArrayLike<number>, (r) => data.yTrue[r]!);
      const p = rowsOf(data.proba, k, rows);
      expect(metrics.roc_auc_ovr).toBeCloseTo(rocAucScore(y, p, { multiClass: 'ovr' }), 13);
      expect(metrics.roc_auc_ovr_weighted).toBeCloseTo(
        rocAucScore(y, p, { multiClass: 'ovr', average: 'weighted' }),
        13,
      );
      expect(metrics.roc_auc_ovo).toBeCloseTo(rocAucScore(y, p, { multiClass: 'ovo' }), 13);
      expect(metrics.log_loss).toBe(logLoss(y, p));
      expect(metrics.top_k_accuracy).toBe(topKAccuracyScore(y, p, { k: 2 }));
    };
    check(
      Object.fromEntries(Object.entries(report.overall).map(([name, v]) => [name, v.value])),
      all,
    );
    const splits = [...new KFold({ nSplits: 3, shuffle: true, randomState: 4 }).split({ n: 1500 })];
    splits.forEach((split, f) => {
      check(report.folds[f]!.metrics, split.test);
    });
  });

  test('regression metrics, overall and per fold, and task inference from float targets', async () => {
    const rng = createRng(3);
    const n = 1000;
    const yTrue = Float64Array.from({ length: n }, () => 1 + rng.nextFloat() * 10);
    const yPred = yTrue.map((v) => v + (rng.nextFloat() - 0.5) * 2);
    const names = [
      'mae',
      'rmse',
      'r2',
      'mape',
      'max_error',
      'median_absolute_error',
      'explained_variance',
    ];
    const report = await scorePredictions(
      { yTrue, yPred },
      { metrics: names, cv: 'kfold:4', seed: 1, workers: 2 },
    );
    expect(report.task).toBe('regression');
    expect(report.confusionMatrix).toBeNull();
    const reference = (t: Float64Array, p: Float64Array): Record<string, number> => ({
      mae: meanAbsoluteError(t, p),
      rmse: rootMeanSquaredError(t, p),
      r2: r2Score(t, p),
      mape: meanAbsolutePercentageError(t, p),
      max_error: maxError(t, p),
      median_absolute_error: medianAbsoluteError(t, p),
      explained_variance: explainedVarianceScore(t, p),
    });
    const whole = reference(yTrue, yPred);
    for (const name of names) expect(report.overall[name]?.value, name).toBe(whole[name]);
    const splits = [...new KFold({ nSplits: 4, shuffle: true, randomState: 1 }).split({ n })];
    splits.forEach((split, f) => {
      const t = Float64Array.from(split.test, (r) => yTrue[r]!);
      const p = Float64Array.from(split.test, (r) => yPred[r]!);
      const expected = reference(t, p);
      for (const name of names) expect(report.folds[f]!.metrics[name], name).toBe(expected[name]);
    });
  });

  test('an apache-arrow Table with column roles scores like plain columns', async () => {
    const data = syntheticClassification(500, 2, 9);
    const table = tableFromArrays({
      y: data.yTrue,
      p: data.yPred,
      s: data.probaColumns[1]!,
      lang: data.slice,
    });
    const options = { metrics: ['accuracy', 'roc_auc'], workers: 0 };
    const fromArrow = await scorePredictions(
      { table, roles: { yTrue: 'y', yPred: 'p', yScore: 's', slice: 'lang' } },
      options,
    );
    const fromArrays = await scorePredictions(
      { yTrue: data.yTrue, yPred: data.yPred, yScore: data.probaColumns[1]!, slice: data.slice },
      options,
    );
    expect(fromArrow.overall).toEqual(fromArrays.overall);
    expect(fromArrow.slices).toEqual(fromArrays.slices);
    expect(fromArrow.overall.roc_auc?.value).toBe(rocAucScore(data.yTrue, data.probaColumns[1]!));
  });

  test('a loaded file scores like the same columns in memory, and is not modified', async () => {
    const data = syntheticClassification(300, 3, 2);
    const names = ['zebra', 'ant', 'mole'];
    const dir = mkdtempSync(join(tmpdir(), 'assay-score-file-'));
    try {
      const lines = ['y,p,g'];
      for (let i = 0; i < 300; i++)
        lines.push(`${names[data.yTrue[i]!]},${names[data.yPred[i]!]},${data.slice[i]}`);
      writeFileSync(join(dir, 'preds.csv'), `${lines.join('\n')}\n`);
      const table = await loadColumns(join(dir, 'preds.csv'), {
        columns: { y: 'label', p: 'label', g: 'label' },
      });
      const options = { metrics: ['accuracy', 'f1_macro'], cv: 'stratified:3', workers: 0 };
      const roles = { yTrue: 'y', yPred: 'p', slice: 'g' };
      const first = await scorePredictions({ table, roles }, options);
      const second = await scorePredictions({ table, roles }, options);
      const memory = await scorePredictions(
        {
          yTrue: Array.from(data.yTrue, (c) => names[c]!),
          yPred: Array.from(data.yPred, (c) => names[c]!),
          slice: data.slice,
        },
        options,
      );
      const { timing: _a, ...a } = first;
      const { timing: _b, ...b } = second;
      const { timing: _c, ...c } = memory;
      expect(a).toEqual(b);
      expect(a).toEqual(c);
      expect(first.labels).toEqual(['ant', 'mole', 'zebra']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
