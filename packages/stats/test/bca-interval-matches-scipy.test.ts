import { describe, expect, it } from 'vitest';
import { bcaInterval, percentileInterval } from '../src/index.js';
import { loadCases } from './support/fixtures.js';

interface BcaCase {
  label: string;
  observed: number;
  jackknife: number[];
  replicates: number[];
  levels: Array<{ level: number; expected: [number, number] }>;
}

const cases = loadCases<BcaCase>('bca.json');

/** |a − b| relative to the spread of the bootstrap distribution; 0 when both are NaN. */
function offBy(got: number, expected: number, replicates: number[]): number {
  if (Number.isNaN(expected) || Number.isNaN(got)) {
    return Number.isNaN(expected) && Number.isNaN(got) ? 0 : Number.POSITIVE_INFINITY;
  }
  const spread = Math.max(...replicates) - Math.min(...replicates);
  return Math.abs(got - expected) / spread;
}

describe('bcaInterval', () => {
  it.each(cases)("equals scipy.stats.bootstrap(method='BCa') for the $label", (c) => {
    for (const { level, expected } of c.levels) {
      const got = bcaInterval(c.replicates, {
        observed: c.observed,
        jackknife: c.jackknife,
        level,
      });
      expect(got).not.toBeNull();
      expect(offBy(got![0], expected[0], c.replicates)).toBeLessThan(1e-12);
      expect(offBy(got![1], expected[1], c.replicates)).toBeLessThan(1e-12);
    }
  });

  it('is the percentile interval when there is neither bias nor acceleration', () => {
    const replicates = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const jackknife = [4, 5, 6, 5];
    expect(bcaInterval(replicates, { observed: 5.5, jackknife, level: 0.9 })).toEqual(
      percentileInterval(replicates, 0.9),
    );
  });

  it('moves toward the side the observed value is biased from', () => {
    const replicates = Array.from({ length: 99 }, (_, i) => i / 98);
    const jackknife = [0.4, 0.5, 0.6, 0.5];
    const centred = bcaInterval(replicates, { observed: 0.5, jackknife })!;
    const high = bcaInterval(replicates, { observed: 0.7, jackknife })!;
    expect(high[0]).toBeGreaterThan(centred[0]);
    expect(high[1]).toBeGreaterThan(centred[1]);
  });

  it('defaults to the 0.95 level and leaves NaN replicates out', () => {
    const c = cases[0]!;
    const options = { observed: c.observed, jackknife: c.jackknife };
    const withNaN = [...c.replicates, Number.NaN, Number.NaN];
    expect(bcaInterval(withNaN, options)).toEqual(
      bcaInterval(c.replicates, { ...options, level: 0.95 }),
    );
  });

  it('is NaN where scipy warns that BCa is undefined, null without replicates', () => {
    const degenerate = bcaInterval([2, 2, 2], { observed: 2, jackknife: [2, 2, 2] });
    expect(degenerate![0]).toBeNaN();
    expect(degenerate![1]).toBeNaN();
    expect(bcaInterval([Number.NaN], { observed: 1, jackknife: [1, 2] })).toBeNull();
    expect(bcaInterval([1, 2], { observed: Number.NaN, jackknife: [1, 2] })).toBeNull();
  });

  it('is NaN for a constant jackknife whose mean rounds off the values (a tied maximum)', () => {
    const jackknife = Array<number>(10).fill(2.7);
    // the premise: summed in order, the mean is not 2.7, so the deviations are rounding noise
    expect(jackknife.reduce((t, v) => t + v, 0) / 10).not.toBe(2.7);
    const replicates = [2.1, 2.4, 2.5, 2.6, 2.7, 2.7, 2.7, 2.7, 2.7, 2.7];
    const got = bcaInterval(replicates, { observed: 2.7, jackknife, level: 0.95 });
    expect(got![0]).toBeNaN();
    expect(got![1]).toBeNaN();
  });
});
