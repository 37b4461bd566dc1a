import { createRng } from '@assay/splitters';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentileBootstrapInterval, quantileInterval, StatsError } from '../src/index.js';
import { quantileBoundRanks } from '../src/intervals/quantile-interval.js';
import { loadCases } from './support/fixtures.js';

interface RankCase {
  n: number;
  q: number;
  level: number;
  lowRank: number;
  highRank: number;
}

const ascending = (n: number) => Array.from({ length: n }, (_, i) => 10 * (i + 1));

describe('quantileInterval', () => {
  it('bounds the quantile by the order statistics scipy.stats.binom gives, at every size and level', () => {
    const cases = loadCases<RankCase>('quantile-interval.json');
    expect(cases.length).toBeGreaterThan(200);
    for (const c of cases) {
      const where = `n ${c.n}, q ${c.q}, level ${c.level}`;
      expect(quantileBoundRanks(c.n, c.q, (1 - c.level) / 2), where).toEqual({
        lowRank: c.lowRank,
        highRank: c.highRank,
      });
      const sample = ascending(c.n);
      expect(quantileInterval(sample, c.q, c.level), where).toEqual([
        c.lowRank >= 1 ? sample[c.lowRank - 1] : null,
        c.highRank <= c.n ? sample[c.highRank - 1] : null,
      ]);
    }
  });

  it('covers the true p95 and p99 of log-normal latencies at least as often as it says, where the bootstrap does not', () => {
    const rng = createRng(20261206);
    // Box–Muller: log-normal latencies around 200 ms, whose true quantiles are known
    const normal = () =>
      Math.sqrt(-2 * Math.log(1 - rng.nextFloat())) * Math.cos(2 * Math.PI * rng.nextFloat());
    const sigma = 0.6;
    const trueQuantile = (z: number) => 200 * Math.exp(sigma * z);
    const sims = 400;
    for (const [q, z, n] of [
      [0.95, 1.6448536269514722, 100],
      [0.99, 2.3263478740408408, 400],
    ] as const) {
      let exact = 0;
      let bootstrap = 0;
      for (let s = 0; s < sims; s++) {
        const sample = Array.from({ length: n }, () => 200 * Math.exp(sigma * normal())).sort(
          (a, b) => a - b,
        );
        const high = quantileInterval(sample, q, 0.95)![1];
        if (high !== null && high >= trueQuantile(z)) exact++;
        const boot = percentileBootstrapInterval(sample, 100 * q, {
          samples: 200,
          level: 0.95,
          rng: () => rng.nextFloat(),
        })!;
        if (boot[1] >= trueQuantile(z)) bootstrap++;
      }
      // each end misses at most 2.5% of the time: 97.5% upper coverage, less Monte Carlo error
      expect(exact / sims, `order statistic, q ${q}`).toBeGreaterThan(0.96);
      expect(bootstrap / sims, `bootstrap, q ${q}`).toBeLessThan(0.95);
    }
  });

  it('has ends in order, widening with the level, and no upper end below the rule n >= ln(α/2)/ln(q)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600 }),
        fc.constantFrom(0.5, 0.75, 0.9, 0.95, 0.99),
        fc.constantFrom(0.8, 0.9, 0.95, 0.99),
        (n, q, level) => {
          const sample = ascending(n);
          const [low, high] = quantileInterval(sample, q, level)!;
          const [wideLow, wideHigh] = quantileInterval(sample, q, (1 + level) / 2)!;
          if (low !== null && high !== null) expect(low).toBeLessThanOrEqual(high);
          if (wideLow !== null) expect(low).not.toBeNull();
          if (wideLow !== null) expect(wideLow).toBeLessThanOrEqual(low!);
          if (wideHigh !== null) expect(wideHigh).toBeGreaterThanOrEqual(high!);
          const needed = Math.ceil(Math.log((1 - level) / 2) / Math.log(q) - 1e-9);
          expect(high === null, `n ${n}, q ${q}, level ${level}`).toBe(n < needed);
        },
      ),
    );
  });

  it('refuses unsorted samples, NaN, quantiles of 0 or 1 and extra arguments, naming them', () => {
    const fails = (f: () => unknown, path: string, message: RegExp) => {
      try {
        f();
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(StatsError);
        expect((error as StatsError).path).toBe(path);
        expect((error as Error).message).toMatch(message);
      }
    };
    fails(
      () => quantileInterval([3, 1, 2], 0.5, 0.95),
      'sorted[1]',
      /ascending order \(sort it first\), but sorted\[0\] = 3 > sorted\[1\] = 1/,
    );
    fails(() => quantileInterval([1, Number.NaN], 0.5, 0.95), 'sorted[1]', /sorted\[1\] is NaN/);
    fails(() => quantileInterval([1, 2], 1, 0.95), 'q', /strictly between 0 and 1/);
    fails(() => quantileInterval([1, 2], 95, 0.95), 'q', /in \[0, 1\], got 95/);
    fails(() => quantileInterval([1, 2], 0.5, 1), 'level', /level/);
    // an options object it does not take, as a JavaScript caller might pass
    const untyped = quantileInterval as (...args: unknown[]) => unknown;
    fails(() => untyped([1, 2], 0.5, 0.95, { method: 'bootstrap' }), 'options', /quantileInterval/);
    expect(quantileInterval([], 0.5, 0.95)).toBeNull();
  });
});
