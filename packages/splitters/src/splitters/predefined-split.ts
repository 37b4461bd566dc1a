import { SplitError } from '../errors.js';
import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import { resolveInput } from '../input/resolve-input.js';
import { splitsFromFoldIds } from '../kernels/fold-ids-split.js';
import type { FoldIdCrossValidator, Split, SplitInputLike } from '../types.js';

/** Options of {@link PredefinedSplit}. */
export interface PredefinedSplitOptions {
  /**
   * Each row's fold label, an integer; rows labelled -1 are never tested
   * (always train). Split `k` tests the `k`-th smallest distinct label.
   */
  readonly testFold: ArrayLike<number>;
}

const PREDEFINED_KEYS: OptionKeys<PredefinedSplitOptions> = { testFold: true };

/**
 * Predefined split: folds given up front, one label per row.
 *
 * @remarks
 * As scikit-learn: one split per distinct label other than -1, in ascending
 * label order. `foldIds` renumbers labels to 0..K-1 in that order.
 *
 * @example
 * ```ts
 * import { PredefinedSplit } from '@assay/splitters';
 * const ps = new PredefinedSplit({ testFold: [0, 1, -1, 1] });
 * [...ps.split()].map((s) => s.test); // [[0], [1, 3]]
 * ```
 * @see sklearn.model_selection.PredefinedSplit
 */
export class PredefinedSplit implements FoldIdCrossValidator {
  /** The fold labels as given (copied). */
  readonly testFold: Int32Array;
  /** Distinct labels other than -1, ascending; split `k` tests `folds[k]`. */
  readonly folds: Int32Array;
  private readonly ids: Int32Array;

  /**
   * @param options - `{ testFold }`
   * @throws {@link SplitError} `INVALID_OPTION` unless `testFold` is an array of 32-bit integers
   */
  constructor(options: PredefinedSplitOptions) {
    const o = checkOptions<Partial<PredefinedSplitOptions>>(
      options,
      'PredefinedSplit',
      PREDEFINED_KEYS,
    );
    const raw = o.testFold;
    if (
      raw === undefined ||
      raw === null ||
      typeof raw !== 'object' ||
      typeof raw.length !== 'number'
    ) {
      throw new SplitError(
        'INVALID_OPTION',
        'PredefinedSplit: options.testFold must be an array of integer fold labels, one per row (-1 = never tested).',
        'options.testFold',
      );
    }
    const testFold = new Int32Array(raw.length);
    for (let i = 0; i < raw.length; i++) {
      const v = raw[i];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < -2147483648 || v > 2147483647) {
        throw new SplitError(
          'INVALID_OPTION',
          `PredefinedSplit: options.testFold[${i}] is ${String(v)}; every entry must be an integer fold label (-1 = never tested).`,
          'options.testFold',
        );
      }
      testFold[i] = v;
    }
    this.testFold = testFold;
    const distinct = [...new Set(testFold)].filter((v) => v !== -1).sort((a, b) => a - b);
    this.folds = Int32Array.from(distinct);
    const rank = new Map<number, number>(distinct.map((v, k) => [v, k]));
    this.ids = testFold.map((v) => (v === -1 ? -1 : rank.get(v)!));
  }

  private check(input: SplitInputLike | undefined): void {
    if (input === undefined) return;
    const { n } = resolveInput(input);
    if (n !== this.testFold.length) {
      throw new SplitError(
        'LENGTH_MISMATCH',
        `PredefinedSplit: options.testFold has ${this.testFold.length} rows but the input has ${n}; testFold needs one label per row.`,
        'options.testFold',
      );
    }
  }

  /**
   * Each row's test fold, renumbered: the index into {@link PredefinedSplit.folds}, -1 kept.
   *
   * @param input - optional; when given, its row count must equal `testFold.length`
   * @returns a fresh Int32Array
   * @throws {@link SplitError} `LENGTH_MISMATCH`
   * @example
   * ```ts
   * new PredefinedSplit({ testFold: [5, -1, 2] }).foldIds(); // Int32Array [1, -1, 0]
   * ```
   */
  foldIds(input?: SplitInputLike): Int32Array {
    this.check(input);
    return this.ids.slice();
  }

  /**
   * Yields one split per distinct label other than -1.
   *
   * @param input - optional; when given, its row count must equal `testFold.length`
   * @returns a generator of `{ train, test }`, indices ascending
   * @throws {@link SplitError} `LENGTH_MISMATCH`
   */
  split(input?: SplitInputLike): Generator<Split, void, undefined> {
    this.check(input);
    return splitsFromFoldIds(this.ids, this.folds.length);
  }

  /**
   * @param _input - ignored
   * @returns the number of distinct labels other than -1
   */
  getNSplits(_input?: SplitInputLike): number {
    return this.folds.length;
  }
}
