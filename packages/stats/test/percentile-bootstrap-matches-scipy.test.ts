import { createRng } from '@assay/splitters';
import { describe, expect, it } from 'vitest';
import { percentileBootstrapInterval, wilsonInterval } from '../src/index.js';
import { loadCases } from './support/fixtures.js';

interface BootstrapCase {
  label: string;
  values: number[];
  percent: number;
  level: number;
  indices: number[][];
  expected: [number, number];
  scipyLarge: [number, number];
}

interface WilsonCase {
  successes: number;
  trials: number;
  level: number;
  expected: [number, number];
}

/** A generator that makes `floor(rng() · n)` replay the given indices, row after row. */
function replay(indices: number[][], n: number): () => number {
  const flat = indices.flat();
  let next = 0;
  return () => (flat[next++]! + 0.5) / n;
}

describe('percentileBootstrapInterval', () => {
  it.each(loadCases<BootstrapCase>('percentile-bootstrap.json'))(
    "equals scipy.stats.bootstrap(method='percentile') on the same draws: $label",
    (c) => {
      const got = percentileBootstrapInterval(c.values, c.percent, {
        samples: c.indices.length,
        level: c.level,
        rng: replay(c.indices, c.values.length),
      });
      expect(got).not.toBeNull();
      expect(got![0]).toBeCloseTo(c.expected[0], 9);
      expect(got![1]).toBeCloseTo(c.expected[1], 9);
    },
  );

  it.each(loadCases<BootstrapCase>('percentile-bootstrap.json'))(
    'comes within Monte Carlo error of scipy with 20000 resamples of its own: $label',
    (c) => {
      const rng = createRng(7);
      const got = percentileBootstrapInterval(c.values, c.percent, {
        samples: 20000,
        level: c.level,
        rng: () => rng.nextFloat(),
      })!;
      const width = c.scipyLarge[1] - c.scipyLarge[0];
      expect(Math.abs(got[0] - c.scipyLarge[0])).toBeLessThan(0.05 * width);
      expect(Math.abs(got[1] - c.scipyLarge[1])).toBeLessThan(0.05 * width);
    },
  );

  it('leaves NaN out and is null for a sample without values', () => {
    const rng = createRng(3);
    const draw = { samples: 50, rng: () => rng.nextFloat() };
    expect(percentileBootstrapInterval([Number.NaN], 95, draw)).toBeNull();
    expect(percentileBootstrapInterval([5, Number.NaN, 5], 95, draw)).toEqual([5, 5]);
  });
});

describe('wilsonInterval', () => {
  it.each(loadCases<WilsonCase>('wilson.json'))(
    "equals statsmodels proportion_confint(method='wilson') for $successes of $trials at $level",
    (c) => {
      const got = wilsonInterval(c.successes, c.trials, c.level)!;
      expect(Math.abs(got[0] - c.expected[0])).toBeLessThan(1e-14);
      expect(Math.abs(got[1] - c.expected[1])).toBeLessThan(1e-14);
    },
  );

  it('bounds a count of 0 (or all) successes by exactly 0 (or 1), so the interval holds its estimate', () => {
    // statsmodels gives (0.0, 0.0310…) for 0 of 120; the formula's two terms leave 1.7e-18
    for (const trials of [1, 2, 3, 5, 7, 10, 120, 1000, 12345]) {
      expect(wilsonInterval(0, trials, 0.95)![0], `0 of ${trials}`).toBe(0);
      expect(wilsonInterval(trials, trials, 0.95)![1], `${trials} of ${trials}`).toBe(1);
    }
  });

  it('is null without trials and refuses more successes than trials', () => {
    expect(wilsonInterval(0, 0, 0.95)).toBeNull();
    expect(() => wilsonInterval(3, 2, 0.95)).toThrow(/successes must be at most trials \(2\)/);
  });
});
