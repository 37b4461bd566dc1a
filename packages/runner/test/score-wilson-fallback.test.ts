import { scorePredictions, wilsonOfDegenerate } from '@assay/runner';
import { describe, expect, test } from 'vitest';

/**
 * statsmodels 0.14: `proportion_confint(x, n, alpha=1 - level, method='wilson')` for the
 * counts below (`/usr/bin/python3 -c "from statsmodels.stats.proportion import
 * proportion_confint as p; print(p(5, 5, alpha=0.05, method='wilson'))"`).
 */
const STATSMODELS = {
  '5/5': [0.5655175352168252, 1.0],
  '0/5': [0.0, 0.43448246478317487],
  '3/3': [0.43850296824495444, 1.0],
  '0/4': [0.0, 0.4898908364545974],
  '7/7': [0.6456695649333125, 0.9999999999999999],
  '4/4': [0.5101091635454025, 1.0],
  '5/5 at 90%': [0.6488834992348986, 1.0],
} as const;

function expectInterval(actual: readonly number[] | undefined, expected: readonly number[]) {
  expect(actual).toHaveLength(2);
  expect(actual![0]).toBeCloseTo(expected[0]!, 12);
  expect(actual![1]).toBeCloseTo(expected[1]!, 12);
}

const options = { bootstrap: 200, seed: 1, workers: 0 };
const allRight = { yTrue: [0, 1, 0, 1, 1], yPred: [0, 1, 0, 1, 1] };

