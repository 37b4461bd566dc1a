import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../src/index.js';
import { loadCases, relativeError } from './support/fixtures.js';

const [fixture] = loadCases<{ x: number[]; cdf: number[]; p: number[]; quantile: number[] }>(
  'normal.json',
);

describe('the standard normal distribution', () => {
  it('normalCdf equals scipy.special.ndtr to 1e-13 relative wherever ndtr >= 1e-300', () => {
    let worst = 0;
    fixture!.x.forEach((x, i) => {
      const expected = fixture!.cdf[i]!;
      if (expected < 1e-300) return;
      worst = Math.max(worst, relativeError(normalCdf(x), expected));
    });
    expect(worst).toBeLessThan(1e-13);
  });

  it('normalQuantile equals scipy.special.ndtri to 1e-13 relative down to p = 1e-300', () => {
    let worst = 0;
    fixture!.p.forEach((p, i) => {
      worst = Math.max(worst, relativeError(normalQuantile(p), fixture!.quantile[i]!));
    });
    expect(worst).toBeLessThan(1e-13);
  });

  it('normalQuantile inverts normalCdf where Φ(x) keeps its digits (lower tail, centre)', () => {
    for (const x of [-37, -30, -8, -2.5, -0.3, 0.7]) {
      expect(relativeError(normalQuantile(normalCdf(x)), x)).toBeLessThan(1e-13);
    }
  });

  it('is symmetric and takes the infinities at 0 and 1', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.25)).toBe(-normalQuantile(0.75));
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});
