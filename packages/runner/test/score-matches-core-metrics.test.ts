import {
  accuracyScore,
  balancedAccuracyScore,
  cohenKappaScore,
  f1Score,
  jaccardScore,
  matthewsCorrcoef,
  precisionScore,
  recallScore,
} from '@assay/core-metrics';
import { ScoreReportSchema, scorePredictions } from '@assay/runner';
import { StratifiedKFold } from '@assay/splitters';
import { describe, expect, test } from 'vitest';
import { referenceStratifiedFolds } from './helpers/reference-stratified-folds.js';
import { syntheticClassification } from './helpers/synthetic-predictions.js';

const data = syntheticClassification(3000, 4, 11);

function pick<T extends Int32Array | Float64Array>(values: T, rows: ArrayLike<number>): T {
  const out = new (values.constructor as new (n: number) => T)(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]!]!;
  return out;
}

const reference = {
  accuracy: (t: Int32Array, p: Int32Array) => accuracyScore(t, p),
  balanced_accuracy: (t: Int32Array, p: Int32Array) => balancedAccuracyScore(t, p),
  f1_macro: (t: Int32Array, p: Int32Array) => f1Score(t, p, { average: 'macro', zeroDivision: 0 }),
  f1_weighted: (t: Int32Array, p: Int32Array) =>
    f1Score(t, p, { average: 'weighted', zeroDivision: 0 }),
  precision_macro: (t: Int32Array, p: Int32Array) =>
    precisionScore(t, p, { average: 'macro', zeroDivision: 0 }),
  recall_micro: (t: Int32Array, p: Int32Array) =>
    recallScore(t, p, { average: 'micro', zeroDivision: 0 }),
  jaccard_macro: (t: Int32Array, p: Int32Array) =>
    jaccardScore(t, p, { average: 'macro', zeroDivision: 0 }),
  matthews_corrcoef: (t: Int32Array, p: Int32Array) => matthewsCorrcoef(t, p),
  cohen_kappa: (t: Int32Array, p: Int32Array) => cohenKappaScore(t, p),
};
const metrics = Object.keys(reference);

describe('scorePredictions equals core-metrics', () => {
  test('overall and per stratified fold, for 0 and 2 workers', async () => {
    for (const workers of [0, 2]) {
      const report = await scorePredictions(
        { yTrue: data.yTrue, yPred: data.yPred },
        { metrics, cv: 'stratified:5', seed: 3, workers },
      );
      expect(ScoreReportSchema.parse(report)).toEqual(report);
      expect(report.n).toBe(3000);
      expect(report.labels).toEqual([0, 1, 2, 3]);
      for (const [name, fn] of Object.entries(reference)) {
        expect(report.overall[name]?.value, name).toBe(fn(data.yTrue, data.yPred));
      }
      // fold sizes are StratifiedKFold's; which rows each fold gets is the runner's
      // own per-class shuffle (see parallelStratifiedFolds), written out in the helper
      const sizes = [
        ...new StratifiedKFold({ nSplits: 5, shuffle: true, randomState: 3 }).split({
          y: data.yTrue,
        }),
      ];
      const ids = referenceStratifiedFolds(data.yTrue, 5, 3);
      const splits = sizes.map((_, f) => ({
        test: ids.flatMap((g, i) => (g === f ? [i] : [])),
      }));
      expect(report.folds).toHaveLength(5);
      splits.forEach((split, f) => {
        const fold = report.folds[f]!;
        expect(fold.nTest).toBe(sizes[f]!.test.length);
        expect(fold.nTest).toBe(split.test.length);
        expect(fold.nTrain).toBe(sizes[f]!.train.length);
        const t = pick(data.yTrue, split.test);
        const p = pick(data.yPred, split.test);
        for (const [name, fn] of Object.entries(reference)) {
          expect(fold.metrics[name], `${name} fold ${f}`).toBe(fn(t, p));
        }
      });
      const f1 = splits.map((s) =>
        reference.f1_macro(pick(data.yTrue, s.test), pick(data.yPred, s.test)),
      );
      const mean = f1.reduce((a, b) => a + b, 0) / f1.length;
      expect(report.summary.f1_macro?.mean).toBeCloseTo(mean, 14);
      expect(report.summary.f1_macro?.min).toBe(Math.min(...f1));
    }
  });

  test('weighted metrics equal core-metrics with sampleWeight', async () => {
    const report = await scorePredictions(
      { yTrue: data.yTrue, yPred: data.yPred, weight: data.weight },
      { metrics: ['accuracy', 'f1_macro', 'balanced_accuracy'], workers: 0 },
    );
    expect(report.overall.accuracy?.value).toBe(
      accuracyScore(data.yTrue, data.yPred, { sampleWeight: data.weight }),
    );
    expect(report.overall.f1_macro?.value).toBe(
      f1Score(data.yTrue, data.yPred, {
        average: 'macro',
        sampleWeight: data.weight,
        zeroDivision: 0,
      }),
    );
    expect(report.overall.balanced_accuracy?.value).toBe(
      balancedAccuracyScore(data.yTrue, data.yPred, { sampleWeight: data.weight }),
    );
  });

  test('per-slice metrics equal core-metrics on each slice', async () => {
    const report = await scorePredictions(
      { yTrue: data.yTrue, yPred: data.yPred, slice: data.slice },
      { metrics: ['accuracy', 'f1_macro'], workers: 0 },
    );
    expect(Object.keys(report.slices ?? {})).toEqual(['de', 'en', 'fr']);
    for (const value of ['de', 'en', 'fr']) {
      const rows = data.slice.flatMap((s, i) => (s === value ? [i] : []));
      const t = pick(data.yTrue, rows);
      const p = pick(data.yPred, rows);
      const slice = report.slices?.[value];
      expect(slice?.n).toBe(rows.length);
      expect(slice?.metrics.accuracy?.value).toBe(accuracyScore(t, p));
      expect(slice?.metrics.f1_macro?.value).toBe(reference.f1_macro(t, p));
    }
  });

  test('string labels are encoded in sorted order and the confusion matrix follows it', async () => {
    const names = ['b', 'a', 'c'];
    const yTrue = Array.from(data.yTrue.subarray(0, 500), (c) => names[c % 3]!);
    const yPred = Array.from(data.yPred.subarray(0, 500), (c) => names[c % 3]!);
    const report = await scorePredictions({ yTrue, yPred }, { metrics: ['accuracy'], workers: 0 });
    expect(report.labels).toEqual(['a', 'b', 'c']);
    let diagonal = 0;
    for (let i = 0; i < 500; i++) if (yTrue[i] === yPred[i]) diagonal++;
    const cm = report.confusionMatrix!;
    expect(cm.counts[0]![0]! + cm.counts[1]![1]! + cm.counts[2]![2]!).toBe(diagonal);
    const aa = yTrue.filter((t, i) => t === 'a' && yPred[i] === 'b').length;
    expect(cm.counts[0]![1]).toBe(aa);
    expect(report.overall.accuracy?.value).toBe(accuracyScore(yTrue, yPred));
  });
});
