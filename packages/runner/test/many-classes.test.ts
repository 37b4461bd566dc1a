import {
  accuracyScore,
  balancedAccuracyScore,
  cohenKappaScore,
  confusionMatrix,
  f1Score,
  jaccardScore,
  matthewsCorrcoef,
  precisionRecallFscoreSupport,
  precisionScore,
  recallScore,
} from '@assay/core-metrics';
import {
  CONFUSION_MATRIX_CLASS_LIMIT,
  CONFUSION_PASS_MAX_CELLS,
  ScoreReportSchema,
  scorePredictions,
} from '@assay/runner';
import { createRng, KFold } from '@assay/splitters';
import { describe, expect, test } from 'vitest';
import { tallyValue } from '../src/metrics/compute-metric-values.js';
import type { ConfusionMetric } from '../src/metrics/metric-spec.js';
import { referenceStratifiedFolds } from './helpers/reference-stratified-folds.js';

/** `perClass` rows of `k` classes, each class true `perClass` times, right with probability 0.6. */
function manyClasses(k: number, perClass: number, seed: number) {
  const rng = createRng(seed);
  const n = k * perClass;
  const yTrue = new Int32Array(n);
  const yPred = new Int32Array(n);
  const weight = new Float64Array(n);
  const slice: string[] = [];
  for (let i = 0; i < n; i++) {
    // every class occurs perClass times
    const t = i % k;
    yTrue[i] = t;
    yPred[i] = rng.nextFloat() < 0.6 ? t : rng.nextInt(k);
    weight[i] = 0.5 + rng.nextFloat();
    slice.push(`s${rng.nextInt(3)}`);
  }
  return { yTrue, yPred, weight, slice };
}

function pick(values: Int32Array, rows: readonly number[]): Int32Array {
  return Int32Array.from(rows, (r) => values[r]!);
}

function pickWeights(values: Float64Array, rows: readonly number[]): Float64Array {
  return Float64Array.from(rows, (r) => values[r]!);
}

/** The sampleWeight option, only when there are weights. */
function sw(w: Float64Array | undefined): { sampleWeight?: Float64Array } {
  return w === undefined ? {} : { sampleWeight: w };
}

const reference: Record<string, (t: Int32Array, p: Int32Array, w?: Float64Array) => number> = {
  accuracy: (t, p, w) => accuracyScore(t, p, { ...sw(w) }),
  balanced_accuracy: (t, p, w) => balancedAccuracyScore(t, p, { ...sw(w) }),
  f1_macro: (t, p, w) => f1Score(t, p, { average: 'macro', zeroDivision: 0, ...sw(w) }),
  precision_weighted: (t, p, w) =>
    precisionScore(t, p, { average: 'weighted', zeroDivision: 0, ...sw(w) }),
  recall_micro: (t, p, w) => recallScore(t, p, { average: 'micro', zeroDivision: 0, ...sw(w) }),
  jaccard_macro: (t, p, w) => jaccardScore(t, p, { average: 'macro', zeroDivision: 0, ...sw(w) }),
  matthews_corrcoef: (t, p, w) => matthewsCorrcoef(t, p, { ...sw(w) }),
  cohen_kappa: (t, p, w) => cohenKappaScore(t, p, { ...sw(w) }),
};
const metrics = Object.keys(reference);

function expectValues(
  values: Record<string, number | null | undefined>,
  t: Int32Array,
  p: Int32Array,
  w: Float64Array | undefined,
  where: string,
): void {
  for (const [name, fn] of Object.entries(reference)) {
    const expected = fn(t, p, w);
    // the tally forms sum in another order than the K×K forms (kappa most of all)
    expect(Math.abs(values[name]! - expected), `${name} ${where}`).toBeLessThan(
      1e-9 * Math.abs(expected),
    );
  }
}

const K = CONFUSION_MATRIX_CLASS_LIMIT + 200;
const data = manyClasses(K, 6, 5);

