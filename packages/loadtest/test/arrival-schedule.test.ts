import { describe, expect, test } from 'vitest';
import { arrivalOffsets, LoadTestError, parseArrival } from '../src/index.js';

function gaps(offsets: Float64Array, total: number): number[] {
  const out: number[] = [];
  for (let i = 1; i < offsets.length; i++) out.push(offsets[i]! - offsets[i - 1]!);
  out.push(total - offsets[offsets.length - 1]!);
  return out;
}

function cv(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return Math.sqrt(variance) / mean;
}

describe('arrival schedule', () => {
  test('constant arrivals are evenly spaced at 1 / rate', () => {
    expect([...arrivalOffsets(4, 2, { kind: 'constant' }, 1)]).toEqual([0, 500, 1000, 1500]);
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
    const g = gaps(offsets, total);
    expect(g.reduce((a, b) => a + b, 0)).toBeCloseTo(total, 6);
    expect(offsets[0]).toBe(0);
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
