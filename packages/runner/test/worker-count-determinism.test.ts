import { availableParallelism } from 'node:os';
import { ConfusionAccumulator, f1Score } from '@assay/core-metrics';
import { createRunner, type ScoreReport } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';
import { syntheticClassification } from './helpers/synthetic-predictions.js';

// 0 runs in process; counts beyond the cores are clamped to them (3 workers need 3 cores)
const counts = [0, 1, 2, 3].filter((w) => w <= availableParallelism());
const runners = counts.map((workers) => createRunner({ workers }));

afterAll(async () => {
  await Promise.all(runners.map((r) => r.close()));
});

function stable(report: ScoreReport): unknown {
  const { timing: _timing, ...rest } = report;
  return rest;
}

async function allWorkerCounts(
  input: Parameters<(typeof runners)[0]['scorePredictions']>[0],
  options: Parameters<(typeof runners)[0]['scorePredictions']>[1],
): Promise<ScoreReport[]> {
  const reports: ScoreReport[] = [];
  for (const runner of runners) reports.push(await runner.scorePredictions(input, options));
  expect(reports.map((r) => r.timing.workers)).toEqual(counts);
  return reports;
}

describe('results do not depend on the worker count', () => {
  // many fixed 2^14-row chunks, merged on the main thread in chunk order
  const n = 300_000;
  const big = syntheticClassification(n, 5, 21, 0.6);
  // non-dyadic weights: float sums whose value depends on summation order
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) weight[i] = 0.1 + ((i * 7919) % 1000) / 997;

  test('weighted confusion metrics over folds and slices: bit-for-bit identical for 0, 1, 2 (and 3) workers', async () => {
    const reports = await allWorkerCounts(
      { yTrue: big.yTrue, yPred: big.yPred, weight, slice: big.slice },
      {
        metrics: ['accuracy', 'f1_macro', 'matthews_corrcoef', 'cohen_kappa'],
        cv: 'stratified:3',
        chunkRows: 1 << 14,
      },
    );
    expect(JSON.stringify(stable(reports[1]!))).toBe(JSON.stringify(stable(reports[0]!)));
    expect(JSON.stringify(stable(reports[2]!))).toBe(JSON.stringify(stable(reports[0]!)));
  }, 120_000);

  test('row metrics and row-resampling bootstrap: identical for 0, 1, 2 (and 3) workers', async () => {
    const small = syntheticClassification(4000, 3, 8, 0.6);
    const reports = await allWorkerCounts(
      {
        yTrue: small.yTrue,
        yPred: small.yPred,
        yProba: small.probaColumns,
        weight: small.weight,
        slice: small.slice,
      },
      {
        metrics: ['accuracy', 'roc_auc_ovr', 'log_loss', 'top_k_accuracy'],
        cv: 'kfold:3',
        bootstrap: 40,
        seed: 9,
      },
    );
    expect(reports[0]!.overall.roc_auc_ovr?.ci).toBeDefined();
    expect(JSON.stringify(stable(reports[1]!))).toBe(JSON.stringify(stable(reports[0]!)));
    expect(JSON.stringify(stable(reports[2]!))).toBe(JSON.stringify(stable(reports[0]!)));
  }, 120_000);

  test('unweighted confusion equals one single-threaded core-metrics accumulator', async () => {
    const single = new ConfusionAccumulator(5).update(big.yTrue, big.yPred).counts;
    const report = await runners[2]!.scorePredictions(
      { yTrue: big.yTrue, yPred: big.yPred },
      { metrics: ['f1_macro'], chunkRows: 1 << 14 },
    );
    expect(report.confusionMatrix?.counts.flat()).toEqual(Array.from(single));
    expect(report.overall.f1_macro?.value).toBe(
      f1Score(big.yTrue, big.yPred, { average: 'macro', zeroDivision: 0 }),
    );
  }, 120_000);
});
