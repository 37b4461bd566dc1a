import { ConfusionAccumulator, f1Score } from '@assay/core-metrics';
import { createRunner, type ScoreReport } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';
import { syntheticClassification } from './helpers/synthetic-predictions.js';

// more rows than two fixed chunks (2^19 rows each), so merging order matters
const n = 1_200_000;
const data = syntheticClassification(n, 5, 21, 0.6);
// non-dyadic weights: float sums whose value depends on summation order
const weight = new Float64Array(n);
for (let i = 0; i < n; i++) weight[i] = 0.1 + ((i * 7919) % 1000) / 997;
const runners = [1, 2, 3].map((workers) => createRunner({ workers }));

afterAll(async () => {
  await Promise.all(runners.map((r) => r.close()));
});

function stable(report: ScoreReport): unknown {
  const { timing: _timing, ...rest } = report;
  return rest;
}

describe('results do not depend on the worker count', () => {
  test('weighted, with folds, slices and bootstrap: identical reports for 1, 2 and 3 workers', async () => {
    const options = {
      metrics: ['accuracy', 'f1_macro', 'matthews_corrcoef', 'roc_auc_ovr'],
      cv: 'stratified:3',
      bootstrap: 20,
      seed: 5,
    };
    const input = {
      yTrue: data.yTrue,
      yPred: data.yPred,
      yProba: data.probaColumns,
      weight,
      slice: data.slice,
    };
    const reports = [];
    for (const runner of runners) reports.push(await runner.scorePredictions(input, options));
    expect(reports.map((r) => r.timing.workers)).toEqual([1, 2, 3]);
    expect(stable(reports[1]!)).toEqual(stable(reports[0]!));
    expect(stable(reports[2]!)).toEqual(stable(reports[0]!));
    expect(JSON.stringify(stable(reports[2]!))).toBe(JSON.stringify(stable(reports[0]!)));
  }, 240_000);

  test('unweighted confusion equals one single-threaded core-metrics accumulator', async () => {
    const single = new ConfusionAccumulator(5).update(data.yTrue, data.yPred).counts;
    const report = await runners[2]!.scorePredictions(
      { yTrue: data.yTrue, yPred: data.yPred },
      { metrics: ['f1_macro'] },
    );
    expect(report.confusionMatrix?.counts.flat()).toEqual(Array.from(single));
    expect(report.overall.f1_macro?.value).toBe(
      f1Score(data.yTrue, data.yPred, { average: 'macro', zeroDivision: 0 }),
    );
  }, 120_000);
});
