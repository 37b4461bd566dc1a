import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accuracyScore, f1Score, meanAbsoluteError } from '@assay/core-metrics';
import { createRunner, loadColumns, RunnerError } from '@assay/runner';
import { createRng } from '@assay/splitters';
import { bcaInterval, pairedBootstrapFromReplicates } from '@assay/stats';
import { afterAll, describe, expect, test } from 'vitest';
import { deriveSeed } from '../src/bootstrap/derive-seed.js';
import { syntheticClassification } from './helpers/synthetic-predictions.js';

const runners = [0, 1, 2].map((workers) => createRunner({ workers }));
afterAll(() => Promise.all(runners.map((r) => r.close())));

const a = syntheticClassification(900, 3, 21, 0.7);
const b = syntheticClassification(900, 3, 22, 0.8);
// the same items: B keeps A's truth, with its own predictions
const sideA = { yTrue: a.yTrue, yPred: a.yPred };
const sideB = { yTrue: a.yTrue, yPred: b.yPred };

/** The definition, one thread: replicate r draws n rows with createRng(seed_r). */
function referenceReplicates(
  n: number,
  samples: number,
  seed: number,
  metric: (rows: Uint32Array) => number,
): Float64Array {
  const seeds = createRng(deriveSeed(seed, 3, 0));
  const out = new Float64Array(samples);
  const rows = new Uint32Array(n);
  for (let r = 0; r < samples; r++) {
    const rng = createRng(seeds.nextUint32());
    for (let i = 0; i < n; i++) rows[i] = rng.nextInt(n);
    out[r] = metric(rows);
  }
  return out;
}

const pick = (x: Int32Array, rows: Uint32Array) => Int32Array.from(rows, (i) => x[i]!);

/**
 * Accuracy of B − A on `rows` from the counts of right answers: replicates equal to each
 * other in exact arithmetic are equal floats, as the runner makes them (`snapRoundingTies`).
 */
const accuracyDifference =
  (truth: Int32Array, predA: Int32Array, predB: Int32Array) => (rows: Uint32Array) => {
    let d = 0;
    for (const i of rows) d += Number(predB[i] === truth[i]) - Number(predA[i] === truth[i]);
    return d / rows.length;
  };

