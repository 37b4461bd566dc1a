import { createRunner, scorePredictions } from '@assay/runner';
import { describe, expect, test } from 'vitest';
import { computeMetricValues } from '../src/metrics/compute-metric-values.js';
import { isZeroWeightFailure, zeroWeightFailure } from '../src/metrics/zero-weight-failure.js';
import { undefinedFoldWarnings } from '../src/score/fold-summary.js';
import { prepareColumns } from '../src/score/prepare-columns.js';
import { selectionWeights } from '../src/score/selection-weights.js';

/** 12 rows: slice a weighted, slice b all of weight 0, slice c one row of weight 1 and two of 0. */
const rows = Array.from({ length: 12 }, (_, i) => ({
  slice: i < 6 ? 'a' : i < 9 ? 'b' : 'c',
  weight: i < 6 ? 1 + (i % 3) : i < 9 ? 0 : i === 9 ? 1 : 0,
  yTrue: i % 2,
  yPred: i % 3 === 0 ? 1 - (i % 2) : i % 2,
  yTrueValue: i * 0.5,
  yPredValue: i * 0.5 + (i % 4) * 0.1,
}));
const slice = rows.map((r) => r.slice);
const weight = rows.map((r) => r.weight);

const regression = {
  yTrue: rows.map((r) => r.yTrueValue),
  yPred: rows.map((r) => r.yPredValue),
  weight,
  slice,
};
const classification = {
  yTrue: rows.map((r) => r.yTrue),
  yPred: rows.map((r) => r.yPred),
  weight,
  slice,
};

