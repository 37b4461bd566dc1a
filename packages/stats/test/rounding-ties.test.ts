import { createRng } from '@assay/splitters';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bcaInterval, pairedBootstrap, StatsError, snapRoundingTies } from '../src/index.js';

/**
 * Counts of a paired resample: n rows, A right on a, B right on b; `shift` moves both, as a
 * resample does, to at most twice the larger count (a resample's values lie near the sample's).
 */
const pairs = fc
  .integer({ min: 2, max: 1_000_000 })
  .chain((n) => fc.record({ n: fc.constant(n), a: fc.nat(n), b: fc.nat(n) }))
  .chain((p) =>
    fc.record({
      n: fc.constant(p.n),
      a: fc.constant(p.a),
      b: fc.constant(p.b),
      shift: fc.integer({ min: -Math.min(p.a, p.b), max: Math.max(p.a, p.b) }),
    }),
  );

describe('snapRoundingTies', () => {
  it('makes a difference of accuracies equal to the observed one in exact arithmetic exactly equal', () => {
    fc.assert(
      fc.property(pairs, ({ n, a, b, shift }) => {
        // the same count difference b − a from other counts: equal reals, other roundings
        const a2 = a + shift;
        const b2 = b + shift;
        fc.pre(a2 <= n && b2 <= n);
        const observed = b / n - a / n;
        const replicate = b2 / n - a2 / n;
        const tied = snapRoundingTies([replicate], { observed, scale: Math.max(a, b) / n });
        expect(tied.difference).toBe(observed);
        expect(tied.replicates[0]).toBe(observed);
      }),
    );
  });

  it('leaves a value that differs from the observed one and from 0 by more than rounding', () => {
    fc.assert(
      fc.property(pairs, ({ n, a, b, shift }) => {
        const a2 = Math.min(n, Math.max(0, a + shift));
        fc.pre(a2 !== a && b !== a2);
        const observed = b / n - a / n;
        const replicate = b / n - a2 / n;
        const [snapped] = snapRoundingTies([replicate], { observed, scale: 1 }).replicates;
        expect(snapped).toBe(replicate);
      }),
    );
  });

  it('snaps a difference of equal values computed two ways to exactly 0, and keeps NaN', () => {
    const sumUp = [0.1, 0.2, 0.3, 0.4].reduce((s, v) => s + v, 0);
    const sumDown = [0.4, 0.3, 0.2, 0.1].reduce((s, v) => s + v, 0);
    expect(sumUp - sumDown).not.toBe(0);
    const tied = snapRoundingTies([sumUp - sumDown, Number.NaN], { observed: 0.5, scale: 1 });
    expect([...tied.replicates]).toEqual([0, Number.NaN]);
    // an undefined observed difference still lets 0 through
    const undefinedDifference = snapRoundingTies([sumUp - sumDown], {
      observed: Number.NaN,
      scale: 1,
    });
    expect([...undefinedDifference.replicates]).toEqual([0]);
    expect(undefinedDifference.difference).toBeNaN();
    // and an observed difference of equal values computed two ways is 0
    expect(snapRoundingTies([], { observed: sumDown - sumUp, scale: 1 }).difference).toBe(0);
  });

  it('gives the BCa interval of exact ties: 5 discordant items of 400, accuracy', () => {
    // A right on 384 items, B on 387: only B right on items 1-4, only A on item 0 (found in a
    // user's trial of assay compare). Compared bit for bit, about half of the replicates that
    // tie with the observed 0.0075 (18% of them) fell below it, z0 was 0.25 instead of 0.04,
    // and the lower end was 0 where the exact ties give -0.0025.
    const n = 400;
    const rightA = Array.from({ length: n }, (_, i) => (i === 0 || i >= 17 ? 1 : 0));
    const rightB = Array.from({ length: n }, (_, i) => ((i >= 1 && i <= 4) || i >= 17 ? 1 : 0));
    const rng = createRng(7);
    const samples = 20_000;
    const asFloats = new Float64Array(samples);
    const asCounts = new Float64Array(samples);
    for (let s = 0; s < samples; s++) {
      let a = 0;
      let b = 0;
      for (let i = 0; i < n; i++) {
        const k = rng.nextInt(n);
        a += rightA[k]!;
        b += rightB[k]!;
      }
      asFloats[s] = b / n - a / n;
      // the same difference from the counts: equal reals give equal floats
      asCounts[s] = (b - a) / n;
    }
    const observed = 387 / n - 384 / n;
    const jackknife = Array.from({ length: n }, (_, i) => (3 - rightB[i]! + rightA[i]!) / (n - 1));
    const exact = bcaInterval(asCounts, { observed: 3 / n, jackknife });
    const tied = snapRoundingTies(asFloats, { observed, scale: 387 / n });
    const interval = bcaInterval(tied.replicates, { observed: tied.difference, jackknife });
    expect(interval![0]).toBeCloseTo(exact![0], 15);
    expect(interval![1]).toBeCloseTo(exact![1], 15);
    expect(interval![0]).toBeCloseTo(-0.0025, 15);
  });

  it('makes pairedBootstrap of two equal metrics computed in other orders a difference of exactly 0', () => {
    const values = Array.from({ length: 50 }, (_, i) => 0.1 * ((i * 7) % 11));
    // side 1 sums the same values backwards: equal reals, last bits apart
    const metric = (idx: Uint32Array, side: 0 | 1) => {
      let sum = 0;
      for (let j = 0; j < idx.length; j++)
        sum += values[idx[side === 0 ? j : idx.length - 1 - j]!]!;
      return sum / idx.length;
    };
    const rng = createRng(3);
    const result = pairedBootstrap(values.length, metric, {
      samples: 500,
      rng: () => rng.nextFloat(),
    });
    expect(result).toMatchObject({ difference: 0, ciLow: 0, ciHigh: 0, pValue: 1 });
  });

  it("keeps a real difference of a metric one row dominates, by each replicate's own scale", () => {
    // MAPE over a true 0 (a reviewer's case): 4.5e13 on the full sample, about 1 without that
    // row; B is 0.3 better elsewhere. The full sample's scale alone swallowed that difference.
    const a = 45035996273705.46;
    const b = 45035996273705.16;
    const observed = b - a;
    // a resample without the 0 row that drew B's better rows more often, and one whose two
    // values are equal but for rounding
    const resamples = [1.0 - 1.5, 0.1 + 0.2 - 0.3];
    expect(resamples[1]).not.toBe(0);
    const tied = snapRoundingTies(resamples, {
      observed,
      scale: a,
      replicateScales: [1.5, 0.3],
    });
    expect(tied.difference).toBe(observed);
    expect([...tied.replicates]).toEqual([-0.5, 0]);
    // near the observed difference the observed's own rounding (0.04 at 4.5e13) counts: -0.3
    // is a tie with -0.3047 there, as it is in exact arithmetic up to that rounding
    expect(snapRoundingTies([1.2 - 1.5], { observed, scale: a }).replicates[0]).toBe(observed);
    expect(() => snapRoundingTies(resamples, { observed, scale: a, replicateScales: [1] })).toThrow(
      /options.replicateScales must hold one scale per replicate \(2\), got 1/,
    );
  });

  it('refuses a scale that is not a finite number of 0 or more, naming it', () => {
    for (const scale of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => snapRoundingTies([0], { observed: 0, scale })).toThrow(
        /snapRoundingTies: options.scale must be a finite number ≥ 0/,
      );
    }
    expect(() => snapRoundingTies([0], { observed: 0, scale: 1, tolerance: 1 } as never)).toThrow(
      StatsError,
    );
    expect(() => snapRoundingTies([0], undefined as never)).toThrow(/options is required/);
  });
});
