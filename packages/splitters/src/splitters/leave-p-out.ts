import { SplitError } from '../errors.js';
import { checkInteger } from '../input/check-options.js';
import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import { resolveInput } from '../input/resolve-input.js';
import { binomial, combinations } from '../kernels/combinations.js';
import type { CrossValidator, Split, SplitInputLike } from '../types.js';

/** Options of {@link LeavePOut}. */
export interface LeavePOutOptions {
  /** Size of each test set, an integer >= 1 (required). */
  readonly p: number;
}

const LEAVE_P_OUT_KEYS: OptionKeys<LeavePOutOptions> = { p: true };

/**
 * Leave-p-out: every set of `p` rows is the test set once (C(n, p) splits).
 *
 * @remarks
 * Test sets come in lexicographic order, as scikit-learn's
 * `itertools.combinations(range(n), p)`. Test sets overlap, so there is no
 * `foldIds`. The count grows combinatorially: prefer KFold on large data.
 *
 * @example
 * ```ts
 * import { LeavePOut } from '@assay/splitters';
 * [...new LeavePOut({ p: 2 }).split(3)].map((s) => s.test); // [[0, 1], [0, 2], [1, 2]]
 * ```
 * @see sklearn.model_selection.LeavePOut
 */
export class LeavePOut implements CrossValidator {
  /** Size of each test set. */
  readonly p: number;

  /**
   * @param options - `{ p }`
   * @throws {@link SplitError} `INVALID_OPTION` unless `p` is an integer >= 1
   */
  constructor(options: LeavePOutOptions) {
    const o = checkOptions<Partial<LeavePOutOptions>>(options, 'LeavePOut', LEAVE_P_OUT_KEYS);
    this.p = checkInteger(o.p, 'options.p', 1);
  }

  /**
   * Yields the C(n, p) splits lazily.
   *
   * @param input - `{ n }`, `{ y }`, `{ groups }` or a bare row count
   * @returns a generator of `{ train, test }`, indices ascending
   * @throws {@link SplitError} `INVALID_N`, `LENGTH_MISMATCH`, `TOO_FEW_SAMPLES` (p >= n)
   */
  split(input: SplitInputLike): Generator<Split, void, undefined> {
    const { n } = resolveInput(input);
    if (n <= this.p) {
      throw new SplitError(
        'TOO_FEW_SAMPLES',
        `LeavePOut: p=${this.p} must be strictly less than the number of samples n=${n}.`,
        'options.p',
      );
    }
    return this.generate(n);
  }

  private *generate(n: number): Generator<Split, void, undefined> {
    const inTest = new Uint8Array(n);
    for (const combo of combinations(n, this.p)) {
      for (const i of combo) inTest[i] = 1;
      const train = new Uint32Array(n - this.p);
      let r = 0;
      for (let i = 0; i < n; i++) if (inTest[i] === 0) train[r++] = i;
      for (const i of combo) inTest[i] = 0;
      yield { train, test: combo.slice() };
    }
  }

  /**
   * @param input - the rows (required)
   * @returns C(n, p), rounded to the nearest double above 2^53
   * @throws {@link SplitError} `MISSING_INPUT` without input, `INVALID_N`
   */
  getNSplits(input?: SplitInputLike): number {
    if (input === undefined) {
      throw new SplitError(
        'MISSING_INPUT',
        'LeavePOut.getNSplits needs the input: the number of splits is C(n, p).',
        'input',
      );
    }
    return Number(binomial(resolveInput(input).n, this.p));
  }
}
