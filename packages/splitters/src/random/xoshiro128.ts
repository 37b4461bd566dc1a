/**
 * The one pseudo-random generator of Assay. Every shuffled split, every
 * bootstrap resample draws from it, so a seed names the same folds on every
 * machine, Node version and worker count.
 */
export interface Rng {
  /** Next 32-bit output of the generator, as an integer in [0, 2^32). */
  nextUint32(): number;
  /**
   * A float in [0, 1) with 53 random bits: two 32-bit draws,
   * `((a >>> 5) * 2^26 + (b >>> 6)) / 2^53`.
   */
  nextFloat(): number;
  /**
   * An unbiased integer in [0, bound), by Lemire's multiply-and-reject
   * method ("Fast random integer generation in an interval", 2019).
   *
   * @param bound - exclusive upper bound, an integer in [1, 2^32]
   */
  nextInt(bound: number): number;
  /**
   * Restarts the generator at `seed`: its stream is then that of `createRng(seed)`.
   * Lets a hot loop that needs a fresh seeded stream per iteration (a bootstrap
   * replicate) reuse one generator instead of allocating one each time.
   *
   * @param seed - an integer in [0, 2^32 - 1]
   */
  reseed(seed: number): void;
}

const TWO_32 = 4294967296;
const TWO_21 = 2097152;

/**
 * splitmix32's output for Weyl state `state` (Wellons' `lowbias32` finaliser; the state
 * itself advances by the golden-ratio increment `0x9e3779b9`): expands one 32-bit seed
 * into well-mixed state words.
 */
function lowbias32(state: number): number {
  let z = state;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  z ^= z >>> 15;
  return z >>> 0;
}

/** The golden-ratio Weyl increment of splitmix32. */
const WEYL = 0x9e3779b9;

/**
 * xoshiro128** 1.1 (Blackman & Vigna, 2018): 128-bit state, period 2^128 - 1,
 * passes BigCrush; 32-bit arithmetic only, so it is fast and exact in JavaScript.
 */
export class Xoshiro128StarStar implements Rng {
  /**
   * The state words, as int32. In a typed array because half of all 32-bit values are
   * no small integer for V8: held in plain fields, every draw stored fresh heap numbers
   * (10–30 bytes of garbage per draw, which ran the collector every few milliseconds in
   * a bootstrap).
   */
  private readonly s = new Int32Array(4);

  constructor(seed: number) {
    this.reseed(seed);
  }

  reseed(seed: number): void {
    const w0 = ((seed >>> 0) + WEYL) >>> 0;
    const w1 = (w0 + WEYL) >>> 0;
    const w2 = (w1 + WEYL) >>> 0;
    const w3 = (w2 + WEYL) >>> 0;
    const s = this.s;
    s[0] = lowbias32(w0);
    s[1] = lowbias32(w1);
    s[2] = lowbias32(w2);
    s[3] = lowbias32(w3);
    // The all-zero state is the generator's one fixed point.
    if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) s[0] = 1;
  }

  /** The four state words, as int32 (for {@link shuffleRangeFast}). */
  state(): [number, number, number, number] {
    const s = this.s;
    return [s[0]!, s[1]!, s[2]!, s[3]!];
  }

  /** Restores the four state words (for {@link shuffleRangeFast}). */
  setState(s0: number, s1: number, s2: number, s3: number): void {
    const s = this.s;
    s[0] = s0;
    s[1] = s1;
    s[2] = s2;
    s[3] = s3;
  }

  nextUint32(): number {
    const s = this.s;
    const s0 = s[0]!;
    const s1 = s[1]!;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    const s2 = s[2]! ^ s0;
    const s3 = s[3]! ^ s1;
    s[1] = s1 ^ s2;
    s[0] = s0 ^ s3;
    s[2] = s2 ^ t;
    s[3] = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  nextFloat(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  nextInt(bound: number): number {
    if (bound <= TWO_21) {
      // x * bound < 2^53: the 64-bit product is exact in a double.
      let m = this.nextUint32() * bound;
      let low = m % TWO_32;
      if (low < bound) {
        const threshold = (TWO_32 - bound) % bound;
        while (low < threshold) {
          m = this.nextUint32() * bound;
          low = m % TWO_32;
        }
      }
      return Math.floor(m / TWO_32);
    }
    let x = this.nextUint32();
    let high = mulHigh(x, bound);
    let low = Math.imul(x, bound) >>> 0;
    if (low < bound) {
      const threshold = (TWO_32 - bound) % bound;
      while (low < threshold) {
        x = this.nextUint32();
        high = mulHigh(x, bound);
        low = Math.imul(x, bound) >>> 0;
      }
    }
    return high;
  }
}

/** A typed array the fast shuffle handles. */
export type ShuffleableTypedArray = Uint8Array | Int32Array | Uint32Array;

/**
 * Fisher–Yates over `array[start .. end)` with the generator state held in
 * locals: the same draws and the same result as calling `nextInt(i + 1)` for
 * `i = end-start-1 .. 1`, several times faster on millions of rows.
 *
 * @param rng - the generator; its state advances as if `nextInt` had been called
 * @param array - the array to shuffle in place
 * @param start - first index of the range
 * @param end - one past the last index
 */
export function shuffleRangeFast(
  rng: Xoshiro128StarStar,
  array: ShuffleableTypedArray,
  start: number,
  end: number,
): void {
  // `| 0` makes the words int32 from the start: uint32 words above 2^31 would be
  // doubles, and a loop variable that starts as a double stays one (2x slower here)
  const words = rng.state();
  let s0 = words[0] | 0;
  let s1 = words[1] | 0;
  let s2 = words[2] | 0;
  let s3 = words[3] | 0;
  for (let i = end - start - 1; i > 0; i--) {
    const bound = i + 1;
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
      if (bound <= TWO_21) {
        const m = x * bound;
        low = m >>> 0;
        pick = (m - low) / TWO_32;
      } else {
        low = Math.imul(x, bound) >>> 0;
        pick = mulHigh(x, bound);
      }
      if (low >= bound || low >= (TWO_32 - bound) % bound) break;
    }
    const k = start + i;
    const j = start + pick;
    const tmp = array[k]!;
    array[k] = array[j]!;
    array[j] = tmp;
  }
  rng.setState(s0, s1, s2, s3);
}

/** High 32 bits of the exact 64-bit product of two integers in [0, 2^32]. */
export function mulHigh(x: number, bound: number): number {
  const a = (x >>> 16) * bound; // < 2^48, exact
  const b = (x & 0xffff) * bound; // < 2^48, exact
  const aHigh = Math.floor(a / 65536);
  const rest = (a - aHigh * 65536) * 65536 + b; // < 2^49, exact
  return aHigh + Math.floor(rest / TWO_32);
}

/**
 * An unchecked generator for the package's own kernels, whose seed is already validated
 * (a splitter's `randomState`): no check per call of `nextInt`.
 *
 * @param seed - an integer in [0, 2^32 - 1]
 * @returns a fresh generator
 */
export function seededRng(seed: number): Xoshiro128StarStar {
  return new Xoshiro128StarStar(seed);
}
