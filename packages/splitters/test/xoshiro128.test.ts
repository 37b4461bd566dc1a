import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createRng, permutation, type Rng, shuffleInPlace } from '../src/index.js';
import { loadCases } from './support/fixture-cases.js';

interface Case {
  seed: number;
  uint32: number[];
  floats: number[];
  bounds: number[];
  ints: number[];
}

describe('xoshiro128** seeded by splitmix32', () => {
  test.each(loadCases<Case>('xoshiro128'))(
    'matches the independent big-integer reference for seed $seed',
    ({ seed, uint32, floats, bounds, ints }) => {
      const a = createRng(seed);
      expect(uint32.map(() => a.nextUint32())).toEqual(uint32);
      const b = createRng(seed);
      expect(floats.map(() => b.nextFloat())).toEqual(floats);
      const c = createRng(seed);
      expect(bounds.map((bound) => c.nextInt(bound))).toEqual(ints);
    },
  );

  test.each(loadCases<Case>('xoshiro128'))(
    'reseed($seed) on a used generator restarts the reference stream',
    ({ seed, uint32, floats }) => {
      const rng = createRng((seed ^ 0x5bd1e995) >>> 0);
      rng.nextFloat();
      rng.reseed(seed);
      expect(uint32.map(() => rng.nextUint32())).toEqual(uint32);
      rng.reseed(seed);
      expect(floats.map(() => rng.nextFloat())).toEqual(floats);
    },
  );

  test('reseed refuses a seed outside [0, 2^32 - 1], naming the seed', () => {
    const rng = createRng(1);
    for (const bad of [-1, 0.5, 2 ** 32, Number.NaN]) {
      expect(() => rng.reseed(bad)).toThrow(/seed must be an integer in \[0, 4294967295\]/);
    }
    expect(() => createRng(2 ** 32)).toThrow(/seed must be an integer/);
  });

  test('nextFloat lies in [0, 1) and nextInt in [0, bound)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 1, max: 0xffffffff }),
        (seed, bound) => {
          const rng = createRng(seed);
          for (let i = 0; i < 20; i++) {
            const f = rng.nextFloat();
            expect(f >= 0 && f < 1).toBe(true);
            const k = rng.nextInt(bound);
            expect(Number.isInteger(k) && k >= 0 && k < bound).toBe(true);
          }
        },
      ),
    );
  });

  test('nextInt is close to uniform (chi-square over 6 bins, loose bound)', () => {
    const rng = createRng(2024);
    const bins = new Array<number>(6).fill(0);
    const draws = 60_000;
    for (let i = 0; i < draws; i++) bins[rng.nextInt(6)]! += 1;
    const expected = draws / 6;
    const chi2 = bins.reduce((s, v) => s + (v - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(30); // p < 1e-5 for 5 degrees of freedom
  });

  test('the in-register typed-array shuffle makes the same draws as nextInt, for bounds above 2^21 too', () => {
    const n = (1 << 21) + 5_000;
    const fast = permutation(n, createRng(77));
    const inner = createRng(77);
    // A plain Rng object (not the built-in class) forces the generic nextInt loop.
    const generic: Rng = {
      nextUint32: () => inner.nextUint32(),
      nextFloat: () => inner.nextFloat(),
      nextInt: (bound) => inner.nextInt(bound),
      reseed: (s) => inner.reseed(s),
    };
    const slow = shuffleInPlace(
      Uint32Array.from({ length: n }, (_, i) => i),
      generic,
    );
    let firstDifference = -1;
    for (let i = 0; i < n && firstDifference < 0; i++) if (fast[i] !== slow[i]) firstDifference = i;
    expect(firstDifference).toBe(-1);
    const after = createRng(77);
    permutation(n, after);
    expect(after.nextUint32()).toBe(inner.nextUint32());
  });

  test('permutation holds each index once; shuffles agree with permutation', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 1000 }),
        (n, seed) => {
          const p = permutation(n, createRng(seed));
          expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i));
          const plain = shuffleInPlace(
            Array.from({ length: n }, (_, i) => i),
            createRng(seed),
          );
          expect(plain).toEqual([...p]);
        },
      ),
    );
  });
});
