import { createRunner, RunnerError, type ScoreReport } from '@assay/runner';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { groupRowsByCluster } from '../src/bootstrap/row-draw.js';
import { syntheticClassification } from './helpers/synthetic-predictions.js';

const runners = [0, 2].map((workers) => createRunner({ workers }));
const [inProcess, pooled] = runners as [
  ReturnType<typeof createRunner>,
  ReturnType<typeof createRunner>,
];
afterAll(() => Promise.all(runners.map((r) => r.close())));

/** Binary items: truth, prediction, score and slice of each. */
interface Items {
  yTrue: number[];
  yPred: number[];
  yScore: number[];
  slice: string[];
}

/**
 * Every item `times` times with identical predictions, repeat by repeat (as repeated CV
 * lays its rows out) or item by item; the cluster of a row is its item's id.
 */
function repeated(items: Items, times: number, itemMajor: boolean, idOf: (i: number) => number) {
  const order: number[] = [];
  const n = items.yTrue.length;
  if (itemMajor) for (let i = 0; i < n; i++) for (let t = 0; t < times; t++) order.push(i);
  else for (let t = 0; t < times; t++) for (let i = 0; i < n; i++) order.push(i);
  return {
    input: {
      yTrue: order.map((i) => items.yTrue[i]!),
      yPred: order.map((i) => items.yPred[i]!),
      yScore: order.map((i) => items.yScore[i]!),
      slice: order.map((i) => items.slice[i]!),
    },
    clusterIds: order.map(idOf),
  };
}

const intervalsOf = (report: ScoreReport) => ({
  overall: Object.fromEntries(Object.entries(report.overall).map(([k, v]) => [k, v.ci])),
  slices: Object.fromEntries(
    Object.entries(report.slices ?? {}).map(([s, v]) => [
      s,
      Object.fromEntries(Object.entries(v.metrics).map(([k, m]) => [k, m.ci])),
    ]),
  ),
});

const binaryItems = fc
  .integer({ min: 4, max: 50 })
  .chain((n) =>
    fc.record({
      yTrue: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
      yPred: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
      yScore: fc.array(
        fc.integer({ min: 0, max: 20 }).map((s) => s / 20),
        {
          minLength: n,
          maxLength: n,
        },
      ),
      slice: fc.array(fc.constantFrom('a', 'b'), { minLength: n, maxLength: n }),
    }),
  )
  .filter((items) => items.yTrue.includes(0) && items.yTrue.includes(1));

