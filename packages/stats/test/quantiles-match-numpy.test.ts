import { describe, expect, it } from 'vitest';
import {
  percentileInterval,
  percentileSorted,
  percentiles,
  quantileSorted,
  summarizePercentiles,
} from '../src/index.js';
import { loadCases } from './support/fixtures.js';

interface QuantileCase {
  kind: string;
  values: number[];
  sorted: number[];
  percents: number[];
  percentiles: number[];
  probabilities: number[];
  quantiles: number[];
  intervals: Array<{
    level: number;
    percents: [number, number];
    expected: [number, number];
    scipyUnrounded: [number, number];
  }>;
}

const cases = loadCases<QuantileCase>('quantiles.json');

describe('quantiles equal numpy (method="linear") to the last digit', () => {
  it.each(cases)('numpy.percentile of $values.length $kind values', (c) => {
    expect(percentiles(c.values, c.percents)).toEqual(c.percentiles);
    c.percents.forEach((q, i) => {
      expect(percentileSorted(c.sorted, q)).toBe(c.percentiles[i]);
    });
  });

  it.each(cases)('numpy.quantile of $values.length $kind values', (c) => {
    c.probabilities.forEach((q, i) => {
      expect(quantileSorted(c.sorted, q)).toBe(c.quantiles[i]);
    });
  });

  it.each(cases)('summarizePercentiles of $values.length $kind values', (c) => {
    const s = summarizePercentiles(c.values);
    const at = (q: number) => c.percentiles[c.percents.indexOf(q)];
    expect([s.p50, s.p90, s.p95, s.p99, s.max]).toEqual([at(50), at(90), at(95), at(99), at(100)]);
    expect(s.count).toBe(c.values.length);
  });
});

describe('percentileInterval', () => {
  it.each(cases)(
    'takes numpy.percentile at the decimal percentages (2.5, 97.5 for 0.95), n=$values.length',
    (c) => {
      for (const { level, expected } of c.intervals) {
        expect(percentileInterval(c.values, level)).toEqual(expected);
      }
    },
  );

  it('differs from the unrounded (1 - level) / 2 of scipy only in the last digits', () => {
    let differing = 0;
    for (const c of cases) {
      for (const { level, expected, scipyUnrounded } of c.intervals) {
        const got = percentileInterval(c.values, level)!;
        if (got[0] !== scipyUnrounded[0] || got[1] !== scipyUnrounded[1]) differing++;
        const spread = Math.max(1, c.sorted[c.sorted.length - 1]! - c.sorted[0]!);
        expect(Math.abs(got[0] - scipyUnrounded[0]) / spread).toBeLessThan(1e-12);
        expect(Math.abs(got[1] - scipyUnrounded[1]) / spread).toBeLessThan(1e-12);
        expect(got).toEqual(expected);
      }
    }
    // the rounding matters somewhere in the fixture, else this test shows nothing
    expect(differing).toBeGreaterThan(0);
  });

  it('leaves NaN replicates out and is null when none is defined', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    // numpy.percentile(np.arange(1, 101), [2.5, 97.5])
    expect(percentileInterval(values, 0.95)).toEqual([3.475, 97.52499999999999]);
    expect(percentileInterval([Number.NaN, 2, Number.NaN], 0.9)).toEqual([2, 2]);
    expect(percentileInterval([Number.NaN], 0.9)).toBeNull();
    expect(percentileInterval([], 0.9)).toBeNull();
  });
});

describe('percentiles (moved from @assay/runner)', () => {
  it('is NaN for an empty sample and skips NaN values', () => {
    expect(percentiles([], [50])[0]).toBeNaN();
    expect(percentiles([Number.NaN, 1, 3], [50])[0]).toBe(2);
  });

  it('summarizes an empty or all-NaN sample as count 0 and NaN fields', () => {
    const s = summarizePercentiles([Number.NaN]);
    expect(s.count).toBe(0);
    for (const v of [s.mean, s.p50, s.p90, s.p95, s.p99, s.max]) expect(v).toBeNaN();
  });

  it('summarizes latencies with their mean, ignoring NaN', () => {
    const s = summarizePercentiles([30, Number.NaN, 10, 20, 40]);
    // numpy.percentile([10, 20, 30, 40], [50, 90, 95, 99])
    expect(s).toEqual({
      count: 4,
      mean: 25,
      p50: 25,
      p90: 37,
      p95: 38.5,
      p99: 39.699999999999996,
      max: 40,
    });
  });
});
