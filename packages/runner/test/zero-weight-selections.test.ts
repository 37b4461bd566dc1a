import { scorePredictions } from '@assay/runner';
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
        'Every weight on slice "b" is 0, so no row counts there: mae, rmse, r2, mape are undefined (null).',
      ]);
      expect(report.warnings.join('\n')).not.toContain('sampleWeight');
      expect(report.warnings.join('\n')).not.toContain('sum to 0, so it has no value');
    },
  );

  test('says which classification values are scikit-learn conventions rather than measurements', async () => {
    const report = await scorePredictions(classification, {
      metrics: ['accuracy', 'f1_macro', 'matthews_corrcoef'],
      bootstrap: 200,
      workers: 0,
    });
    expect(report.slices!.b!.metrics.accuracy?.value).toBeNull();
    expect(report.slices!.b!.metrics.matthews_corrcoef?.value).toBe(0);
    expect(report.warnings.filter((w) => w.includes('"b"'))).toEqual([
      `Every weight on slice "b" is 0, so no row counts there: accuracy, f1_macro are undefined (null); matthews_corrcoef shows scikit-learn's value for that case, not a measurement.`,
    ]);
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

  test('fold warnings give a zero sum of weights as a reason for weighted rows only', () => {
    const summary = { mae: { mean: 1, std: 0, min: 1, max: 1, definedFolds: 2 } };
    expect(undefinedFoldWarnings(summary, 3, true)[0]).toContain(
      'r2 on a fold of one row; any metric on a fold whose weights sum to 0)',
    );
    expect(undefinedFoldWarnings(summary, 3)[0]).not.toContain('weights');
  });
});

describe('slices with metrics of no value', () => {
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
