import { mulHigh, type Rng, Xoshiro128StarStar } from './xoshiro128.js';

const TWO_32 = 4294967296;
const TWO_21 = 2097152;

/**
 * Fills `out` with draws of `rng.nextInt(bound)`, each mapped through `base` when given
 * (`out[i] = base[rng.nextInt(bound)]`): a bootstrap replicate's rows, drawn with
 * replacement.
 *
 * @remarks
 * The same draws, in the same order, and the same generator state afterwards as calling
 * `nextInt` once per element; for Assay's own generator the state is held in locals (as in
 * the fast shuffle), about four times faster on large draws (a replicate of 300,000 rows
 * took 4.3 ms in `nextInt` calls). Another {@link Rng} is called element by element.
 * Lemire's method: a draw `x` gives `floor(x * bound / 2^32)` unless the low 32 bits of
 * `x * bound` fall below `(2^32 - bound) mod bound`, which rejects it (no modulo bias).
 *
 * @param rng - the generator; it advances as `out.length` calls of `nextInt(bound)` would
 * @param out - filled in place
 * @param bound - exclusive upper bound of the draws, an integer in [1, 2^32]
 * @param base - rows to map the draws through (length at least `bound`), or null
 * @returns `out`
 * @example
 * ```ts
 * import { createRng, drawIndices } from '@assay/splitters';
 * drawIndices(createRng(7), new Uint32Array(5), 5, null); // Uint32Array [0, 0, 4, 4, 1]
 * drawIndices(createRng(7), new Uint32Array(3), 2, Uint32Array.of(10, 20)); // Uint32Array [10, 10, 20]
 * ```
 */
export function drawIndices(
  rng: Rng,
  out: Uint32Array,
  bound: number,
  base: Uint32Array | null,
): Uint32Array {
  if (!(rng instanceof Xoshiro128StarStar)) {
    for (let i = 0; i < out.length; i++) {
      const k = rng.nextInt(bound);
      out[i] = base === null ? k : base[k]!;
    }
    return out;
  }
  // `| 0`: int32 words from the start (a uint32 word above 2^31 would make them doubles)
  const words = rng.state();
  let s0 = words[0] | 0;
  let s1 = words[1] | 0;
  let s2 = words[2] | 0;
  let s3 = words[3] | 0;
  // below this a draw's low word is rejected (it is < bound, so nextInt's test is the same)
  const threshold = (TWO_32 - bound) % bound;
  const small = bound <= TWO_21;
  for (let i = 0; i < out.length; i++) {
    let pick: number;
    for (;;) {
      const m5 = Math.imul(s1, 5);
      const x = Math.imul((m5 << 7) | (m5 >>> 25), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      let low: number;
      if (small) {
        // x * bound < 2^53: the 64-bit product is exact in a double
        const m = x * bound;
        low = m >>> 0;
        pick = (m - low) / TWO_32;
      } else {
        low = Math.imul(x, bound) >>> 0;
        pick = mulHigh(x, bound);
      }
      if (low >= threshold) break;
    }
    out[i] = base === null ? pick : base[pick]!;
  }
  rng.setState(s0, s1, s2, s3);
  return out;
}