describe('above the confusion-matrix class limit', () => {
  test('metrics equal core-metrics, the matrix is sparse with a note, per-class metrics are given', async () => {
    const report = await scorePredictions(
      { yTrue: data.yTrue, yPred: data.yPred },
      { metrics, workers: 0 },
    );
    expect(ScoreReportSchema.parse(report)).toEqual(report);
    expect(report.labels).toHaveLength(K);
    const overall = Object.fromEntries(metrics.map((m) => [m, report.overall[m]?.value]));
    expectValues(overall, data.yTrue, data.yPred, undefined, 'overall');
    expect(report.confusionMatrix).toBeNull();
    expect(report.warnings.join('\n')).toMatch(
      new RegExp(`${K} classes are more than the confusion-matrix limit of 1000`),
    );
    const cells = new Map<string, number>();
    data.yTrue.forEach((t, i) => {
      const key = `${t},${data.yPred[i]}`;
      cells.set(key, (cells.get(key) ?? 0) + 1);
    });
    const sparse = report.sparseConfusionMatrix!;
    expect(sparse.nonZeroCells).toBe(cells.size);
    expect(new Map(sparse.cells.map(([t, p, c]) => [`${t},${p}`, c]))).toEqual(cells);
    const sorted = [...sparse.cells].sort(
      (a, b) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number),
    );
    expect(sparse.cells).toEqual(sorted);
    const prf = precisionRecallFscoreSupport(data.yTrue, data.yPred, { zeroDivision: 0 });
    expect(report.perClass?.map((c) => c.f1)).toEqual(prf.fbeta);
    expect(report.perClass?.map((c) => c.support)).toEqual(prf.support);
    expect(report.perClass?.[7]?.label).toBe(7);
  });

  test('stratified folds are the runner s own folds, assigned without counting, and score as core-metrics', async () => {
    const report = await scorePredictions(
      { yTrue: data.yTrue, yPred: data.yPred },
      { metrics, cv: 'stratified:3', seed: 9, workers: 2 },
    );
    const ids = referenceStratifiedFolds(data.yTrue, 3, 9);
    expect(report.folds).toHaveLength(3);
    report.folds.forEach((fold, f) => {
      const rows = ids.flatMap((g, i) => (g === f ? [i] : []));
      expect(fold.nTest).toBe(rows.length);
      expectValues(
        fold.metrics,
        pick(data.yTrue, rows),
        pick(data.yPred, rows),
        undefined,
        `fold ${f}`,
      );
    });
  });

  test('weighted slices and splitter folds score as core-metrics on their rows', async () => {
    const report = await scorePredictions(
      { yTrue: data.yTrue, yPred: data.yPred, weight: data.weight, slice: data.slice },
      { metrics, cv: 'kfold:3', seed: 6, workers: 2 },
    );
    for (const [value, slice] of Object.entries(report.slices ?? {})) {
      const rows = data.slice.flatMap((s, i) => (s === value ? [i] : []));
      const values = Object.fromEntries(metrics.map((m) => [m, slice.metrics[m]?.value]));
      const w = pickWeights(data.weight, rows);
      expectValues(values, pick(data.yTrue, rows), pick(data.yPred, rows), w, `slice ${value}`);
    }
    const ids = new KFold({ nSplits: 3, shuffle: true, randomState: 6 }).foldIds({
      n: data.yTrue.length,
    });
    report.folds.forEach((fold, f) => {
      const rows = Array.from(ids).flatMap((g, i) => (g === f ? [i] : []));
      const w = pickWeights(data.weight, rows);
      expectValues(fold.metrics, pick(data.yTrue, rows), pick(data.yPred, rows), w, `fold ${f}`);
    });
  });

  test('the bootstrap resamples rows, and gives the same intervals for any worker count', async () => {
    const run = (workers: number) =>
      scorePredictions(
        { yTrue: data.yTrue, yPred: data.yPred },
        { metrics: ['accuracy', 'f1_macro'], bootstrap: 40, seed: 4, workers },
      );
    const [a, b] = [await run(0), await run(2)];
    expect(a.settings.bootstrapMethod).toEqual({ accuracy: 'rows', f1_macro: 'rows' });
    expect(a.overall).toEqual(b.overall);
    const [lo, hi] = a.overall.accuracy!.ci!;
    expect(lo).toBeLessThan(a.overall.accuracy!.value!);
    expect(hi).toBeGreaterThan(a.overall.accuracy!.value!);
  });

  test('a labels option wider than the limit scores from tallies over exactly those labels', async () => {
    const small = manyClasses(5, 40, 2);
    const labels = Array.from({ length: CONFUSION_MATRIX_CLASS_LIMIT + 1 }, (_, i) => i);
    const report = await scorePredictions(
      { yTrue: small.yTrue, yPred: small.yPred },
      { metrics: ['f1_macro', 'accuracy'], labels, workers: 0 },
    );
    expect(report.overall.f1_macro?.value).toBeCloseTo(
      f1Score(small.yTrue, small.yPred, { average: 'macro', labels, zeroDivision: 0 }),
      14,
    );
    // the data has 5 classes: their matrix is dense
    expect(report.confusionMatrix?.counts).toEqual(confusionMatrix(small.yTrue, small.yPred));
  });
});

describe('below the class limit, past the cells one counting pass may hold', () => {
  test('the whole set and slices score from rows, with the same values and a dense matrix', async () => {
    const k = 400;
    const nSlices = Math.ceil(CONFUSION_PASS_MAX_CELLS / (k * k));
    const rng = createRng(8);
    const n = 6000;
    const yTrue = Int32Array.from({ length: n }, () => rng.nextInt(k));
    const yPred = yTrue.map((t) => (rng.nextFloat() < 0.5 ? t : rng.nextInt(k)));
    const slice = Array.from({ length: n }, (_, i) => `s${i % nSlices}`);
    const report = await scorePredictions(
      { yTrue, yPred, slice },
      { metrics, workers: 2, bootstrap: 2 },
    );
    expect(report.settings.bootstrapMethod?.accuracy).toBe('rows');
    const overall = Object.fromEntries(metrics.map((m) => [m, report.overall[m]?.value]));
    expectValues(overall, yTrue, yPred, undefined, 'overall');
    const rows = slice.flatMap((s, i) => (s === 's3' ? [i] : []));
    const values = Object.fromEntries(
      metrics.map((m) => [m, report.slices?.s3?.metrics[m]?.value]),
    );
    expectValues(values, pick(yTrue, rows), pick(yPred, rows), undefined, 'slice s3');
    expect(report.confusionMatrix?.counts).toEqual(confusionMatrix(yTrue, yPred));
    // the only warning is about the two resamples this test draws
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatch(/^bootstrap is 2: /);
  });
});

describe('a confusion metric without a tally form', () => {
  test('is refused above the limit with a message naming it and the limit', () => {
    const cellMetric: ConfusionMetric = {
      name: 'corner_cell',
      task: 'classification',
      needs: 'labels',
      kind: 'confusion',
      greaterIsBetter: true,
      compute: (counts) => counts[1]!,
    };
    const zero = new Float64Array(K);
    expect(() =>
      tallyValue(cellMetric, { tp: zero, predicted: zero, actual: zero }, {
        classes: Array.from({ length: K }, (_, i) => i),
      } as never),
    ).toThrow(
      `corner_cell needs single cells of the confusion matrix, which is not built above 1000 classes; it is left out for these ${K} classes.`,
    );
  });
});