describe('Runner.pairedBootstrap', () => {
  test('equals the one-thread definition for 0, 1 and 2 workers', async () => {
    const samples = 300;
    const reference = referenceReplicates(
      a.yTrue.length,
      samples,
      5,
      (rows) =>
        accuracyScore(pick(a.yTrue, rows), pick(b.yPred, rows)) -
        accuracyScore(pick(a.yTrue, rows), pick(a.yPred, rows)),
    );
    const observed = accuracyScore(a.yTrue, b.yPred) - accuracyScore(a.yTrue, a.yPred);
    const expected = pairedBootstrapFromReplicates(observed, reference, { ci: 0.9 });
    for (const runner of runners) {
      const report = await runner.pairedBootstrap(sideA, sideB, {
        metrics: ['accuracy', 'f1_macro'],
        bootstrap: samples,
        ci: 0.9,
        seed: 5,
      });
      const d = report.metrics.accuracy!;
      expect(d.a).toBe(accuracyScore(a.yTrue, a.yPred));
      expect(d.b).toBe(accuracyScore(a.yTrue, b.yPred));
      expect(d.difference).toBeCloseTo(expected.difference, 14);
      expect(d.ciLow).toBeCloseTo(expected.ciLow, 14);
      expect(d.ciHigh).toBeCloseTo(expected.ciHigh, 14);
      expect(d.pValue).toBe(expected.pValue);
      expect(report.metrics.f1_macro!.b).toBeCloseTo(
        f1Score(a.yTrue, b.yPred, { average: 'macro' }) as number,
        14,
      );
      expect(report.settings.metrics).toEqual(['accuracy', 'f1_macro']);
    }
  });

  test('with interval bca gives the BCa interval of the same replicates and the leave-one-out jackknife', async () => {
    const n = 300;
    const samples = 400;
    const truth = a.yTrue.subarray(0, n);
    const predA = a.yPred.subarray(0, n);
    const predB = b.yPred.subarray(0, n);
    const diff = accuracyDifference(truth, predA, predB);
    const reference = referenceReplicates(n, samples, 9, diff);
    const jackknife = Float64Array.from({ length: n }, (_, k) =>
      diff(Uint32Array.from({ length: n - 1 }, (_, i) => (i < k ? i : i + 1))),
    );
    const observed = diff(Uint32Array.from({ length: n }, (_, i) => i));
    const [lo, hi] = bcaInterval(reference, { observed, jackknife, level: 0.9 })!;
    const percentile = pairedBootstrapFromReplicates(observed, reference, { ci: 0.9 });
    const report = await runners[1]!.pairedBootstrap(
      { yTrue: truth, yPred: predA },
      { yTrue: truth, yPred: predB },
      { metrics: ['accuracy'], bootstrap: samples, ci: 0.9, seed: 9, interval: 'bca' },
    );
    const d = report.metrics.accuracy!;
    expect(report.settings.interval).toBe('bca');
    expect(d.interval).toBe('bca');
    expect(d.ciLow).toBeCloseTo(lo, 12);
    expect(d.ciHigh).toBeCloseTo(hi, 12);
    expect(d.pValue).toBe(percentile.pValue);
    // the correction moves at least one bound off the percentile interval
    expect([d.ciLow, d.ciHigh]).not.toEqual([percentile.ciLow, percentile.ciHigh]);
  });

  test('with interval bca counts replicates equal to the difference but for rounding as ties', async () => {
    // 400 items, A right on 384, B on 387: only B right on items 1-4, only A on item 0 (a
    // user's trial of assay compare). 0.9675 − 0.96 and 0.97 − 0.9625 differ in their last
    // bits; compared bit for bit, z0 was 0.25 instead of 0.04 and the interval [0, 0.0225]
    // where the exact ties give [−0.0025, 0.02] (the exact multinomial distribution of the
    // difference, through scipy's BCa formulas, gives these ends for any large B).
    const n = 400;
    const samples = 2000;
    const truth = Int32Array.from({ length: n }, (_, i) => i % 2);
    const right = (ok: (i: number) => boolean) =>
      Int32Array.from(truth, (y, i) => (ok(i) ? y : 1 - y));
    const predA = right((i) => i === 0 || i >= 17);
    const predB = right((i) => (i >= 1 && i <= 4) || i >= 17);
    const exactDiff = accuracyDifference(truth, predA, predB);
    const reference = referenceReplicates(n, samples, 1, exactDiff);
    const jackknife = Float64Array.from({ length: n }, (_, k) =>
      exactDiff(Uint32Array.from({ length: n - 1 }, (_, i) => (i < k ? i : i + 1))),
    );
    const [lo, hi] = bcaInterval(reference, { observed: 3 / n, jackknife })!;
    for (const runner of runners.slice(0, 2)) {
      const report = await runner.pairedBootstrap(
        { yTrue: truth, yPred: predA },
        { yTrue: truth, yPred: predB },
        { metrics: ['accuracy'], bootstrap: samples, seed: 1, interval: 'bca' },
      );
      const d = report.metrics.accuracy!;
      expect(d.interval).toBe('bca');
      expect(d.ciLow).toBeCloseTo(lo, 15);
      expect(d.ciHigh).toBeCloseTo(hi, 15);
      expect(d.ciLow).toBeCloseTo(-0.0025, 15);
      expect(d.ciHigh).toBeCloseTo(0.02, 15);
    }
  });

  test('keeps a real difference of mape, which one true 0 dominates (the tie tolerance is per replicate)', async () => {
    // 100 rows, the last true value 0 predicted 1 by both sides: mape ≈ 4.5e13 for both, and B
    // is better by 0.3 elsewhere; a tolerance of the full sample's scale read the difference as
    // 0 and its interval as [0, 0]
    const yTrue = Array.from({ length: 100 }, (_, i) => (i === 99 ? 0 : 1));
    const side = (p: number) => ({ yTrue, yPred: yTrue.map((_, i) => (i === 99 ? 1 : p)) });
    const report = await runners[0]!.pairedBootstrap(side(1.5), side(1.2), {
      metrics: ['mape'],
      task: 'regression',
      bootstrap: 200,
    });
    const d = report.metrics.mape!;
    expect(d.difference).toBe(d.b - d.a);
    expect(d.difference).toBeLessThan(-0.25);
    // the resamples without the 0 row (about 37%) show it; those with it compute mape's sums
    // at 4.5e15, where 0.3 is below their rounding, so the upper end stays at 0
    expect(d.ciLow).toBeLessThan(-0.25);
  });

  test('with interval bca above 1000 items leaves out groups of items, near the leave-one-out interval', async () => {
    const n = 3000;
    const truth = Int32Array.from({ length: n }, (_, i) => i % 3);
    const predA = Int32Array.from(truth, (t, i) => (i % 7 === 0 ? (t + 1) % 3 : t));
    const predB = Int32Array.from(truth, (t, i) => (i % 5 === 0 ? (t + 2) % 3 : t));
    const samples = 500;
    const reference = referenceReplicates(n, samples, 4, accuracyDifference(truth, predA, predB));
    // accuracy's leave-one-out difference in closed form: remove item k's two 0/1 outcomes
    const okA = Int32Array.from(truth, (t, i) => Number(predA[i] === t));
    const okB = Int32Array.from(truth, (t, i) => Number(predB[i] === t));
    const sumA = okA.reduce((s, x) => s + x, 0);
    const sumB = okB.reduce((s, x) => s + x, 0);
    const jackknife = Float64Array.from(
      { length: n },
      (_, k) => (sumB - okB[k]!) / (n - 1) - (sumA - okA[k]!) / (n - 1),
    );
    const observed = (sumB - sumA) / n;
    const [lo, hi] = bcaInterval(reference, { observed, jackknife, level: 0.95 })!;
    const report = await runners[2]!.pairedBootstrap(
      { yTrue: truth, yPred: predA },
      { yTrue: truth, yPred: predB },
      { metrics: ['accuracy'], bootstrap: samples, seed: 4, interval: 'bca' },
    );
    const d = report.metrics.accuracy!;
    expect(d.interval).toBe('bca');
    // the definition: 1000 groups, item k in group k mod 1000, each left out in turn
    const grouped = Float64Array.from({ length: 1000 }, (_, g) => {
      let a = sumA;
      let b = sumB;
      for (let k = g; k < n; k += 1000) {
        a -= okA[k]!;
        b -= okB[k]!;
      }
      return (b - a) / (n - n / 1000);
    });
    const [groupedLo, groupedHi] = bcaInterval(reference, { observed, jackknife: grouped })!;
    expect(d.ciLow).toBeCloseTo(groupedLo, 15);
    expect(d.ciHigh).toBeCloseTo(groupedHi, 15);
    // near the leave-one-out interval: nearer than the percentile interval (no correction)
    const percentile = pairedBootstrapFromReplicates(observed, reference, { ci: 0.95 });
    const off = (x: number, y: number) => Math.abs(x - lo) + Math.abs(y - hi);
    expect(off(d.ciLow, d.ciHigh)).toBeLessThan(off(percentile.ciLow, percentile.ciHigh) / 2);
  });

  test('with interval bca falls back to the percentile interval for identical sides', async () => {
    const report = await runners[0]!.pairedBootstrap(sideA, sideA, {
      metrics: ['accuracy', 'f1_macro'],
      bootstrap: 50,
      interval: 'bca',
    });
    for (const d of Object.values(report.metrics)) {
      expect(d.interval).toBe('percentile');
      expect([d.difference, d.ciLow, d.ciHigh, d.pValue]).toEqual([0, 0, 0, 1]);
    }
  });

  test('resolves aliases and scores regression the same way', async () => {
    const truth = Float64Array.from({ length: 200 }, (_, i) => i % 17);
    const predA = truth.map((t, i) => t + (i % 3));
    const predB = truth.map((t, i) => t + (i % 2));
    const report = await runners[2]!.pairedBootstrap(
      { yTrue: truth, yPred: predA },
      { yTrue: truth, yPred: predB },
      { task: 'regression', metrics: ['mean_absolute_error'], bootstrap: 50 },
    );
    expect(report.settings.metrics).toEqual(['mae']);
    expect(report.metrics.mae!.difference).toBeCloseTo(
      meanAbsoluteError(truth, predB) - meanAbsoluteError(truth, predA),
      14,
    );
  });

  test('two prediction columns of one loaded table give the same median interval as two copies', async () => {
    // the sides share the table's column of true values; the replicate median ranks each
    // side's own residuals
    const dir = mkdtempSync(join(tmpdir(), 'assay-paired-'));
    const truth = Array.from({ length: 2000 }, (_, i) => (i * 7) % 101);
    const predA = truth.map((t, i) => t + ((i * 3) % 5));
    const predB = truth.map((t, i) => t + 2 + ((i * 5) % 7));
    const path = join(dir, 'sides.csv');
    writeFileSync(
      path,
      `y,a,b\n${truth.map((t, i) => `${t},${predA[i]},${predB[i]}`).join('\n')}\n`,
    );
    const options = {
      task: 'regression',
      metrics: ['median_absolute_error'],
      bootstrap: 200,
    } as const;
    try {
      for (const runner of runners.slice(0, 2)) {
        const table = await loadColumns(path, {
          columns: { y: 'number', a: 'number', b: 'number' },
        });
        const shared = await runner.pairedBootstrap(
          { table, roles: { yTrue: 'y', yPred: 'a' } },
          { table, roles: { yTrue: 'y', yPred: 'b' } },
          options,
        );
        const copies = await runner.pairedBootstrap(
          { yTrue: Float64Array.from(truth), yPred: Float64Array.from(predA) },
          { yTrue: Float64Array.from(truth), yPred: Float64Array.from(predB) },
          options,
        );
        const d = shared.metrics.median_absolute_error!;
        expect(d).toEqual(copies.metrics.median_absolute_error);
        expect(d.ciLow).toBeGreaterThan(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('refuses sides of different lengths, naming b', async () => {
    const error = await runners[0]!
      .pairedBootstrap(
        sideA,
        { yTrue: a.yTrue.subarray(1), yPred: b.yPred.subarray(1) },
        {
          metrics: ['accuracy'],
        },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunnerError);
    expect((error as RunnerError).code).toBe('LENGTH_MISMATCH');
    expect((error as RunnerError).path).toBe('b');
    expect((error as RunnerError).message).toMatch(/a has 900 and b has 899/);
  });

  test('refuses an empty metric list and an unknown metric', async () => {
    await expect(runners[0]!.pairedBootstrap(sideA, sideB, { metrics: [] })).rejects.toThrow(
      /at least one metric/,
    );
    await expect(
      runners[0]!.pairedBootstrap(sideA, sideB, { metrics: ['acuracy'] }),
    ).rejects.toThrow(/Unknown metric "acuracy"/);
  });
});
