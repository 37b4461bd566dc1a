import { describe, expect, it } from 'vitest';
import { binomialTestHalf } from '../src/index.js';
import { loadCases, relativeError } from './support/fixtures.js';

interface BinomialCase {
  k: number;
  n: number;
  pValue: number;
  reference: 'scipy' | 'mpmath';
}

const cases = loadCases<BinomialCase>('binomial-test.json');

describe('binomialTestHalf', () => {
  it('has scipy cases up to n = 1e8, near the mean and in the far tail, and exact ones at 1e9', () => {
    const scipy = cases.filter((c) => c.reference === 'scipy');
    expect(Math.max(...scipy.map((c) => c.n))).toBe(1e8);
    expect(scipy.filter((c) => c.n === 1e8 && c.pValue > 1e-300).length).toBeGreaterThanOrEqual(7);
    expect(cases.filter((c) => c.reference === 'mpmath' && c.n === 1e9).length).toBe(2);
  });

  it.each(cases)('matches $reference for k=$k, n=$n to 1e-9 relative', ({ k, n, pValue }) => {
    const p = binomialTestHalf(k, n);
    if (pValue > 1e-300) expect(relativeError(p, pValue)).toBeLessThan(1e-9);
    else expect(p).toBeLessThan(1e-290);
  });

  it('is exact up to n = 50: the integer sum of binomial coefficients over 2^(n-1)', () => {
    for (let n = 0; n <= 50; n++) {
      let coefficient = 1n;
      let sum = 0n;
      for (let k = 0; 2 * k <= n; k++) {
        sum += coefficient;
        const exact = 2 * k === n ? 1 : Math.min(1, Number(sum) / 2 ** (n - 1));
        expect(binomialTestHalf(k, n), `k=${k}, n=${n}`).toBe(exact);
        expect(binomialTestHalf(n - k, n), `k=${n - k}, n=${n}`).toBe(exact);
        coefficient = (coefficient * BigInt(n - k)) / BigInt(k + 1);
      }
    }
  });

  it('is 2 · 0.5^n at k = 0 beyond the exact range', () => {
    expect(binomialTestHalf(0, 60)).toBe(2 * 0.5 ** 60);
    expect(binomialTestHalf(1000, 1000)).toBe(2 * 0.5 ** 1000);
  });

  it('keeps no table that grows with n: n = 1e9 at 3 standard deviations allocates next to nothing', () => {
    const n = 1e9;
    const before = process.memoryUsage().heapUsed;
    const p = binomialTestHalf(n / 2 - Math.round((3 * Math.sqrt(n)) / 2), n);
    const grown = process.memoryUsage().heapUsed - before;
    // a cache of ln k! up to n would be 8 GB; a normal approximation puts p near 2Φ(−3)
    expect(grown).toBeLessThan(50 * 2 ** 20);
    expect(p).toBeGreaterThan(0.0026);
    expect(p).toBeLessThan(0.0028);
  });
});
