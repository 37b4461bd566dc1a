import { describe, expect, test } from 'vitest';
import { arrivalOffsets, LoadTestError, parseArrival } from '../src/index.js';

/** The gaps before each arrival, the first from the start (0). */
function gaps(offsets: Float64Array): number[] {
  const out: number[] = [offsets[0]!];
  for (let i = 1; i < offsets.length; i++) out.push(offsets[i]! - offsets[i - 1]!);
  return out;
}

function cv(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return Math.sqrt(variance) / mean;
}

describe('arrival schedule', () => {
  test('constant arrivals are evenly spaced at 1 / rate, the last one at n / rate', () => {
    expect([...arrivalOffsets(4, 2, { kind: 'constant' }, 1)]).toEqual([500, 1000, 1500, 2000]);
  });

  test.each([1, 2, 3])(
    'a short Poisson schedule spans its whole length, as vLLM rescales it (seed %i)',
    (seed) => {
      // 10 arrivals at 5/s over 2 s once ran from 0 to 1.3 s: the last one came a gap early
      const offsets = arrivalOffsets(10, 5, { kind: 'poisson' }, seed);
      expect(offsets[9]).toBe(2000);
      expect(offsets[0]).toBeGreaterThan(0);
    },
  );

  test('warm-up and measured arrivals are rescaled apart: the measured ones span exactly their count / rate', () => {
    // 1 s of warm-up at 20/s, then 40 measured arrivals: 2 s after the warm-up's last one
    const offsets = arrivalOffsets(60, 20, { kind: 'poisson' }, 5, 20);
    expect(offsets[19]).toBe(1000);
    expect(offsets[59]).toBe(3000);
    expect(offsets[20]).toBeGreaterThan(1000);
  });

  test.each([
    ['poisson', 1],
    ['gamma:2', 2],
    ['gamma:0.5', 0.5],
  ])('%s gaps are rescaled to sum to n / rate and keep their spread', (spec, wantCv) => {
    const n = 20_000;
    const rate = 200;
    const offsets = arrivalOffsets(n, rate, parseArrival(spec), 7);
    const total = (n / rate) * 1000;
    const g = gaps(offsets);
    expect(g.reduce((a, b) => a + b, 0)).toBeCloseTo(total, 6);
    expect(offsets[n - 1]).toBe(total);
    expect(g.every((x) => x >= 0)).toBe(true);
    expect(cv(g)).toBeGreaterThan(wantCv * 0.9);
    expect(cv(g)).toBeLessThan(wantCv * 1.1);
  });

  test('the same seed draws the same schedule and another seed another', () => {
    const a = arrivalOffsets(50, 10, { kind: 'poisson' }, 3);
    expect([...arrivalOffsets(50, 10, { kind: 'poisson' }, 3)]).toEqual([...a]);
    expect([...arrivalOffsets(50, 10, { kind: 'poisson' }, 4)]).not.toEqual([...a]);
  });

  test('unknown arrival processes are refused with the valid forms', () => {
    expect(() => parseArrival('uniform')).toThrow(LoadTestError);
    expect(() => parseArrival('gamma:0')).toThrow(/poisson, constant or gamma:<cv>/);
    expect(parseArrival('gamma:1.5')).toEqual({ kind: 'gamma', cv: 1.5 });
  });
});
