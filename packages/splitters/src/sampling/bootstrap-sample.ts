import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import { checkN } from '../input/resolve-input.js';
import { resolveRandomState } from '../random/seed.js';
import { seededRng } from '../random/xoshiro128.js';

/** Options of {@link bootstrapSample}. */
export interface BootstrapSampleOptions {
  /** Seed, an integer in [0, 2^32 - 1]; default 0. */
  readonly randomState?: number;
}

const BOOTSTRAP_KEYS: OptionKeys<BootstrapSampleOptions> = { randomState: true };

/** A bootstrap resample of `n` rows. */
export interface BootstrapSample {
  /** `n` row indices drawn with replacement, sorted ascending (repeats adjacent). */
  readonly indices: Uint32Array;
  /** Rows never drawn, ascending (about 36.8% of `n`). */
  readonly outOfBag: Uint32Array;
}

/**
 * Draws a bootstrap resample: `n` rows with replacement, plus the out-of-bag rows.
 *
 * @remarks
 * Draw `k` is `rng.nextInt(n)` for `k = 0 .. n-1` with `rng = createRng(randomState)`;
 * the multiset of draws is returned sorted (the order of a resample carries no
 * information, and sorted indices read memory in order). O(n), typed arrays only.
 *
 * @param n - number of rows, a non-negative integer below 2^32
 * @param options - `randomState` (default 0)
 * @returns `{ indices, outOfBag }`
 * @throws {@link SplitError} `INVALID_N`, `INVALID_OPTION` (bad randomState)
 * @example
 * ```ts
 * import { bootstrapSample } from '@assay/splitters';
 * const { indices, outOfBag } = bootstrapSample(1000, { randomState: 3 });
 * indices.length; // 1000
 * ```
 * @see sklearn.utils.resample
 */
export function bootstrapSample(n: number, options: BootstrapSampleOptions = {}): BootstrapSample {
  const o = checkOptions(options, 'bootstrapSample', BOOTSTRAP_KEYS);
  checkN(n, 'n');
  const rng = seededRng(resolveRandomState(o.randomState));
  const counts = new Uint32Array(n);
  for (let k = 0; k < n; k++) counts[rng.nextInt(n)]! += 1;
  const indices = new Uint32Array(n);
  let outOfBagSize = 0;
  let p = 0;
  for (let i = 0; i < n; i++) {
    const c = counts[i]!;
    if (c === 0) outOfBagSize++;
    else {
      indices.fill(i, p, p + c);
      p += c;
    }
  }
  const outOfBag = new Uint32Array(outOfBagSize);
  let q = 0;
  for (let i = 0; i < n; i++) if (counts[i] === 0) outOfBag[q++] = i;
  return { indices, outOfBag };
}
