import { StatsError } from '../errors.js';
import { checkVector, describeValue } from '../validation/check-arguments.js';

/** A confidence sequence's interval after `n` observations. */
export interface SequenceInterval {
  /** observations so far */
  readonly n: number;
  /** their plain mean (NaN before the first) */
  readonly mean: number;
  /** lower end of the running interval (0 before the first observation) */
  readonly lower: number;
  /** upper end of the running interval (1 before the first observation) */
  readonly upper: number;
  /**
   * true when the running intersection is empty (`lower > upper`): the observations so far
   * contradict the assumption of independent draws with one fixed mean (a drift, a shift
   * between segments), so no mean is compatible with them and `lower`/`upper` must not be
   * read as an interval. Once true it stays true. Happens with probability at most `alpha`
   * when the assumption holds.
   */
  readonly empty: boolean;
}

/** Options shared by the confidence sequences of a bounded mean. */
export interface ConfidenceSequenceOptions {
  /**
   * the miss probability: with probability at least `1 − alpha` the interval holds the true
   * mean at every `n` at once (default 0.05)
   */
  readonly alpha?: number;
}

/** An accumulating confidence sequence for a mean in [0, 1]: `push` observations, read `interval`. */
export interface MeanSequence {
  /**
   * Takes in the next observation.
   *
   * @param x - a number in [0, 1]
   * @throws StatsError `OUT_OF_BOUNDS` when `x` is NaN or outside [0, 1]
   */
  push(x: number): void;
  /** The running interval after every observation pushed so far. */
  interval(): SequenceInterval;
}

/**
 * Throws unless `alpha` is a miss probability strictly between 0 and 1.
 *
 * @param fn - the public function or class, for the message
 * @param alpha - the value to check
 * @throws StatsError `INVALID_LEVEL`
 * @example
 * ```ts
 * checkAlpha('bettingConfidenceSequence', 0.05); // undefined
 * try { checkAlpha('bettingConfidenceSequence', 1); } catch (error) {
 *   error.code; // 'INVALID_LEVEL'
 * }
 * ```
 */
export function checkAlpha(fn: string, alpha: number): void {
  if (typeof alpha === 'number' && alpha > 0 && alpha < 1) return;
  throw new StatsError(
    'INVALID_LEVEL',
    'options.alpha',
    `${fn}: options.alpha must be a miss probability strictly between 0 and 1 (e.g. 0.05 for 95% confidence), got ${describeValue(alpha)}.`,
  );
}

/**
 * Throws unless `x` is an observation in [low, high].
 *
 * @param fn - the public function or class, for the message
 * @param path - the argument, e.g. `'x'` or `'values[3]'`
 * @param x - the value to check
 * @param low - lower bound of the range (default 0)
 * @param high - upper bound of the range (default 1)
 * @throws StatsError `OUT_OF_BOUNDS`
 * @example
 * ```ts
 * checkBounded('f', 'x', 5, 0, 10); // undefined
 * try { checkBounded('BettingSequence.push', 'x', 1.2); } catch (error) {
 *   error.message; // 'BettingSequence.push: x must be a number in [0, 1] (a confidence sequence needs bounded observations), got 1.2.'
 * }
 * ```
 */
export function checkBounded(fn: string, path: string, x: number, low = 0, high = 1): void {
  if (typeof x === 'number' && x >= low && x <= high) return;
  throw new StatsError(
    'OUT_OF_BOUNDS',
    path,
    `${fn}: ${path} must be a number in [${low}, ${high}] (a confidence sequence needs bounded observations), got ${describeValue(x)}.`,
  );
}

/**
 * Pushes every value into a sequence and collects the running interval after each one,
 * checking each value lies in [0, 1] first (named `values[i]` of `fn` when it does not).
 *
 * @param fn - the public function, for error messages
 * @param values - observations in arrival order
 * @param sequence - a fresh accumulator
 * @returns one interval per observation
 * @example
 * ```ts
 * const intervals = runningIntervals('bettingConfidenceSequence', [1, 0, 1], new BettingSequence());
 * intervals.map((i) => i.mean); // [1, 0.5, 0.6666666666666666]
 * try { runningIntervals('f', [0.5, 2], new BettingSequence()); } catch (error) {
 *   error.path; // 'values[1]'
 * }
 * ```
 */
export function runningIntervals(
  fn: string,
  values: ArrayLike<number>,
  sequence: MeanSequence,
): SequenceInterval[] {
  checkVector(fn, 'values', values, 'observations in [0, 1]');
  const out: SequenceInterval[] = [];
  for (let i = 0; i < values.length; i++) {
    checkBounded(fn, `values[${i}]`, values[i]!);
    sequence.push(values[i]!);
    out.push(sequence.interval());
  }
  return out;
}
