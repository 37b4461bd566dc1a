import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createRng, type Rng, shuffleShortRange } from '../src/index.js';

/** A plain Rng object over the same stream: forces the generic (non-inlined) loop. */
function generic(seed: number): Rng {
  const inner = createRng(seed);
  return {
    nextUint32: () => inner.nextUint32(),
    nextFloat: () => inner.nextFloat(),
    nextInt: (bound) => inner.nextInt(bound),
    reseed: (s) => inner.reseed(s),
  };
}

/** The definition written out with BigInt arithmetic, one 16-bit half at a time. */
function reference(values: number[], seed: number): number[] {
  const out = [...values];
  const rng = createRng(seed);
  const halves: number[] = [];
  const nextHalf = (): bigint => {
    if (halves.length === 0) {
      const x = rng.nextUint32();
      halves.push(x & 0xffff, x >>> 16);
    }
    return BigInt(halves.shift()!);
  };
  for (let i = out.length - 1; i > 0; i--) {
    const bound = BigInt(i + 1);
    for (;;) {
      const m = nextHalf() * bound;
      const low = m % 65536n;
      if (low >= bound || low >= (65536n - bound) % bound) {
        const j = Number(m / 65536n);
        [out[i], out[j]] = [out[j]!, out[i]!];
        break;
      }
    }
  }
  return out;
}

describe('shuffleShortRange', () => {
  test('equals the BigInt reference, and the generic loop equals the inlined one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 3000 }),
        (seed, length) => {
          const values = Array.from({ length }, (_, i) => i);
          const fast = Int32Array.from(values);
          shuffleShortRange(fast, 0, length, createRng(seed));
          const slow = Int32Array.from(values);
          shuffleShortRange(slow, 0, length, generic(seed));
          expect(Array.from(fast)).toEqual(reference(values, seed));
          expect(Array.from(slow)).toEqual(Array.from(fast));
        },
      ),
      { numRuns: 60 },
    );
  });

  test('shuffles only the range and leaves the generator where the draws end', () => {
    const array = Uint8Array.from({ length: 40 }, (_, i) => i);
    const rng = createRng(5);
    shuffleShortRange(array, 10, 30, rng);
    expect(Array.from(array.subarray(0, 10))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(array.subarray(30))).toEqual(Array.from({ length: 10 }, (_, i) => 30 + i));
    expect([...array.subarray(10, 30)].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => 10 + i),
    );
    // the next output after the call is the same as after the reference's draws
    const other = createRng(5);
    const copy = Uint8Array.from({ length: 20 }, (_, i) => 10 + i);
    shuffleShortRange(copy, 0, 20, other);
    expect(rng.nextUint32()).toBe(other.nextUint32());
  });

  test('every permutation of 4 elements is equally likely (chi-square, 23 dof)', () => {
    const rng = createRng(99);
    const seen = new Map<string, number>();
    const draws = 48_000;
    for (let r = 0; r < draws; r++) {
      const a = Uint8Array.of(0, 1, 2, 3);
      shuffleShortRange(a, 0, 4, rng);
      const key = a.join('');
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect(seen.size).toBe(24);
    const expected = draws / 24;
    const chi2 = [...seen.values()].reduce((s, v) => s + (v - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(60); // p < 1e-4 for 23 degrees of freedom
  });

  test('the full 65536-element range is a permutation; a longer one is a RangeError', () => {
    const array = Int32Array.from({ length: 65536 }, (_, i) => i);
    shuffleShortRange(array, 0, 65536, createRng(1));
    const sorted = Array.from(array).sort((a, b) => a - b);
    expect(sorted.every((v, i) => v === i)).toBe(true);
    expect(Array.from(array.subarray(0, 8))).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(() => shuffleShortRange(new Int32Array(65537), 0, 65537, createRng(1))).toThrow(
      /at most 65536 elements, got 65537/,
    );
  });
});
