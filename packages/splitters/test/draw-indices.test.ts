import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createRng, drawIndices, type Rng } from '../src/index.js';

/** The reference: one nextInt call per element. */
function byNextInt(rng: Rng, length: number, bound: number, base: Uint32Array | null): number[] {
  return Array.from({ length }, () => {
    const k = rng.nextInt(bound);
    return base === null ? k : base[k]!;
  });
}

// both branches of Lemire's method and their edges: 1, around 2^21, just below 2^32, 2^32
const bounds = fc.oneof(
  fc.integer({ min: 1, max: 64 }),
  fc.integer({ min: 2 ** 21 - 3, max: 2 ** 21 + 3 }),
  fc.integer({ min: 1, max: 2 ** 32 }),
  fc.constantFrom(1, 3, 2 ** 31 + 1, 2 ** 32 - 1, 2 ** 32),
);

describe('drawIndices', () => {
  test('draws what nextInt draws, in order, and leaves the generator where nextInt would', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        bounds,
        fc.integer({ min: 0, max: 300 }),
        (seed, bound, length) => {
          const a = createRng(seed);
          const b = createRng(seed);
          const fast = drawIndices(a, new Uint32Array(length), bound, null);
          expect(Array.from(fast)).toEqual(byNextInt(b, length, bound, null));
          expect(a.nextUint32()).toBe(b.nextUint32());
        },
      ),
      { numRuns: 500 },
    );
  });

  test('maps the draws through base rows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.uniqueArray(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 200 }),
        (seed, rows) => {
          const base = Uint32Array.from(rows.sort((x, y) => x - y));
          const fast = drawIndices(createRng(seed), new Uint32Array(400), base.length, base);
          expect(Array.from(fast)).toEqual(byNextInt(createRng(seed), 400, base.length, base));
        },
      ),
    );
  });

  test('a generator of another kind is called element by element', () => {
    let calls = 0;
    const counting: Rng = {
      nextUint32: () => 0,
      nextFloat: () => 0,
      reseed: () => {
        calls = 0;
      },
      nextInt: (bound) => {
        calls++;
        return (calls * 7) % bound;
      },
    };
    expect(Array.from(drawIndices(counting, new Uint32Array(4), 5, null))).toEqual([2, 4, 1, 3]);
    expect(calls).toBe(4);
  });
});
