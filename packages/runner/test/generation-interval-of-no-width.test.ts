import { createRunner } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';

/**
 * statsmodels 0.14: `proportion_confint(x, n, alpha=0.05, method='wilson')` (the values of
 * score-wilson-fallback.test.ts); 1 of 1 is `1 / (1 + z²)` at z = Φ⁻¹(0.975).
 */
const WILSON = {
  '0/5': [0.0, 0.43448246478317487],
  '5/5': [0.5655175352168252, 1.0],
  '1/1': [1 / (1 + 1.959963984540054 ** 2), 1.0],
} as const;

const runner = createRunner({ workers: 0 });
afterAll(() => runner.close());

function expectInterval(actual: readonly number[] | undefined, expected: readonly number[]) {
  expect(actual).toHaveLength(2);
  expect(actual![0]).toBeCloseTo(expected[0]!, 12);
  expect(actual![1]).toBeCloseTo(expected[1]!, 12);
}

const fiveWrong = {
  references: Array.from({ length: 5 }, () => 'a b c'),
  outputs: Array.from({ length: 5 }, () => 'x'),
};
const options = { bootstrap: 1000, seed: 3 };
const noWidth = (warnings: readonly string[]) => warnings.filter((w) => w.includes('of no width'));

describe('generation exact_match whose bootstrap interval has no width', () => {
  test('0 of 5 takes the Wilson interval of its count, as accuracy does', async () => {
    const report = await runner.scoreGenerations(fiveWrong, {
      ...options,
      metrics: ['exact_match'],
    });
    expect(report.overall.exact_match?.value).toBe(0);
    expect(report.overall.exact_match?.ciMethod).toBe('wilson');
    expectInterval(report.overall.exact_match?.ci, WILSON['0/5']);
    expect(noWidth(report.warnings)).toEqual([]);
  });

  test('5 of 5 in a slice takes the Wilson interval of the slice count', async () => {
    const report = await runner.scoreGenerations(
      {
        references: [...fiveWrong.references, ...fiveWrong.references],
        outputs: [...fiveWrong.outputs, ...fiveWrong.references],
        slice: [
          'wrong',
          'wrong',
          'wrong',
          'wrong',
          'wrong',
          'right',
          'right',
          'right',
          'right',
          'right',
        ],
      },
      { ...options, metrics: ['exact_match'] },
    );
    const right = report.slices!.right!.metrics.exact_match;
    expect(right?.ciMethod).toBe('wilson');
    expectInterval(right?.ci, WILSON['5/5']);
    expectInterval(report.slices!.wrong!.metrics.exact_match?.ci, WILSON['0/5']);
    // the whole set, 5 of 10, has a bootstrap interval of width: it stays the bootstrap's
    expect(report.overall.exact_match?.ciMethod).toBeUndefined();
    const [low, high] = report.overall.exact_match!.ci!;
    expect(high).toBeGreaterThan(low);
  });

  test('one row: exact_match gets Wilson 1 of 1, and a warning names every other metric', async () => {
    const report = await runner.scoreGenerations(
      { references: ['a b c'], outputs: ['a b c'] },
      { ...options, metrics: ['exact_match', 'token_f1', 'chrf', 'rougeL'] },
    );
    expectInterval(report.overall.exact_match?.ci, WILSON['1/1']);
    expect(report.overall.token_f1?.ci).toEqual([1, 1]);
    expect(noWidth(report.warnings)).toEqual([
      'token_f1 1.0000, chrf 100.0000 and rougeL 1.0000 have bootstrap intervals of no width: every resample scored the same value, as a perfect or empty result does, or a constant prediction (the same answer or score on every row), so the intervals do not show how sure the values are; count the rows behind them before trusting them.',
    ]);
  });

  test('with clusters the bootstrap interval is kept, and the warning names exact_match', async () => {
    const report = await runner.scoreGenerations(fiveWrong, {
      ...options,
      metrics: ['exact_match', 'token_f1'],
      clusterIds: [0, 0, 1, 1, 2],
    });
    expect(report.overall.exact_match?.ci).toEqual([0, 0]);
    expect(report.overall.exact_match?.ciMethod).toBeUndefined();
    expect(noWidth(report.warnings)).toHaveLength(1);
    expect(noWidth(report.warnings)[0]).toMatch(/^exact_match 0\.0000 and token_f1 0\.0000 have/);
  });

  test('a bootstrap of few resamples has its own warning instead', async () => {
    const report = await runner.scoreGenerations(
      { references: ['a b c'], outputs: ['a b c'] },
      { bootstrap: 20, seed: 3, metrics: ['token_f1'] },
    );
    expect(noWidth(report.warnings)).toEqual([]);
    expect(report.warnings.some((w) => w.startsWith('bootstrap is 20'))).toBe(true);
  });
});
