import { createRng } from '@assay/splitters';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairedPermutationTest, StatsError } from '../src/index.js';
import { loadCases } from './support/fixtures.js';

interface PermutationCase {
  name: string;
  a: number[];
  b: number[];
  exact: boolean;
  statistic: number;
  pValue: number;
}

const cases = loadCases<PermutationCase>('paired-permutation.json');
const seeded = (seed: number) => {
  const rng = createRng(seed);
  return () => rng.nextFloat();
};

describe('pairedPermutationTest', () => {
  it.each(cases.filter((c) => c.exact))(
    'equals scipy permutation_test exactly for $name',
    ({ a, b, statistic, pValue }) => {
      const r = pairedPermutationTest(a, b, { permutations: 2 ** a.length });
      expect(r.exact).toBe(true);
      expect(r.statistic).toBeCloseTo(statistic, 14);
      expect(r.pValue).toBeCloseTo(pValue, 14);
    },
  );

  it.each(cases.filter((c) => !c.exact))(
    'agrees with scipy permutation_test to 0.01 for $name with 50000 random assignments',
    ({ a, b, statistic, pValue }) => {
      const r = pairedPermutationTest(a, b, { permutations: 50_000, rng: seeded(3) });
      expect(r.exact).toBe(false);
      expect(r.statistic).toBeCloseTo(statistic, 14);
      expect(Math.abs(r.pValue - pValue)).toBeLessThan(0.01);
    },
  );

  it('gives p = 1 and difference 0 for a side compared with itself', () => {
    const x = Array.from({ length: 300 }, (_, i) => (i * 37) % 11) as number[];
    const r = pairedPermutationTest(x, x, { rng: seeded(1) });
    expect(r.statistic).toBe(0);
    expect(r.pValue).toBe(1);
  });

  it('is reproducible with the same seed and never below 1 / (N + 1)', () => {
    const a = Array.from({ length: 100 }, (_, i) => i / 100);
    const b = a.map((x) => x + 0.5);
    const one = pairedPermutationTest(a, b, { permutations: 999, rng: seeded(7) });
    const two = pairedPermutationTest(a, b, { permutations: 999, rng: seeded(7) });
    expect(one).toEqual(two);
    expect(one.pValue).toBe(2 / 1000);
  });

  it('refuses vectors of different lengths, NaN scores and a random test with no generator', () => {
    const codeOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(StatsError);
        return (e as StatsError).code;
      }
      return 'no error';
    };
    expect(codeOf(() => pairedPermutationTest([1, 2], [1]))).toBe('LENGTH_MISMATCH');
    expect(codeOf(() => pairedPermutationTest([], []))).toBe('TOO_FEW_VALUES');
    expect(codeOf(() => pairedPermutationTest([1, Number.NaN], [1, 2]))).toBe('MISSING_VALUE');
    const long = Array.from({ length: 40 }, (_, i) => i);
    expect(codeOf(() => pairedPermutationTest(long, long))).toBe('MISSING_VALUE');
  });

  it.each([
    [[0, 0], [Number.POSITIVE_INFINITY, 1], 'b[0]', 'got Infinity.'],
    [[0, Number.NEGATIVE_INFINITY], [1, 1], 'a[1]', 'got -Infinity.'],
    [[0, 1], [1, Number.NaN], 'b[1]', 'is NaN'],
  ])(
    'refuses a non-finite score (%j vs %j) at %s, where no p-value below 0.5 is attainable',
    (a, b, path, shown) => {
      let error: unknown;
      try {
        pairedPermutationTest(a, b);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(StatsError);
      expect(error).toMatchObject({
        path,
        code: shown === 'is NaN' ? 'MISSING_VALUE' : 'NON_FINITE_VALUE',
      });
      expect((error as StatsError).message).toContain(`pairedPermutationTest: ${path}`);
      expect((error as StatsError).message).toContain(shown);
    },
  );

  it("uses scipy's tie tolerance max(1e-14, 1e-14|T|): a null statistic 1e-13/3 below T is distinct", () => {
    // scipy 1.10 gives 0.75; a tolerance of 1e-12 of the mean |d| would count it a tie (p 1)
    const r = pairedPermutationTest([0, 0, 0], [1, -1 + 1e-13, 0.5]);
    expect(r.pValue).toBe(0.75);
    // sums that differ only by rounding (0.1 + 0.2 vs 0.3) still tie
    expect(pairedPermutationTest([0, 0, 0], [0.1, 0.2, -0.3]).pValue).toBe(1);
  });

  it('counts as ties the sums of large scores that are equal in exact arithmetic (integer enumeration)', () => {
    // exact p by enumerating every sign assignment on integers (thousandths), no rounding
    const exactP = (thousandths: bigint[]): number => {
      const n = thousandths.length;
      const t = thousandths.reduce((x, y) => x + y, 0n);
      let low = 0;
      let high = 0;
      for (let m = 0; m < 2 ** n; m++) {
        let sum = 0n;
        for (let i = 0; i < n; i++) sum += (m >> i) & 1 ? -thousandths[i]! : thousandths[i]!;
        if (sum <= t) low++;
        if (sum >= t) high++;
      }
      return Math.min(1, (2 * Math.min(low, high)) / 2 ** n);
    };
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 2, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 4 }),
        (big, small) => {
          // a subset summing to 0 exactly: its sign flips tie with the observed sum
          const ints = [...big, -big.reduce((x, y) => x + y, 0), ...small].map(BigInt);
          const b = ints.map((x) => Number(x) / 1000);
          const p = pairedPermutationTest(
            b.map(() => 0),
            b,
          ).pValue;
          expect(p).toBeCloseTo(exactP(ints), 12);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
    // the case the fixed tolerance got wrong: 0.78125 where the exact p is 0.8125
    expect(
      pairedPermutationTest(
        [0, 0, 0, 0, 0, 0],
        [820758.104, 579216.241, -1399974.345, 0.092, 3.675, 4.641],
      ).pValue,
    ).toBe(0.8125);
  });

  it.each([
    [[-1e308, 1e308], [1e308, -1e308], 'b[0]'],
    [[0, 0], [1e308, 1e308], 'b'],
    [[0, 0, 0], [1.7e308, 1.7e308, -1e308], 'b'],
  ])(
    'refuses finite scores whose differences overflow (%j vs %j) at %s instead of giving p = 0',
    (a, b, path) => {
      let error: unknown;
      try {
        pairedPermutationTest(a, b);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(StatsError);
      expect(error).toMatchObject({ path, code: 'NON_FINITE_VALUE' });
      expect((error as StatsError).message).toMatch(
        /^pairedPermutationTest: the score differences b − a must be finite/,
      );
    },
  );

  it('still tests the largest scores whose differences stay finite', () => {
    const r = pairedPermutationTest([0, 0], [8e307, 8e307]);
    expect(r.statistic).toBe(8e307);
    expect(r.pValue).toBe(0.5);
  });
});
