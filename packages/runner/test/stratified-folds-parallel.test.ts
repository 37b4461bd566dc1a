import { accuracyScore, f1Score } from '@assay/core-metrics';
import { createRunner, scorePredictions } from '@assay/runner';
import { createRng, StratifiedKFold } from '@assay/splitters';
import { afterAll, describe, expect, test } from 'vitest';
import {
  planParallelStratifiedFolds,
  sharedFoldIds,
} from '../src/folds/parallel-stratified-folds.js';
import { sharedPass } from '../src/pool/shared-pass.js';
import { taskRanges } from '../src/pool/task-ranges.js';
import type { StratifiedFoldTask } from '../src/pool/task-types.js';
import { runConfusionTask, runTask } from '../src/pool/worker-tasks.js';
import { referenceStratifiedFolds } from './helpers/reference-stratified-folds.js';
import { syntheticClassification } from './helpers/synthetic-predictions.js';

/** Runs planning tasks in-process but finishes them in a scrambled order, as a pool may. */
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

interface Assigned {
  ids: Int8Array | Int32Array;
  counts: Float64Array;
  splits: readonly { nTrain: number; nTest: number }[];
  warning: string | null;
}

/**
 * The real pipeline in-process: the planning pass (tasks finishing out of order),
 * then one confusion task per block-aligned range that assigns the rows, writes
 * their fold ids and counts them per fold (yPred = yTrue here).
 */
async function assignFolds(
  y: Int32Array,
  nClasses: number,
  nSplits: number,
  seed: number,
  blockRows: number,
  chunkRows: number,
  scrambled = true,
): Promise<Assigned> {
  const { layout, warning } = await planParallelStratifiedFolds(
    scrambled ? scrambledRunner(seed) : async (task) => runTask(task) as Int32Array | null,
    (range, ranges, rows, n) =>
      sharedPass(
        async (task) => runTask(task) as Int32Array | Float64Array | null,
        range,
        ranges,
        3,
        rows,
        n,
      ),
    y,
    nClasses,
    nSplits,
    seed,
    blockRows,
    chunkRows,
    `stratified:${nSplits}`,
    1 + (seed % 3), // 1 to 3 allocation tasks: the grouping of classes must not matter
  );
  const ids = sharedFoldIds(y.length, nSplits);
  const cells = nClasses * nClasses;
  const counts = new Float64Array(cells * (nSplits + 1));
  // reversed: the ranges may run in any order
  for (const [start, end] of taskRanges(y.length, blockRows, 2 * blockRows).reverse()) {
    const part = runConfusionTask({
      kind: 'confusion',
      yTrue: y,
      yPred: y,
      weight: null,
      nClasses,
      start,
      end,
      groupings: [{ layout, nGroups: nSplits, ids }],
    });
    for (let i = 0; i < part.length; i++) counts[i]! += part[i]!;
  }
  return { ids, counts, splits: layout.splits, warning };
}

