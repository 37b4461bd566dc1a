import { describe, expect, test } from 'vitest';
import { SplitError, TimeSeriesSplit } from '../src/index.js';
import { loadCases } from './support/fixture-cases.js';
import { materialize } from './support/split-checks.js';

interface Case {
  n: number;
  nSplits: number;
  gap: number;
  testSize?: number;
  maxTrainSize?: number;
  folds: { train: number[]; test: number[] }[] | null;
}

describe('TimeSeriesSplit', () => {
  test.each(loadCases<Case>('time-series-split').map((c, i) => ({ ...c, i })))(
    'matches scikit-learn 1.2.1 (case $i: n=$n nSplits=$nSplits testSize=$testSize gap=$gap maxTrainSize=$maxTrainSize)',
    ({ n, nSplits, gap, testSize, maxTrainSize, folds }) => {
      const cv = new TimeSeriesSplit({
        nSplits,
        gap,
        ...(testSize === undefined ? {} : { testSize }),
        ...(maxTrainSize === undefined ? {} : { maxTrainSize }),
      });
      if (folds === null) {
        expect(() => cv.split({ n })).toThrow(SplitError);
      } else {
        expect(materialize(cv.split({ n }))).toEqual(folds);
      }
    },
  );

  test('names the constraint when there are too many splits', () => {
    expect(() => new TimeSeriesSplit({ nSplits: 5 }).split(5)).toThrow(
      /cannot have nSplits \+ 1 = 6 folds with only n=5 samples/,
    );
    expect(() => new TimeSeriesSplit({ nSplits: 3, testSize: 3, gap: 2 }).split(10)).toThrow(
      /need n - gap - testSize \* nSplits > 0/,
    );
    expect(() => new TimeSeriesSplit({ gap: -1 })).toThrow(/options.gap must be an integer >= 0/);
    expect(() => new TimeSeriesSplit({ maxTrainSize: 0 })).toThrow(/options.maxTrainSize/);
  });
});
