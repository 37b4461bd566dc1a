import { accuracyScore, f1Score } from '@assay/core-metrics';
import { createRunner, scorePredictions } from '@assay/runner';
import { createRng, StratifiedKFold } from '@assay/splitters';
import { afterAll, describe, expect, test } from 'vitest';
import {
  parallelStratifiedFolds,
  type StratifiedFoldTask,
} from '../src/folds/parallel-stratified-folds.js';
import { runTask } from '../src/pool/worker-tasks.js';
import { referenceStratifiedFolds } from './helpers/reference-stratified-folds.js';
import { syntheticClassification } from './helpers/synthetic-predictions.js';

/** Runs fold tasks in-process but finishes them in a scrambled order, as a pool may. */
function scrambledRunner(seed: number) {
  const rng = createRng(seed);
  return (task: StratifiedFoldTask) =>
    new Promise<Int32Array | null>((resolve) => {
      setTimeout(() => resolve(runTask(task) as Int32Array | null), rng.nextInt(3));
    });
}

function shared(values: Int32Array): Int32Array {
  const out = new Int32Array(new SharedArrayBuffer(values.byteLength));
  out.set(values);
  return out;
}

/** Labels with a rare class, a class that first appears late, and unused codes. */
function labels(n: number, seed: number): Int32Array {
  const rng = createRng(seed);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const u = rng.nextFloat();
    y[i] = u < 0.5 ? 4 : u < 0.8 ? 1 : u < 0.99 ? 2 : 0;
    if (i > n / 2 && u < 0.05) y[i] = 5;
  }
  return y;
}

describe('parallel stratified folds', () => {
  test.each([
    [1000, 5, 64, 0],
    [5003, 3, 1000, 7],
    [20_000, 10, 4096, 123],
    [997, 7, 997, 42],
  ])(
    'n=%i, K=%i, chunks of %i rows, seed %i: equal to the one-thread reference, exactly stratified',
    async (n, nSplits, chunkRows, seed) => {
      const y = shared(labels(n, seed + 1));
      const nClasses = 7; // codes 3 and 6 never occur
      const { folding, warning } = await parallelStratifiedFolds(
        scrambledRunner(seed),
        y,
        nClasses,
        nSplits,
        seed,
        chunkRows,
        `stratified:${nSplits}`,
      );
      expect(warning).toBeNull();
      expect(folding.ids).toBeInstanceOf(Int8Array);
      expect(folding.ids.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(Array.from(folding.ids)).toEqual(referenceStratifiedFolds(y, nSplits, seed));
      // fold sizes are StratifiedKFold's (scikit-learn's allocation)
      const sk = [...new StratifiedKFold({ nSplits }).split({ y })];
      expect(folding.splits.map((s) => s.nTest)).toEqual(sk.map((s) => s.test.length));
      expect(folding.splits.map((s) => s.nTrain)).toEqual(sk.map((s) => s.train.length));
      // every class within one row of its exact share in every fold
      for (let c = 0; c < nClasses; c++) {
        const total = y.filter((v) => v === c).length;
        for (let f = 0; f < nSplits; f++) {
          let inFold = 0;
          for (let i = 0; i < n; i++) if (y[i] === c && folding.ids[i] === f) inFold++;
          expect(Math.abs(inFold - total / nSplits)).toBeLessThan(1);
        }
      }
    },
  );

  test('the seed changes the assignment, not the class shares', async () => {
    const y = shared(labels(3000, 3));
    const a = await parallelStratifiedFolds(scrambledRunner(1), y, 7, 4, 1, 500, 'stratified:4');
    const b = await parallelStratifiedFolds(scrambledRunner(2), y, 7, 4, 2, 500, 'stratified:4');
    expect(Array.from(a.folding.ids)).not.toEqual(Array.from(b.folding.ids));
    expect(a.folding.splits).toEqual(b.folding.splits);
  });

  test('more than 127 folds use Int32 ids with the same definition', async () => {
    const y = shared(Int32Array.from({ length: 600 }, (_, i) => (i * 7) % 3));
    const { folding } = await parallelStratifiedFolds(
      scrambledRunner(0),
      y,
      3,
      130,
      9,
      100,
      'stratified:130',
    );
    expect(folding.ids).toBeInstanceOf(Int32Array);
    expect(Array.from(folding.ids)).toEqual(referenceStratifiedFolds(y, 130, 9));
  });

  test('a class smaller than K warns; every class smaller than K is a SplitError', async () => {
    const y = shared(Int32Array.of(0, 0, 0, 0, 1, 0, 0));
    const { warning } = await parallelStratifiedFolds(
      scrambledRunner(0),
      y,
      2,
      3,
      0,
      2,
      'stratified:3',
    );
    expect(warning).toContain('only 1 members');
    const error = await parallelStratifiedFolds(
      scrambledRunner(0),
      shared(Int32Array.of(0, 0, 1, 1)),
      2,
      3,
      0,
      2,
      'stratified:3',
    ).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('CLASS_TOO_SMALL');
  });
});

describe('stratified CV on the pool', () => {
  const runners = [1, 2, 3].map((workers) => createRunner({ workers }));
  afterAll(async () => {
    await Promise.all(runners.map((r) => r.close()));
  });

  test('fold metrics equal core-metrics on the reference folds, for 0 to 3 workers', async () => {
    const data = syntheticClassification(30_000, 6, 5);
    const folds = referenceStratifiedFolds(data.yTrue, 5, 11);
    const expected = Array.from({ length: 5 }, (_, f) => {
      const rows = folds.flatMap((g, i) => (g === f ? [i] : []));
      const t = Int32Array.from(rows, (r) => data.yTrue[r]!);
      const p = Int32Array.from(rows, (r) => data.yPred[r]!);
      return {
        nTest: rows.length,
        accuracy: accuracyScore(t, p),
        f1: f1Score(t, p, { average: 'macro', zeroDivision: 0 }),
      };
    });
    const options = {
      metrics: ['accuracy', 'f1_macro'],
      cv: 'stratified:5',
      seed: 11,
      chunkRows: 1 << 11,
    };
    const input = { yTrue: data.yTrue, yPred: data.yPred };
    const reports = [await scorePredictions(input, { ...options, workers: 0 })];
    for (const runner of runners) reports.push(await runner.scorePredictions(input, options));
    for (const report of reports) {
      expect(report.folds.map((f) => f.nTest)).toEqual(expected.map((e) => e.nTest));
      expect(report.folds.map((f) => f.metrics.accuracy)).toEqual(expected.map((e) => e.accuracy));
      expect(report.folds.map((f) => f.metrics.f1_macro)).toEqual(expected.map((e) => e.f1));
    }
  }, 60_000);
});