describe('parallel stratified folds', () => {
  test.each([
    [1000, 5, 64, 64, 0],
    [5003, 3, 256, 1000, 7],
    [20_000, 10, 1024, 4096, 123],
    [997, 7, 997, 997, 42],
    [70_000, 5, 1 << 16, 1 << 20, 5],
  ])(
    'n=%i, K=%i, blocks of %i rows, tasks of %i rows, seed %i: equal to the one-thread reference, exactly stratified',
    async (n, nSplits, blockRows, chunkRows, seed) => {
      const y = shared(labels(n, seed + 1));
      const nClasses = 7; // codes 3 and 6 never occur
      const { ids, counts, splits, warning } = await assignFolds(
        y,
        nClasses,
        nSplits,
        seed,
        blockRows,
        chunkRows,
      );
      expect(warning).toBeNull();
      expect(ids).toBeInstanceOf(Int8Array);
      expect(ids.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(Array.from(ids)).toEqual(referenceStratifiedFolds(y, nSplits, seed, blockRows));
      // fold sizes are StratifiedKFold's (scikit-learn's allocation)
      const sk = [...new StratifiedKFold({ nSplits }).split({ y })];
      expect(splits.map((s) => s.nTest)).toEqual(sk.map((s) => s.test.length));
      expect(splits.map((s) => s.nTrain)).toEqual(sk.map((s) => s.train.length));
      const cells = nClasses * nClasses;
      for (let c = 0; c < nClasses; c++) {
        const total = y.filter((v) => v === c).length;
        // the whole-set counts are the column's
        expect(counts[c * nClasses + c]).toBe(total);
        for (let f = 0; f < nSplits; f++) {
          let inFold = 0;
          for (let i = 0; i < n; i++) if (y[i] === c && ids[i] === f) inFold++;
          // every class within one row of its exact share in every fold, and the fold
          // counts are those of the written ids
          expect(Math.abs(inFold - total / nSplits)).toBeLessThan(1);
          expect(counts[cells * (f + 1) + c * nClasses + c]).toBe(inFold);
        }
      }
    },
  );

  test('the seed changes the assignment, not the class shares; chunking changes nothing', async () => {
    const y = shared(labels(3000, 3));
    const a = await assignFolds(y, 7, 4, 1, 256, 512);
    const b = await assignFolds(y, 7, 4, 2, 256, 512);
    const c = await assignFolds(y, 7, 4, 1, 256, 2048);
    expect(Array.from(a.ids)).not.toEqual(Array.from(b.ids));
    expect(a.splits).toEqual(b.splits);
    expect(Array.from(c.ids)).toEqual(Array.from(a.ids));
    expect(Array.from(c.counts)).toEqual(Array.from(a.counts));
  });

  test('more than 127 folds use Int32 ids with the same definition', async () => {
    const y = shared(Int32Array.from({ length: 600 }, (_, i) => (i * 7) % 3));
    const { ids } = await assignFolds(y, 3, 130, 9, 128, 256);
    expect(ids).toBeInstanceOf(Int32Array);
    expect(Array.from(ids)).toEqual(referenceStratifiedFolds(y, 130, 9, 128));
  });

  test('every arrangement is equally likely, across block boundaries (chi-square)', async () => {
    // 6 rows of one class in 3 blocks of 2, 2 folds of 3: C(6, 3) = 20 arrangements
    const y = shared(new Int32Array(6));
    const seen = new Map<string, number>();
    const runs = 10_000;
    for (let seed = 0; seed < runs; seed++) {
      const { ids } = await assignFolds(y, 1, 2, seed, 2, 2, false);
      const key = Array.from(ids).join('');
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect(seen.size).toBe(20);
    const expected = runs / 20;
    const chi2 = [...seen.values()].reduce((s, v) => s + (v - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(50); // p < 2e-4 for 19 degrees of freedom
  }, 60_000);

  test('a class smaller than K warns; every class smaller than K is a SplitError', async () => {
    const { warning } = await assignFolds(
      shared(Int32Array.of(0, 0, 0, 0, 1, 0, 0)),
      2,
      3,
      0,
      2,
      2,
    );
    expect(warning).toContain('only 1 members');
    const error = await assignFolds(shared(Int32Array.of(0, 0, 1, 1)), 2, 3, 0, 2, 2).catch(
      (e: unknown) => e,
    );
    expect((error as { code?: string }).code).toBe('CLASS_TOO_SMALL');
  });
});

describe('stratified CV on the pool', () => {
  const runners = [1, 2, 3].map((workers) => createRunner({ workers }));
  afterAll(async () => {
    await Promise.all(runners.map((r) => r.close()));
  });

  test('fold metrics equal core-metrics on the reference folds, for 0 to 3 workers', async () => {
    const data = syntheticClassification(150_000, 6, 5); // three 65 536-row blocks
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