describe('cluster bootstrap', () => {
  test('items repeated r times and clustered by item get exactly the interval of the items scored once', async () => {
    await fc.assert(
      fc.asyncProperty(
        binaryItems,
        // once (singletons) the confusion metrics keep their multinomial draws: tested below
        fc.integer({ min: 2, max: 4 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 1000 }),
        async (items, times, itemMajor, seed) => {
          const options = {
            metrics: ['accuracy', 'f1', 'balanced_accuracy', 'roc_auc', 'average_precision'],
            bootstrap: 40,
            seed,
          };
          // weights of 1 change no value but make the items' confusion metrics resample rows
          // (their multinomial draws have the same distribution, not the same random stream)
          const once = await inProcess.scorePredictions(
            { ...items, weight: items.yTrue.map(() => 1) },
            options,
          );
          const { input, clusterIds } = repeated(items, times, itemMajor, (i) => 3 * i + 7);
          const clustered = await inProcess.scorePredictions(input, { ...options, clusterIds });
          expect(intervalsOf(clustered)).toEqual(intervalsOf(once));
          expect(clustered.overall.accuracy?.value).toBe(once.overall.accuracy?.value);
          expect(clustered.clusters).toBe(items.yTrue.length);
          expect(clustered.settings.resampling).toBe('clusters');
        },
      ),
      { numRuns: 40 },
    );
  });

  test('the paired bootstrap of repeated items clustered by item equals that of the items once', async () => {
    await fc.assert(
      fc.asyncProperty(
        binaryItems,
        fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 50, maxLength: 50 }),
        fc.integer({ min: 2, max: 4 }),
        async (items, otherPred, times) => {
          const b = { ...items, yPred: items.yPred.map((_, i) => otherPred[i]!) };
          const options = { metrics: ['accuracy', 'f1', 'roc_auc'], bootstrap: 30, seed: 3 };
          const once = await inProcess.pairedBootstrap(items, b, options);
          const ra = repeated(items, times, false, (i) => i);
          const rb = repeated(b, times, false, (i) => i);
          const clustered = await inProcess.pairedBootstrap(ra.input, rb.input, {
            ...options,
            clusterIds: ra.clusterIds,
          });
          expect(clustered.metrics).toEqual(once.metrics);
          expect(clustered.settings.resampling).toBe('clusters');
          expect(clustered.clusters).toBe(items.yTrue.length);
        },
      ),
      { numRuns: 25 },
    );
  });

  test('a row bootstrap of items answered three times narrows the interval; clustering by item does not', async () => {
    const data = syntheticClassification(600, 2, 11, 0.6);
    const items = { yTrue: data.yTrue, yPred: data.yPred };
    const options = { metrics: ['accuracy'], bootstrap: 1000, seed: 1 };
    const width = (r: ScoreReport) => r.overall.accuracy!.ci![1] - r.overall.accuracy!.ci![0];
    const once = width(await pooled.scorePredictions(items, options));
    const triple = {
      yTrue: Int32Array.from([...data.yTrue, ...data.yTrue, ...data.yTrue]),
      yPred: Int32Array.from([...data.yPred, ...data.yPred, ...data.yPred]),
    };
    const byRow = width(await pooled.scorePredictions(triple, options));
    const clusterIds = Int32Array.from({ length: 1800 }, (_, i) => i % 600);
    const report = await pooled.scorePredictions(triple, { ...options, clusterIds });
    // three copies of each answer are no new evidence: about 1/√3 of the width by rows
    expect(byRow / once).toBeLessThan(0.7);
    expect(width(report) / once).toBeGreaterThan(0.85);
    expect(width(report) / once).toBeLessThan(1.15);
    expect(report.settings.bootstrapMethod).toEqual({ accuracy: 'rows' });
    expect(report.settings.resampling).toBe('clusters');
    expect(report.n).toBe(1800);
    expect(report.clusters).toBe(600);
  });

  test('gives the same intervals on 0 and 2 workers', async () => {
    const data = syntheticClassification(900, 3, 5, 0.7);
    const input = { yTrue: data.yTrue, yPred: data.yPred, slice: data.slice };
    const clusterIds = Int32Array.from({ length: 900 }, (_, i) => Math.floor(i / 4));
    const options = { metrics: ['accuracy', 'f1_macro'], bootstrap: 100, seed: 9, clusterIds };
    const a = await inProcess.scorePredictions(input, options);
    const b = await pooled.scorePredictions(input, options);
    expect(intervalsOf(a)).toEqual(intervalsOf(b));
    expect(a.clusters).toBe(225);
  });

  test('singleton clusters keep the multinomial draws of the confusion counts', async () => {
    const data = syntheticClassification(300, 2, 2, 0.8);
    const input = { yTrue: data.yTrue, yPred: data.yPred };
    const options = { metrics: ['accuracy'], bootstrap: 50, seed: 4 };
    const plain = await inProcess.scorePredictions(input, options);
    const singletons = await inProcess.scorePredictions(input, {
      ...options,
      clusterIds: Array.from({ length: 300 }, (_, i) => 300 - i),
    });
    expect(singletons.settings.bootstrapMethod).toEqual({ accuracy: 'multinomial-counts' });
    expect(singletons.overall).toEqual(plain.overall);
    expect(singletons.settings.resampling).toBe('clusters');
    expect(plain.settings.resampling).toBe('rows');
    expect(plain.clusters).toBeUndefined();
  });

  test.each([
    [[0, 1], 'clusterIds has 2 entries but there are 3 rows'],
    [[0, -1, 2], 'clusterIds[1] is -1'],
    [[0, 1.5, 2], 'clusterIds[1] is 1.5'],
  ])('refuses cluster ids %j naming the option', async (clusterIds, message) => {
    const error = await inProcess
      .scorePredictions({ yTrue: [0, 1, 1], yPred: [0, 1, 0] }, { clusterIds, bootstrap: 10 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunnerError);
    expect((error as RunnerError).code).toBe('INVALID_OPTION');
    expect((error as RunnerError).path).toBe('clusterIds');
    expect((error as RunnerError).message).toContain(message);
  });

  test('refuses cluster ids with dropped rows, which would no longer line up', async () => {
    const error = await inProcess
      .scorePredictions(
        { yTrue: [0, 1, null, 1], yPred: [0, 1, 1, 0] },
        { clusterIds: [0, 0, 1, 1], dropMissing: true },
      )
      .catch((e: unknown) => e);
    expect((error as RunnerError).code).toBe('INVALID_OPTION');
    expect((error as RunnerError).message).toContain('dropMissing');
  });
});

describe('groupRowsByCluster', () => {
  test('puts every selected row in its cluster once, clusters in order of first appearance', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 200 }),
        fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }),
        (codes, keep) => {
          const base = Uint32Array.from(codes.keys()).filter((i) => keep[i]);
          const column = { codes: Int32Array.from(codes), count: 10 };
          const { count, starts, rows } = groupRowsByCluster(column, base);
          expect([...rows].sort((x, y) => x - y)).toEqual([...base]);
          const firsts: number[] = [];
          for (let k = 0; k < count; k++) {
            const members = rows.subarray(starts[k]!, starts[k + 1]!);
            expect(members.length).toBeGreaterThan(0);
            expect(new Set(Array.from(members, (r) => codes[r])).size).toBe(1);
            firsts.push(members[0]!);
          }
          expect(firsts).toEqual([...firsts].sort((x, y) => x - y));
          expect(count).toBe(new Set(Array.from(base, (r) => codes[r])).size);
        },
      ),
    );
  });
});
