import { createRng } from '@assay/splitters';
import { describe, expect, test } from 'vitest';
import { sampleHypergeometric } from '../src/folds/hypergeometric.js';

/** Exact pmf by BigInt binomial coefficients. */
function pmf(good: number, bad: number, draws: number): Map<number, number> {
  const choose = (n: number, k: number): bigint => {
    let r = 1n;
    for (let i = 0; i < k; i++) r = (r * BigInt(n - i)) / BigInt(i + 1);
    return r;
  };
  const total = choose(good + bad, draws);
  const out = new Map<number, number>();
  for (let x = Math.max(0, draws - bad); x <= Math.min(draws, good); x++) {
    const ways = choose(good, x) * choose(bad, draws - x);
    // 1e12-scaled integer division keeps 12 significant digits through BigInt
    out.set(x, Number((ways * 1_000_000_000_000n) / total) / 1e12);
  }
  return out;
}

describe('sampleHypergeometric', () => {
  test.each([
    [5, 7, 4],
    [30, 10, 25],
    [400, 1600, 65],
    [3, 1000, 500],
    [1200, 800, 1500],
  ])(
    'good=%i, bad=%i, draws=%i: frequencies match the exact pmf (chi-square)',
    (good, bad, draws) => {
      const rng = createRng(good * 7 + draws);
      const runs = 40_000;
      const seen = new Map<number, number>();
      for (let r = 0; r < runs; r++) {
        const x = sampleHypergeometric(rng, good, bad, draws);
        seen.set(x, (seen.get(x) ?? 0) + 1);
      }
      const exact = pmf(good, bad, draws);
      for (const x of seen.keys()) expect(exact.has(x), `value ${x} is impossible`).toBe(true);
      // pool the tails below 5 expected counts into one bin, as the chi-square test needs
      let chi2 = 0;
      let bins = 0;
      let tailExpected = 0;
      let tailSeen = 0;
      for (const [x, p] of exact) {
        const expected = p * runs;
        if (expected < 5) {
          tailExpected += expected;
          tailSeen += seen.get(x) ?? 0;
          continue;
        }
        chi2 += ((seen.get(x) ?? 0) - expected) ** 2 / expected;
        bins++;
      }
      if (tailExpected > 0) {
        chi2 += (tailSeen - tailExpected) ** 2 / Math.max(tailExpected, 1);
        bins++;
      }
      // generous bound: mean bins - 1, plus 6 standard deviations
      expect(chi2).toBeLessThan(bins - 1 + 6 * Math.sqrt(2 * (bins - 1)) + 10);
    },
  );

  test('degenerate cases need no draw and return the only value', () => {
    const rng = createRng(1);
    const before = createRng(1).nextUint32();
    expect(sampleHypergeometric(rng, 10, 0, 4)).toBe(4);
    expect(sampleHypergeometric(rng, 0, 10, 4)).toBe(0);
    expect(sampleHypergeometric(rng, 10, 5, 0)).toBe(0);
    expect(sampleHypergeometric(rng, 10, 5, 15)).toBe(10);
    expect(rng.nextUint32()).toBe(before);
  });

  test('large populations: in range, mean and spread as the formulas say', () => {
    const rng = createRng(9);
    const good = 400_000;
    const bad = 1_600_000;
    const draws = 6_554;
    const runs = 20_000;
    let sum = 0;
    let sq = 0;
    for (let r = 0; r < runs; r++) {
      const x = sampleHypergeometric(rng, good, bad, draws);
      expect(x >= 0 && x <= draws).toBe(true);
      sum += x;
      sq += x * x;
    }
    const total = good + bad;
    const mean = (draws * good) / total;
    const variance = (draws * good * bad * (total - draws)) / (total * total * (total - 1));
    const m = sum / runs;
    expect(Math.abs(m - mean)).toBeLessThan(6 * Math.sqrt(variance / runs));
    expect(sq / runs - m * m).toBeGreaterThan(0.9 * variance);
    expect(sq / runs - m * m).toBeLessThan(1.1 * variance);
  });
});