describe('a proportion whose bootstrap interval has no width', () => {
  test('takes the Wilson interval of its count: accuracy 5 of 5 and 0 of 5', async () => {
    const right = await scorePredictions(allRight, { ...options, metrics: ['accuracy'] });
    expect(right.overall.accuracy?.value).toBe(1);
    expect(right.overall.accuracy?.ciMethod).toBe('wilson');
    expectInterval(right.overall.accuracy?.ci, STATSMODELS['5/5']);
    const wrong = await scorePredictions(
      { yTrue: allRight.yTrue, yPred: allRight.yPred.map((p) => 1 - p) },
      { ...options, metrics: ['accuracy'] },
    );
    expect(wrong.overall.accuracy?.ciMethod).toBe('wilson');
    expectInterval(wrong.overall.accuracy?.ci, STATSMODELS['0/5']);
  });

  test('at the report level, and leaves no outside-interval warning', async () => {
    const report = await scorePredictions(allRight, {
      ...options,
      metrics: ['accuracy'],
      ci: 0.9,
    });
    expectInterval(report.overall.accuracy?.ci, STATSMODELS['5/5 at 90%']);
    expect(report.warnings.filter((w) => w.includes('outside its own'))).toEqual([]);
  });

  test('recall, precision and false-positive rate count their own rows', async () => {
    const report = await scorePredictions(
      { yTrue: [1, 1, 1, 0, 0, 0, 0], yPred: [1, 1, 1, 0, 0, 0, 0] },
      {
        ...options,
        metrics: ['recall', 'precision', 'false_positive_rate', 'recall_micro', 'f1'],
      },
    );
    expectInterval(report.overall.recall?.ci, STATSMODELS['3/3']);
    expectInterval(report.overall.precision?.ci, STATSMODELS['3/3']);
    expectInterval(report.overall.false_positive_rate?.ci, STATSMODELS['0/4']);
    // micro recall over every class is accuracy
    expectInterval(report.overall.recall_micro?.ci, STATSMODELS['7/7']);
    for (const name of ['recall', 'precision', 'false_positive_rate', 'recall_micro']) {
      expect(report.overall[name]?.ciMethod, name).toBe('wilson');
    }
    // F1 is no share of a count: its interval stays the bootstrap's
    expect(report.overall.f1).toEqual({ value: 1, ci: [1, 1] });
  });

  test('reads the positive class as the metric does (posLabel)', async () => {
    const report = await scorePredictions(
      { yTrue: ['a', 'a', 'a', 'b', 'b', 'b', 'b'], yPred: ['a', 'a', 'a', 'b', 'b', 'b', 'b'] },
      { ...options, metrics: ['recall', 'false_positive_rate'], posLabel: 'b' },
    );
    expectInterval(report.overall.recall?.ci, STATSMODELS['4/4']);
    expectInterval(report.overall.false_positive_rate?.ci, [0, 0.5614970317550455]);
  });

  test('per slice: the slice of all right answers only', async () => {
    const report = await scorePredictions(
      {
        yTrue: [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 0],
        yPred: [0, 1, 0, 1, 1, 0, 0, 1, 1, 1, 0, 0],
        slice: ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b', 'b', 'b', 'b'],
      },
      { ...options, metrics: ['accuracy'] },
    );
    const a = report.slices?.a?.metrics.accuracy;
    expect(a?.ciMethod).toBe('wilson');
    expectInterval(a?.ci, STATSMODELS['4/4']);
    const b = report.slices?.b?.metrics.accuracy;
    expect(b?.ciMethod).toBeUndefined();
    expect(b!.ci![1] - b!.ci![0]).toBeGreaterThan(0);
    expect(report.overall.accuracy?.ciMethod).toBeUndefined();
  });

  test('keeps the bootstrap interval for weighted rows and with clusterIds', async () => {
    const weighted = await scorePredictions(
      { ...allRight, weight: [1, 2, 1, 0.5, 1] },
      { ...options, metrics: ['accuracy'] },
    );
    expect(weighted.overall.accuracy).toEqual({ value: 1, ci: [1, 1] });
    const doubled = {
      yTrue: [...allRight.yTrue, ...allRight.yTrue],
      yPred: [...allRight.yPred, ...allRight.yPred],
    };
    const clustered = await scorePredictions(doubled, {
      ...options,
      metrics: ['accuracy'],
      clusterIds: [0, 1, 2, 3, 4, 0, 1, 2, 3, 4],
    });
    expect(clustered.overall.accuracy).toEqual({ value: 1, ci: [1, 1] });
    // clusters of one row each too: a caller with clusters (assay run) reads the bootstrap's
    const single = await scorePredictions(allRight, {
      ...options,
      metrics: ['accuracy'],
      clusterIds: [10, 11, 12, 13, 14],
    });
    expect(single.overall.accuracy).toEqual({ value: 1, ci: [1, 1] });
  });

  test('leaves intervals with width, and reports without a bootstrap, alone', async () => {
    const mixed = await scorePredictions(
      { yTrue: [0, 1, 0, 1, 1, 0], yPred: [0, 1, 1, 1, 0, 0] },
      { ...options, metrics: ['accuracy'] },
    );
    expect(mixed.overall.accuracy?.ciMethod).toBeUndefined();
    const none = await scorePredictions(allRight, { ...options, bootstrap: 0 });
    expect(none.overall.accuracy).toEqual({ value: 1 });
  });

  test('only at 0 or 1: one resample that drew the value itself keeps its interval', async () => {
    // 10 of 20 right: a single resample (--bootstrap 1) scores 10 of 20 again for some seeds,
    // an interval of no width on 0.5 that is no certainty, where Wilson used to replace it
    const half = {
      yTrue: Array.from({ length: 20 }, (_, i) => i % 2),
      yPred: Array.from({ length: 20 }, (_, i) => (i < 10 ? i % 2 : 1 - (i % 2))),
    };
    let drawn = 0;
    for (let seed = 0; seed < 200 && drawn < 3; seed++) {
      const report = await scorePredictions(half, {
        bootstrap: 1,
        seed,
        metrics: ['accuracy'],
        workers: 0,
      });
      const { value, ci, ciMethod } = report.overall.accuracy!;
      if (ci![0] !== 0.5) continue;
      drawn++;
      expect(value).toBe(0.5);
      expect(ciMethod).toBeUndefined();
      expect(ci).toEqual([0.5, 0.5]);
    }
    expect(drawn).toBe(3);
    expect(wilsonOfDegenerate(0.73, 0.73, 0.73, { successes: 146, trials: 200 }, 0.95)).toBeNull();
    expectInterval(
      wilsonOfDegenerate(1, 1, 1, { successes: 5, trials: 5 }, 0.95) ?? [],
      STATSMODELS['5/5'],
    );
  });
});
