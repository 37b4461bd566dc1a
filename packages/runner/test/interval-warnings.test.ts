import { createRunner } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';
import { clusterWarning, outsideIntervalWarnings } from '../src/score/interval-warnings.js';

const runner = createRunner({ workers: 0 });
afterAll(() => runner.close());

/** 60 binary rows, clustered into `clusters` groups of consecutive rows. */
function rows(clusters: number) {
  const yTrue = Array.from({ length: 60 }, (_, i) => i % 2);
  const yPred = yTrue.map((y, i) => (i % 7 === 0 ? 1 - y : y));
  const clusterIds = yTrue.map((_, i) => Math.floor((i * clusters) / 60));
  return { yTrue, yPred, clusterIds };
}

describe('cluster bootstrap warnings', () => {
  test('three clusters: the interval rests on 10 distinct resamples, whatever the resample count', async () => {
    const { yTrue, yPred, clusterIds } = rows(3);
    const report = await runner.scorePredictions(
      { yTrue, yPred },
      { clusterIds, bootstrap: 200, metrics: ['accuracy'] },
    );
    expect(report.warnings).toContain(
      '--clusters (clusterIds) has 3 clusters: a bootstrap that draws whole clusters rests on 3 values (only 10 distinct resamples, however many it draws), and with so few it understates the uncertainty; intervals need a few dozen clusters or more.',
    );
  });

  test('enough clusters give no warning; clusters without a bootstrap are named as unused', async () => {
    const { yTrue, yPred, clusterIds } = rows(30);
    const many = await runner.scorePredictions(
      { yTrue, yPred },
      { clusterIds, bootstrap: 200, metrics: ['accuracy'] },
    );
    expect(many.warnings.filter((w) => w.includes('--clusters'))).toEqual([]);
    const unused = await runner.scorePredictions(
      { yTrue, yPred },
      { clusterIds, metrics: ['accuracy'] },
    );
    expect(unused.warnings).toContain(
      '--clusters (clusterIds) is read only by the bootstrap, and --bootstrap is 0: it changes nothing here; pass --bootstrap 1000 for intervals that resample whole clusters.',
    );
  });

  test('counts the distinct resamples as multisets of clusters: C(2c − 1, c)', () => {
    expect(clusterWarning(1, 100)).toContain(
      'rests on 1 value (only 1 distinct resample, however many it draws)',
    );
    expect(clusterWarning(5, 100)).toContain('only 126 distinct resamples'); // C(9, 5)
    // 15 clusters allow 77,558,760 resamples: too few clusters all the same, and no count named
    expect(clusterWarning(15, 100)).toContain('rests on 15 values, and with so few');
    expect(clusterWarning(undefined, 100)).toBeUndefined();
  });
});

describe('a value outside its own interval', () => {
  test('is named with both ends; a value inside, or at an end within rounding, is not', () => {
    expect(
      outsideIntervalWarnings(
        {
          f1_macro: { value: 0.5882, ci: [0.5763, 0.5876] },
          accuracy: { value: 0.9, ci: [0.9 + 1e-15, 0.95] },
          roc_auc: { value: null },
        },
        0.95,
      ),
    ).toEqual([
      'f1_macro 0.5882 lies outside its own 95% interval [0.5763, 0.5876]: the bootstrap distribution of f1_macro is biased here (many rare classes, or very few rows), so the percentile interval misplaces the uncertainty; read it with care.',
    ]);
  });
});
