import { describe, expect, it } from 'vitest';
import {
  BettingSequence,
  bettingConfidenceSequence,
  createConfidenceSequence,
  differenceConfidenceSequence,
  EmpiricalBernsteinSequence,
  empiricalBernsteinConfidenceSequence,
  StatsError,
} from '../src/index.js';
import { loadCases } from './support/fixtures.js';

interface SequenceCase {
  name: string;
  x: number[];
  alpha: number;
  grid: number;
  betting: { lower: number[]; upper: number[] };
  empiricalBernstein: { lower: number[]; upper: number[] };
}

const cases = loadCases<SequenceCase>('sequences.json');

describe('confidence sequences match the numpy port of confseq (scripts/make-sequence-fixtures.py)', () => {
  it.each(cases)('betting (hedged capital): $name', (c) => {
    const cs = bettingConfidenceSequence(c.x, { alpha: c.alpha, grid: c.grid });
    // the grid point where max(K+, K-)/2 crosses 1/alpha is decided by one comparison; the
    // log-sum here and the product there may round it differently, so allow one grid step
    const step = 1 / c.grid + 1e-12;
    let exact = 0;
    cs.forEach((s, t) => {
      expect(Math.abs(s.lower - c.betting.lower[t]!), `lower at n=${t + 1}`).toBeLessThan(step);
      expect(Math.abs(s.upper - c.betting.upper[t]!), `upper at n=${t + 1}`).toBeLessThan(step);
      if (Math.abs(s.lower - c.betting.lower[t]!) < 1e-12) exact++;
      if (Math.abs(s.upper - c.betting.upper[t]!) < 1e-12) exact++;
    });
    expect(exact / (2 * cs.length)).toBeGreaterThan(0.99);
  });

  it.each(cases)('empirical Bernstein (PrPl-EB): $name', (c) => {
    const cs = empiricalBernsteinConfidenceSequence(c.x, { alpha: c.alpha });
    cs.forEach((s, t) => {
      expect(s.lower).toBeCloseTo(c.empiricalBernstein.lower[t]!, 12);
      expect(s.upper).toBeCloseTo(c.empiricalBernstein.upper[t]!, 12);
    });
  });
});

describe('betting follows confseq v0.0.11 (70b1ef3)', () => {
  it("tunes each side's bet for alpha/2, as hedged_cs passes alpha * theta", () => {
    // confseq v0.0.11 hedged_cs(x, alpha=0.05, breaks=1000, running_intersection=True) on the
    // README's data; confseq before v0.0.10 (bets tuned for alpha) ended at [0.724, 0.861]
    const x = Array.from({ length: 400 }, (_, i) => (i % 5 === 0 ? 0 : 1));
    const cs = bettingConfidenceSequence(x, { alpha: 0.05 });
    const confseq: [number, number, number][] = [
      [5, 0.196, 1],
      [20, 0.495, 0.962],
      [50, 0.61, 0.917],
      [100, 0.664, 0.896],
      [400, 0.726, 0.861],
    ];
    for (const [n, lower, upper] of confseq) {
      expect([cs[n - 1]!.lower, cs[n - 1]!.upper], `n=${n}`).toEqual([lower, upper]);
    }
    // confseq's grid points are numpy's arange, j * (1/grid): 7 * 0.005 - 0.005, not 6 / 200
    const ones = bettingConfidenceSequence(Array<number>(40).fill(1), { alpha: 0.05, grid: 200 });
    expect(ones[1]!.lower).toBe(0.030000000000000002);
  });
});

