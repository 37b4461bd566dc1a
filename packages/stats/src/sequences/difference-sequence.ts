import { StatsError } from '../errors.js';
import { checkVector, describeValue } from '../validation/check-arguments.js';
import { checkOptionKeys, type OptionKeys } from '../validation/check-option-keys.js';
import { BettingSequence, type BettingSequenceOptions } from './betting-sequence.js';
import { EmpiricalBernsteinSequence } from './empirical-bernstein-sequence.js';
import { checkBounded, type MeanSequence, type SequenceInterval } from './sequence-interval.js';

/** Which confidence sequence to build. */
export type ConfidenceSequenceMethod = 'betting' | 'empirical-bernstein';

/** Options of {@link createConfidenceSequence} and {@link differenceConfidenceSequence}. */
export interface MeanSequenceOptions extends BettingSequenceOptions {
  /** `'betting'` (default: the narrower) or `'empirical-bernstein'` (closed form, faster) */
  readonly method?: ConfidenceSequenceMethod;
}

/**
 * A confidence sequence accumulator for a mean in [0, 1], of either construction.
 *
 * @param options - `method` (default `'betting'`), `alpha` (default 0.05), `grid` (betting)
 * @returns a {@link BettingSequence} or an {@link EmpiricalBernsteinSequence}
 * @throws StatsError `INVALID_LEVEL`, `INVALID_COUNT`, `INVALID_OPTION` for an unknown `method`
 * @example
 * const cs = createConfidenceSequence({ method: 'empirical-bernstein', alpha: 0.05 });
 * cs.push(1);
 * cs.interval().n; // 1
 */
export function createConfidenceSequence(options: MeanSequenceOptions = {}): MeanSequence {
  return meanSequence('createConfidenceSequence', options);
}

const MEAN_SEQUENCE_KEYS: OptionKeys<MeanSequenceOptions> = {
  method: true,
  alpha: true,
  grid: true,
};

function meanSequence(fn: string, options: MeanSequenceOptions): MeanSequence {
  checkOptionKeys(fn, options, MEAN_SEQUENCE_KEYS);
  const { method = 'betting', ...rest } = options;
  const { grid, ...ebOptions } = rest;
  if (method === 'empirical-bernstein') {
    if (grid !== undefined) {
      throw new StatsError(
        'INVALID_OPTION',
        'options.grid',
        `${fn}: options.grid is an option of the 'betting' method only, got ${describeValue(grid)} with method 'empirical-bernstein'; leave it out or use method 'betting'.`,
      );
    }
    return new EmpiricalBernsteinSequence(ebOptions);
  }
  if (method === 'betting') return new BettingSequence(rest);
  throw new StatsError(
    'INVALID_OPTION',
    'options.method',
    `${fn}: options.method must be 'betting' or 'empirical-bernstein', got ${describeValue(method)}.`,
  );
}

/**
 * The confidence sequence of the mean per-item difference `a_i − b_i` of paired scores in
 * [0, 1] (two models' 0/1 correctness on the same items, say): the running interval after each
 * pair.
 *
 * @remarks
 * A difference lies in [−1, 1]; `y_i = (a_i − b_i + 1)/2` lies in [0, 1] and has mean
 * `(Δ + 1)/2`, so a sequence `[l, u]` for the mean of `y` is the sequence `[2l − 1, 2u − 1]` for
 * the mean difference `Δ`, valid at every `n` at once with the same probability. The pairing is
 * what makes it narrow: items both models get right (or wrong) contribute `y = 1/2`, no variance.
 * Source: Waudby-Smith & Ramdas (2023), JRSS-B 86(1), Section 1 (any bounded range rescales
 * to [0, 1]).
 *
 * @param a - per-item scores of the first model, in [0, 1]
 * @param b - per-item scores of the second model, same items in the same order
 * @param options - `method` (default `'betting'`), `alpha` (default 0.05), `grid` (betting)
 * @returns one `{ n, mean, lower, upper, empty }` per pair, on the scale of the difference
 *   ([−1, 1]); `empty` when the running intersection has crossed
 * @throws StatsError `LENGTH_MISMATCH`, `OUT_OF_BOUNDS` naming `a[i]` or `b[i]`, `INVALID_LEVEL`,
 *   `INVALID_OPTION` for an unknown `method`
 * @example
 * // model a answers 90% of the items right, model b 60%
 * const a = Array.from({ length: 300 }, (_, i) => (i % 10 < 9 ? 1 : 0));
 * const b = Array.from({ length: 300 }, (_, i) => (i % 10 < 6 ? 1 : 0));
 * const last = differenceConfidenceSequence(a, b, { alpha: 0.05 })[299];
 * last.mean; // 0.30000000000000004
 * [last.lower, last.upper]; // [0.21999999999999997, 0.3840000000000001]
 */
export function differenceConfidenceSequence(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: MeanSequenceOptions = {},
): SequenceInterval[] {
  checkVector('differenceConfidenceSequence', 'a', a, 'scores in [0, 1]');
  checkVector('differenceConfidenceSequence', 'b', b, 'scores in [0, 1]');
  if (a.length !== b.length) {
    throw new StatsError(
      'LENGTH_MISMATCH',
      'b',
      `differenceConfidenceSequence: a and b must pair the same items, but a has ${a.length} values and b has ${b.length}.`,
    );
  }
  const sequence = meanSequence('differenceConfidenceSequence', options);
  const out: SequenceInterval[] = [];
  for (let i = 0; i < a.length; i++) {
    checkBounded('differenceConfidenceSequence', `a[${i}]`, a[i]!);
    checkBounded('differenceConfidenceSequence', `b[${i}]`, b[i]!);
    sequence.push((a[i]! - b[i]! + 1) / 2);
    const s = sequence.interval();
    out.push({
      n: s.n,
      mean: 2 * s.mean - 1,
      lower: 2 * s.lower - 1,
      upper: 2 * s.upper - 1,
      empty: s.empty,
    });
  }
  return out;
}