describe('a selection whose weights sum to 0', () => {
  test.each([0, 1])(
    'gets one warning naming the slice, not the library option (workers %i)',
    async (workers) => {
      const report = await scorePredictions(regression, {
        task: 'regression',
        bootstrap: 200,
        workers,
      });
      expect(Object.values(report.slices!.b!.metrics).map((m) => m.value)).toEqual([
        null,
        null,
        null,
        null,
      ]);
      expect(report.warnings.filter((w) => w.includes('"b"'))).toEqual([
        'Every weight on slice "b" is 0, so no row counts there: its metrics have no value (null).',
      ]);
      expect(report.warnings.join('\n')).not.toContain('sampleWeight');
      expect(report.warnings.join('\n')).not.toContain('sum to 0, so it has no value');
    },
  );

  test("has no classification values, not scikit-learn's conventions for no weight (MCC 0)", async () => {
    const report = await scorePredictions(classification, {
      metrics: ['accuracy', 'precision', 'matthews_corrcoef'],
      bootstrap: 200,
      workers: 0,
    });
    expect(report.slices!.b!.metrics).toEqual({
      accuracy: { value: null },
      precision: { value: null },
      matthews_corrcoef: { value: null },
    });
    expect(report.warnings.filter((w) => w.includes('"b"'))).toEqual([
      'Every weight on slice "b" is 0, so no row counts there: its metrics have no value (null).',
    ]);
    expect(report.warnings.join('\n')).not.toContain('sampleWeight');
  });

  test.each([
    ['without slices', undefined],
    ['with slices', classification.slice],
  ])('on every row leaves the whole set without values, said once: %s', async (_, slice) => {
    const report = await scorePredictions(
      { ...classification, weight: weight.map(() => 0), slice },
      { metrics: ['precision', 'matthews_corrcoef'], workers: 0, cv: 'kfold:3', bootstrap: 50 },
    );
    expect(report.overall).toEqual({
      precision: { value: null },
      matthews_corrcoef: { value: null },
    });
    for (const s of Object.values(report.slices ?? {})) {
      expect(s.metrics.precision).toEqual({ value: null });
    }
    expect(report.warnings.filter((w) => !w.startsWith('bootstrap is 50'))).toEqual([
      'Every weight is 0, so no row counts: no metric has a value (null), on the whole set or on any slice or fold.',
    ]);
  });

  test.each([
    ['classification (fold confusion counts)', classification, ['precision', 'matthews_corrcoef']],
    ['regression (fold rows)', regression, ['mae', 'r2']],
  ] as const)(
    'in a CV fold leaves that fold out of the fold summary, with one warning: %s',
    async (_, input, metrics) => {
      // unshuffled kfold:3 of 12 rows tests rows 8..11 in fold 2: slice c, one row of weight 1
      const zeroLast = {
        ...input,
        weight: weight.map((w, i) => (i >= 8 ? 0 : w)),
        slice: undefined,
      };
      const task = input === regression ? 'regression' : 'classification';
      const report = await scorePredictions(zeroLast, {
        task,
        metrics: [...metrics],
        cv: 'kfold:3',
        shuffle: false,
        workers: 0,
      });
      expect(report.folds[2]!.metrics).toEqual(Object.fromEntries(metrics.map((m) => [m, null])));
      for (const m of metrics) {
        const defined = report.folds.slice(0, 2).map((f) => f.metrics[m]!);
        expect(report.summary[m]!.definedFolds).toBe(2);
        expect(report.summary[m]!.mean).toBeCloseTo((defined[0]! + defined[1]!) / 2, 12);
      }
      expect(report.warnings).toEqual([
        'Every weight in the test rows of fold 2 is 0, so no row counts there: its metrics have no value (null) and are left out of the fold summary.',
      ]);
    },
  );

  test("leaves every fold of the runner's own stratified folds alone when none is of weight 0", async () => {
    const report = await scorePredictions(classification, {
      metrics: ['accuracy'],
      cv: 'stratified:2',
      workers: 0,
    });
    expect(report.folds.map((f) => f.metrics.accuracy)).not.toContain(null);
    expect(report.warnings.some((w) => w.includes('test rows of fold'))).toBe(false);
  });

  test('names resamples that drew only rows of weight 0 as the reason a slice has no value there', async () => {
    const report = await scorePredictions(regression, {
      task: 'regression',
      metrics: ['mae'],
      bootstrap: 400,
      workers: 0,
    });
    const note = report.warnings.find((w) => w.startsWith('mae on slice "c"'));
    // slice c draws its one weighted row with probability 1 - (2/3)^3 per resample
    const missing = Number(/no value on (\d+) of 400/.exec(note ?? '')?.[1]);
    expect(missing).toBeGreaterThan(80);
    expect(missing).toBeLessThan(160);
    expect(note).toContain('(only rows weighing 0 drawn)');
    // slice a has no row of weight 0, and the whole set's resamples always draw some weight
    expect(report.warnings.some((w) => w.startsWith('mae has no value'))).toBe(false);
  });

  test('words the resamples of a label metric of weight 0 as one possible cause', async () => {
    const report = await scorePredictions(classification, {
      metrics: ['accuracy'],
      bootstrap: 400,
      workers: 0,
    });
    const note = report.warnings.find((w) => w.startsWith('accuracy on slice "c"'));
    expect(note).toContain('(undefined there, as where only rows weighing 0 are drawn)');
  });

  test('fold warnings leave out a metric undefined on folds of weight 0 alone, and name them as a reason otherwise', () => {
    const summary = { mae: { mean: 1, std: 0, min: 1, max: 1, definedFolds: 2 } };
    expect(undefinedFoldWarnings(summary, 4, 1)[0]).toContain(
      'r2 on a fold of one row; any metric on a fold whose weights sum to 0)',
    );
    expect(undefinedFoldWarnings(summary, 3, 1)).toEqual([]);
    expect(undefinedFoldWarnings(summary, 3)[0]).not.toContain('weights');
  });

  test('in a paired comparison is one note on the resamples, not a failure of the metric', async () => {
    // one row of positive weight in ten: a resample misses it with probability 0.9^10
    const w = Array.from({ length: 10 }, (_, i) => (i === 3 ? 1 : 0));
    const a = {
      yTrue: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      yPred: [1, 2, 3, 4.5, 5, 6, 7, 8, 9, 10],
      weight: w,
    };
    const b = { ...a, yPred: [1, 2, 3, 4.2, 5, 6, 7, 8, 9, 10] };
    for (const interval of ['percentile', 'bca'] as const) {
      const runner = createRunner({ workers: 0 });
      const report = await runner.pairedBootstrap(a, b, {
        task: 'regression',
        metrics: ['mae'],
        bootstrap: 200,
        interval,
      });
      await runner.close();
      expect(report.metrics.mae!.a).toBeCloseTo(0.5, 12);
      // a resample draws the weighted row with probability 1 - 0.9^10 = 0.65
      expect(report.metrics.mae!.samples).toBeGreaterThan(100);
      expect(report.metrics.mae!.samples).toBeLessThan(160);
      expect(report.warnings.some(isZeroWeightFailure)).toBe(false);
      expect(report.warnings).toContain(
        "Some resamples drew only rows of weight 0, where a metric has no value; each metric's samples counts the resamples its interval is taken over.",
      );
    }
  });
});

