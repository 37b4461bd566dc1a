import { SplitError } from '../errors.js';
import { checkInteger } from '../input/check-options.js';
import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import { resolveInput } from '../input/resolve-input.js';
import type { CrossValidator, Split, SplitInputLike } from '../types.js';

/** Options of {@link TimeSeriesSplit}. */
export interface TimeSeriesSplitOptions {
  /** Number of splits, an integer >= 2; default 5. */
  readonly nSplits?: number;
  /** Cap on the train window (the most recent rows are kept), an integer >= 1; default unbounded. */
  readonly maxTrainSize?: number;
  /** Rows per test window, an integer >= 1; default `floor(n / (nSplits + 1))`. */
  readonly testSize?: number;
  /** Rows dropped between the end of train and the start of test, an integer >= 0; default 0. */
  readonly gap?: number;
}

const TIME_SERIES_KEYS: OptionKeys<TimeSeriesSplitOptions> = {
  nSplits: true,
  maxTrainSize: true,
  testSize: true,
  gap: true,
};

function range(start: number, stop: number): Uint32Array {
  const out = new Uint32Array(Math.max(0, stop - start));
  for (let i = 0; i < out.length; i++) out[i] = start + i;
  return out;
}

/**
 * Time-series cross-validation: expanding (or capped) train windows, each
 * followed by the next test window; rows are assumed in time order.
 *
 * @remarks
 * Exactly scikit-learn 1.2.1: test windows of `testSize` rows end at the last
 * row; split `k`'s test starts at `n - (nSplits - k) * testSize`; train ends
 * `gap` rows before it and holds at most `maxTrainSize` rows. Train is not
 * the complement of test, so there is no `foldIds`.
 *
 * @example
 * ```ts
 * import { TimeSeriesSplit } from '@assay/splitters';
 * const splits = [...new TimeSeriesSplit({ nSplits: 3, gap: 1 }).split(8)];
 * splits.map((s) => s.train); // [[0], [0, 1, 2], [0, 1, 2, 3, 4]]
 * splits.map((s) => s.test); // [[2, 3], [4, 5], [6, 7]]
 * ```
 * @see sklearn.model_selection.TimeSeriesSplit
 */
export class TimeSeriesSplit implements CrossValidator {
  /** Number of splits. */
  readonly nSplits: number;
  /** Train window cap, if any. */
  readonly maxTrainSize: number | undefined;
  /** Test window length, if fixed. */
  readonly testSize: number | undefined;
  /** Rows skipped between train and test. */
  readonly gap: number;

  /**
   * @param options - `nSplits` (default 5), `maxTrainSize`, `testSize`, `gap` (default 0)
   * @throws {@link SplitError} `INVALID_OPTION`
   */
  constructor(options: TimeSeriesSplitOptions = {}) {
    const o = checkOptions(options, 'TimeSeriesSplit', TIME_SERIES_KEYS);
    this.nSplits = checkInteger(o.nSplits ?? 5, 'options.nSplits', 2);
    this.maxTrainSize =
      o.maxTrainSize === undefined
        ? undefined
        : checkInteger(o.maxTrainSize, 'options.maxTrainSize', 1);
    this.testSize =
      o.testSize === undefined ? undefined : checkInteger(o.testSize, 'options.testSize', 1);
    this.gap = checkInteger(o.gap ?? 0, 'options.gap', 0);
  }

  /**
   * Yields the `nSplits` splits in time order; input is validated before the first split.
   *
   * @param input - `{ n }`, `{ y }`, `{ groups }` or a bare row count
   * @returns a generator of `{ train, test }`, indices ascending
   * @throws {@link SplitError} `INVALID_N`, `LENGTH_MISMATCH`, `TOO_FEW_SAMPLES`
   *   (`nSplits + 1 > n`, or `n - gap - testSize * nSplits <= 0`)
   */
  split(input: SplitInputLike): Generator<Split, void, undefined> {
    const { n } = resolveInput(input);
    const nFolds = this.nSplits + 1;
    const testSize = this.testSize ?? Math.floor(n / nFolds);
    if (nFolds > n) {
      throw new SplitError(
        'TOO_FEW_SAMPLES',
        `TimeSeriesSplit: cannot have nSplits + 1 = ${nFolds} folds with only n=${n} samples; ${
          // no split has fewer than 2 folds, so fewer than 3 rows leave no nSplits to advise
          n - 1 >= 2 ? `use nSplits <= ${n - 1}.` : 'TimeSeriesSplit needs at least 3 rows.'
        }`,
        'options.nSplits',
      );
    }
    if (n - this.gap - testSize * this.nSplits <= 0) {
      throw new SplitError(
        'TOO_FEW_SAMPLES',
        `TimeSeriesSplit: too many splits nSplits=${this.nSplits} for n=${n} samples with testSize=${testSize} and gap=${this.gap}; need n - gap - testSize * nSplits > 0.`,
        'options.nSplits',
      );
    }
    return this.generate(n, testSize);
  }

  private *generate(n: number, testSize: number): Generator<Split, void, undefined> {
    for (let testStart = n - this.nSplits * testSize; testStart < n; testStart += testSize) {
      const trainEnd = testStart - this.gap;
      const trainStart =
        this.maxTrainSize !== undefined && this.maxTrainSize < trainEnd
          ? trainEnd - this.maxTrainSize
          : 0;
      yield { train: range(trainStart, trainEnd), test: range(testStart, testStart + testSize) };
    }
  }

  /**
   * @param _input - ignored
   * @returns `nSplits`
   */
  getNSplits(_input?: SplitInputLike): number {
    return this.nSplits;
  }
}
