import { describeValue } from '@assay/labels';
import { SplitError } from '../errors.js';
import { checkInteger } from '../input/check-options.js';
import { type Rng, Xoshiro128StarStar } from './xoshiro128.js';

const TWO_32 = 4294967296;

/** The generator {@link createRng} hands out: the same stream, with `nextInt`'s bound checked. */
class CheckedXoshiro128 extends Xoshiro128StarStar {
  override reseed(seed: number): void {
    checkInteger(seed, 'seed', 0, 0xffffffff);
    super.reseed(seed);
  }

  override nextInt(bound: number): number {
    if (typeof bound !== 'number' || !Number.isInteger(bound) || bound < 1 || bound > TWO_32) {
      throw new SplitError(
        'INVALID_OPTION',
        `nextInt: bound must be an integer in [1, 4294967296] (the draw is in [0, bound)), got ${describeValue(bound)}.`,
        'bound',
      );
    }
    return super.nextInt(bound);
  }
}

/**
 * Creates a seeded xoshiro128** generator.
 *
 * @remarks
 * The 128-bit state is four successive outputs of splitmix32 started at
 * `seed` (Weyl increment `0x9e3779b9`, multipliers `0x21f0aaad`, `0x735a2d97`,
 * shifts 16/15/15). The same seed gives the same stream everywhere. The stream
 * cannot match numpy's Mersenne Twister, so shuffled folds differ from
 * scikit-learn's while keeping every size and proportion.
 *
 * The seed is checked once here, and each `nextInt(bound)` of the returned generator
 * checks its bound; the package's kernels (`shuffleInPlace`, `drawIndices`, the splitters)
 * run the same stream unchecked, with the state in locals.
 *
 * @param seed - an integer in [0, 2^32 - 1]
 * @returns a fresh generator
 * @throws {@link SplitError} `INVALID_OPTION` (path `seed`) unless `seed` is such an integer
 *   (so does the generator's `reseed`); its `nextInt` throws `INVALID_OPTION` (path `bound`)
 *   unless the bound is an integer in [1, 2^32]
 * @example
 * ```ts
 * import { createRng } from '@assay/splitters';
 * const rng = createRng(42);
 * rng.nextInt(6); // 0 (a die roll, the same on every machine)
 * rng.nextInt(6); // 5
 * rng.reseed(42); // back to the start of createRng(42)'s stream, without a new generator
 * rng.nextInt(6); // 0
 * ```
 * @see numpy.random.RandomState (the generator scikit-learn uses)
 */
export function createRng(seed: number): Rng {
  // the constructor checks the seed through `reseed`
  return new CheckedXoshiro128(seed);
}
