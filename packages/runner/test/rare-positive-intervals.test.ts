import { createRunner, scorePredictions } from '@assay/runner';
import { describe, expect, test } from 'vitest';

/**
 * statsmodels 0.14: `proportion_confint(2, 2, alpha=0.05, method='wilson')`
 * (`/usr/bin/python3 -c "from statsmodels.stats.proportion import proportion_confint as p;
 * print(repr(p(2, 2, alpha=0.05, method='wilson')))"`).
 */
const WILSON_2_OF_2 = [0.3423802275066531, 1.0] as const;

/** 18 negatives and 2 positives, every one answered right: a rare positive class. */
const rare = {
  yTrue: [...Array.from({ length: 18 }, () => 'ham'), 'spam', 'spam'],
  yPred: [...Array.from({ length: 18 }, () => 'ham'), 'spam', 'spam'],
};
const options = {
  posLabel: 'spam',
  metrics: ['recall', 'precision', 'f1'],
  bootstrap: 1000,
  seed: 3,
} as const;

describe('a resample without a positive row gives recall no value, not 0', () => {
  test('2 of 2 positives found: recall and precision take the Wilson interval of 2 of 2, not [0, 1]', async () => {
    const report = await scorePredictions(rare, { ...options, workers: 0 });
    for (const name of ['recall', 'precision'] as const) {
      const metric = report.overall[name]!;
      expect(metric.value).toBe(1);
      expect(metric.ciMethod).toBe('wilson');
      expect(metric.ci![0]).toBeCloseTo(WILSON_2_OF_2[0], 12);
      expect(metric.ci![1]).toBe(1);
    }
    // F1 is no share of a count: its interval is over the resamples that have a value
    expect(report.overall.f1?.ci?.[0]).toBe(1);
  });

  test('f1, which takes no Wilson interval, is named in a warning about intervals of no width', async () => {
    const report = await scorePredictions(rare, { ...options, workers: 0 });
    const noWidth = report.warnings.filter((w) => w.includes('of no width'));
    expect(noWidth).toEqual([
      'f1 1.0000 has a bootstrap interval of no width: every resample scored the same value, as a perfect or empty result does, or a constant prediction (the same answer or score on every row), so the interval does not show how sure the value is; count the rows behind it (the confusion matrix) before trusting it.',
    ]);
    const two = await scorePredictions(rare, {
      ...options,
      metrics: ['f1', 'f1_macro'],
      workers: 0,
    });
    expect(two.warnings.find((w) => w.includes('of no width'))).toMatch(
      /^f1 1\.0000 and f1_macro 1\.0000 have bootstrap intervals of no width: .* so the intervals do not show how sure the values are; count the rows behind them \(the confusion matrix\) before trusting them\.$/,
    );
    // one wrong answer among the negatives gives every interval width: no such warning
    const yPred = [...rare.yPred];
    yPred[0] = 'spam';
    const mixed = await scorePredictions({ ...rare, yPred }, { ...options, workers: 0 });
    expect(mixed.warnings.filter((w) => w.includes('of no width'))).toEqual([]);
  });

  test('the resamples left out are counted in a warning, the same for any worker count', async () => {
    const inline = await scorePredictions(rare, { ...options, workers: 0 });
    const note = inline.warnings.find((w) => w.startsWith('recall has no value on'));
    // (18/20)^20 of the resamples, about 12%, draw no positive row
    const missing = Number(/on (\d+) of 1000/.exec(note ?? '')?.[1]);
    expect(missing).toBeGreaterThan(80);
    expect(missing).toBeLessThan(170);
    expect(note).toContain('(no positive row drawn)');
    expect(note).toContain(`taken over the other ${1000 - missing}.`);
    const runner = createRunner({ workers: 2 });
    try {
      const pooled = await runner.scorePredictions(rare, options);
      const { timing: _a, ...a } = pooled;
      const { timing: _b, ...b } = inline;
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    } finally {
      await runner.close();
    }
  });

  test('weighted rows (resampled by rows, not counts) leave such resamples out too', async () => {
    const weight = rare.yTrue.map((_, i) => 1 + (i % 3));
    const report = await scorePredictions(
      { ...rare, weight },
      { ...options, metrics: ['recall'], workers: 0 },
    );
    expect(report.settings.bootstrapMethod?.recall).toBe('rows');
    expect(report.overall.recall?.value).toBe(1);
    expect(report.overall.recall?.ci?.[0]).toBeGreaterThan(0);
    expect(report.warnings.some((w) => w.startsWith('recall has no value on'))).toBe(true);
  });

  test('the whole-set value still follows scikit-learn: recall with no positive row is 0', async () => {
    const report = await scorePredictions(
      { yTrue: ['ham', 'ham', 'ham'], yPred: ['ham', 'spam', 'ham'] },
      { posLabel: 'spam', metrics: ['recall'], bootstrap: 0, labels: ['ham', 'spam'] },
    );
    expect(report.overall.recall?.value).toBe(0);
  });
});