describe('slices with metrics of no value', () => {
  test('of weight 0 are named together, numbers unquoted', async () => {
    const report = await scorePredictions(
      {
        yTrue: [1, 2, 3, 4, 5, 6, 7, 8],
        yPred: [1.5, 2, 3, 4, 5, 6, 7.5, 8],
        weight: [1, 1, 0, 0, 0, 0, 0, 0],
        slice: [1, 1, 2, 2, 3, 3, 4, 4],
      },
      { task: 'regression', metrics: ['mae'], workers: 0 },
    );
    expect(report.warnings).toEqual([
      'Every weight on slices 2, 3 and 4 is 0, so no row counts there: their metrics have no value (null).',
    ]);
  });

  test('count only rows of positive weight for the reason', async () => {
    const report = await scorePredictions(
      {
        yTrue: [0, 1, 0, 1, 1, 1, 0],
        yPred: [0, 1, 1, 1, 1, 0, 0],
        yScore: [0.2, 0.9, 0.6, 0.8, 0.7, 0.4, 0.3],
        // slice y holds a negative row, of weight 0: its weighted rows are of one class
        weight: [1, 1, 1, 1, 1, 2, 0],
        slice: ['x', 'x', 'x', 'x', 'y', 'y', 'y'],
      },
      { metrics: ['accuracy', 'roc_auc'], workers: 0 },
    );
    expect(report.slices!.y!.metrics.roc_auc?.value).toBeNull();
    expect(report.warnings).toContain(
      'roc_auc is undefined (null) on slice "y": y_true holds one class only there, where a ranking or correlation metric has no value (scikit-learn warns or raises here).',
    );
  });

  test('share one warning per reason, naming up to five slices', async () => {
    const n = 16;
    const report = await scorePredictions(
      {
        yTrue: Array.from({ length: n }, (_, i) => i),
        yPred: Array.from({ length: n }, (_, i) => i + 0.5),
        // slices 0..6 of one row each, slice 7 of the other nine
        slice: Array.from({ length: n }, (_, i) => Math.min(i, 7)),
      },
      { task: 'regression', metrics: ['mae', 'r2'], workers: 0 },
    );
    expect(report.slices!['7']!.metrics.r2?.value).not.toBeNull();
    expect(report.warnings).toContain(
      'r2 is undefined (null) on slices 0, 1, 2, 3, 4 and 2 more: fewer than 2 rows are too few for such a metric.',
    );
  });

  test('tell a slice whose y_true holds one class', async () => {
    const report = await scorePredictions(
      {
        yTrue: [0, 1, 0, 1, 1, 1],
        yPred: [0, 1, 1, 1, 1, 0],
        yScore: [0.2, 0.9, 0.6, 0.8, 0.7, 0.4],
        slice: ['x', 'x', 'x', 'x', 'y', 'y'],
      },
      { metrics: ['accuracy', 'roc_auc'], workers: 0 },
    );
    expect(report.warnings).toContain(
      'roc_auc is undefined (null) on slice "y": y_true holds one class only there, where a ranking or correlation metric has no value (scikit-learn warns or raises here).',
    );
    expect(report.warnings.some((w) => w.includes('slice "x"'))).toBe(false);
  });
});

describe('zeroWeightFailure', () => {
  test('words a metric on rows of weight 0 for the runner, and only that failure', () => {
    const { columns } = prepareColumns(
      { yTrue: [1, 2, 3], yPred: [1, 2, 4], weight: [0, 0, 0] },
      { task: 'regression' },
    );
    const errors: string[] = [];
    const out = new Float64Array(2);
    computeMetricValues(columns, ['mae', 'median_absolute_error'], null, out, 0, errors);
    expect(Array.from(out)).toEqual([Number.NaN, Number.NaN]);
    expect(errors).toEqual([
      'mae: the weights of the rows it was computed on sum to 0, so it has no value.',
      'median_absolute_error: the weights of the rows it was computed on sum to 0, so it has no value.',
    ]);
    expect(errors.every(isZeroWeightFailure)).toBe(true);
    expect(zeroWeightFailure('mae', new RangeError('x'))).toBeUndefined();
    expect(isZeroWeightFailure('roc_auc: Only one class present in y_true.')).toBe(false);
  });
});

describe('selectionWeights', () => {
  test('totals the weight and counts rows of weight 0 of the whole set and each slice', () => {
    const { columns } = prepareColumns(classification);
    const weights = selectionWeights(columns)!;
    expect(Array.from(weights.total)).toEqual([13, 12, 0, 1]);
    expect(Array.from(weights.zeroRows)).toEqual([5, 0, 3, 2]);
    expect(selectionWeights(prepareColumns({ yTrue: [0, 1], yPred: [0, 1] }).columns)).toBeNull();
  });
});