describe('confidence sequence properties', () => {
  const x = cases[0]!.x;

  it('the running interval only narrows and always holds the running mean', () => {
    for (const cs of [bettingConfidenceSequence(x), empiricalBernsteinConfidenceSequence(x)]) {
      for (let t = 1; t < cs.length; t++) {
        expect(cs[t]!.lower).toBeGreaterThanOrEqual(cs[t - 1]!.lower);
        expect(cs[t]!.upper).toBeLessThanOrEqual(cs[t - 1]!.upper);
      }
      const last = cs.at(-1)!;
      expect(last.lower).toBeLessThan(last.mean);
      expect(last.upper).toBeGreaterThan(last.mean);
      expect(last.n).toBe(x.length);
    }
  });

  it('a smaller alpha gives a wider interval', () => {
    const wide = bettingConfidenceSequence(x, { alpha: 0.01 }).at(-1)!;
    const narrow = bettingConfidenceSequence(x, { alpha: 0.2 }).at(-1)!;
    expect(wide.upper - wide.lower).toBeGreaterThan(narrow.upper - narrow.lower);
  });

  it('betting is no wider than empirical Bernstein at the end of a long sequence', () => {
    const b = bettingConfidenceSequence(x).at(-1)!;
    const e = empiricalBernsteinConfidenceSequence(x).at(-1)!;
    expect(b.upper - b.lower).toBeLessThanOrEqual(e.upper - e.lower);
  });

  it('the sequences are symmetric: 1 - x mirrors the interval', () => {
    const flipped = x.map((v) => 1 - v);
    const a = bettingConfidenceSequence(x).at(-1)!;
    const b = bettingConfidenceSequence(flipped).at(-1)!;
    expect(b.lower).toBeCloseTo(1 - a.upper, 9);
    expect(b.upper).toBeCloseTo(1 - a.lower, 9);
  });

  it('the accumulators give the same intervals as the functions', () => {
    const betting = new BettingSequence({ alpha: 0.1 });
    const eb = new EmpiricalBernsteinSequence({ alpha: 0.1 });
    for (const v of x) {
      betting.push(v);
      eb.push(v);
    }
    expect(betting.interval()).toEqual(bettingConfidenceSequence(x, { alpha: 0.1 }).at(-1));
    expect(eb.interval()).toEqual(empiricalBernsteinConfidenceSequence(x, { alpha: 0.1 }).at(-1));
    expect(createConfidenceSequence({ method: 'empirical-bernstein' })).toBeInstanceOf(
      EmpiricalBernsteinSequence,
    );
  });

  it('flags a crossed running intersection as empty: 300 ones then 3000 zeros', () => {
    const shifted = [...Array<number>(300).fill(1), ...Array<number>(3000).fill(0)];
    for (const cs of [
      bettingConfidenceSequence(shifted),
      empiricalBernsteinConfidenceSequence(shifted),
      differenceConfidenceSequence(shifted, Array<number>(shifted.length).fill(0)),
    ]) {
      const first = cs.findIndex((s) => s.empty);
      expect(first).toBeGreaterThan(300);
      cs.forEach((s, t) => {
        expect(s.empty, `n=${t + 1}`).toBe(s.lower > s.upper);
        expect(s.empty, `n=${t + 1}`).toBe(t >= first);
      });
    }
    // the data that gave it: a crossed interval would claim a mean of at least 0.975
    const last = bettingConfidenceSequence(shifted).at(-1)!;
    expect([last.lower, last.upper, last.empty]).toEqual([0.975, 0.789, true]);
    expect(last.mean).toBeCloseTo(300 / 3300, 12);
    for (const cs of [bettingConfidenceSequence(x), empiricalBernsteinConfidenceSequence(x)]) {
      expect(cs.some((s) => s.empty)).toBe(false);
    }
  });

  it('before any observation the interval is [0, 1] with an undefined mean', () => {
    const s = new BettingSequence().interval();
    expect([s.n, s.lower, s.upper, s.empty]).toEqual([0, 0, 1, false]);
    expect(s.mean).toBeNaN();
  });

  it('the paired difference sequence is the [0, 1] sequence of (a - b + 1)/2 rescaled to [-1, 1]', () => {
    const a = x;
    const b = cases[1]!.x.concat(cases[1]!.x).slice(0, a.length);
    const diff = differenceConfidenceSequence(a, b, { method: 'empirical-bernstein' }).at(-1)!;
    const mapped = empiricalBernsteinConfidenceSequence(a.map((v, i) => (v - b[i]! + 1) / 2)).at(
      -1,
    )!;
    expect(diff.lower).toBeCloseTo(2 * mapped.lower - 1, 12);
    expect(diff.upper).toBeCloseTo(2 * mapped.upper - 1, 12);
    const same = differenceConfidenceSequence(a, a).at(-1)!;
    expect(same.mean).toBe(0);
    expect(same.lower).toBeLessThan(0);
    expect(same.upper).toBeGreaterThan(0);
  });

  it('refuses observations outside [0, 1], bad alpha and unpaired vectors, naming the argument', () => {
    const refusal = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        if (!(error instanceof StatsError)) throw error;
        return [error.code, error.path];
      }
      return null;
    };
    expect(refusal(() => bettingConfidenceSequence([0.5, 1.5]))).toEqual([
      'OUT_OF_BOUNDS',
      'values[1]',
    ]);
    expect(refusal(() => new EmpiricalBernsteinSequence().push(Number.NaN))).toEqual([
      'OUT_OF_BOUNDS',
      'x',
    ]);
    expect(refusal(() => new BettingSequence({ alpha: 1 }))).toEqual([
      'INVALID_LEVEL',
      'options.alpha',
    ]);
    expect(refusal(() => new BettingSequence({ grid: 1 }))).toEqual([
      'INVALID_COUNT',
      'options.grid',
    ]);
    expect(refusal(() => differenceConfidenceSequence([1], [1, 0]))).toEqual([
      'LENGTH_MISMATCH',
      'b',
    ]);
  });
});
