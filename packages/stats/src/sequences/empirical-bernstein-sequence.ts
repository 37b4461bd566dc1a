import { checkOptionKeys, type OptionKeys } from '../validation/check-option-keys.js';
import { PlugInBet } from './plug-in-bet.js';
import {
  type ConfidenceSequenceOptions,
  checkAlpha,
  checkBounded,
  type MeanSequence,
  runningIntervals,
  type SequenceInterval,
} from './sequence-interval.js';

const EB_KEYS: OptionKeys<ConfidenceSequenceOptions> = { alpha: true };
/** One side (a lower bound) of the predictable-mixture empirical-Bernstein sequence. */
class LowerBound {
  private readonly bet: PlugInBet;
  private readonly logTerm: number;
  private t = 0;
  private sum = 0;
  private weights = 0;
  private weighted = 0;
  private penalty = 0;

  constructor(alpha: number) {
    this.bet = new PlugInBet(alpha, 0.5);
    this.logTerm = Math.log(1 / alpha);
  }

  /** Takes in `x` and returns the lower bound after it. */
  push(x: number): number {
    const lambda = this.bet.next();
    const previousMean = this.t === 0 ? 0 : this.sum / this.t;
    const psi = -Math.log1p(-lambda) - lambda;
    this.penalty += (x - previousMean) ** 2 * psi;
    this.weights += lambda;
    this.weighted += lambda * x;
    this.bet.observe(x);
    this.t++;
    this.sum += x;
    return (this.weighted - this.logTerm - this.penalty) / this.weights;
  }
}

/**
 * The predictable-mixture empirical-Bernstein confidence sequence (PrPl-EB) for a mean in
 * [0, 1], as an accumulator: `push` each observation, read `interval()` at any time.
 *
 * @remarks
 * Each side spends `α/2`. With the plug-in bets `λ_i` of `PlugInBet` (tuned for `α/2`,
 * truncated at 1/2), `μ̂_{i−1}` the plain mean of the observations before `x_i` (0 before the
 * first) and `ψ_E(λ) = −log(1 − λ) − λ`, the lower bound after `t` observations is
 * `Σ λ_i x_i / Σ λ_i − (log(2/α) + Σ (x_i − μ̂_{i−1})² ψ_E(λ_i)) / Σ λ_i`,
 * and the upper bound is one minus the same bound computed on `1 − x`. The sequence is the
 * running intersection of these intervals, clipped to [0, 1]; where it crosses
 * (`lower > upper`: data that contradict independent draws with one mean) the interval has
 * `empty: true` and its ends mean nothing. Closed form, `O(1)` per
 * observation; a little wider than the betting sequence.
 * Source: Waudby-Smith & Ramdas (2023), JRSS-B 86(1), Theorem 2 (PrPl-EB), building on the
 * empirical-Bernstein sequences of Howard, Ramdas, McAuliffe & Sekhon (2021), "Time-uniform,
 * nonparametric, nonasymptotic confidence sequences", Annals of Statistics 49(2); the
 * reference implementation is confseq's `predmix_empbern_twosided_cs` (v0.0.11; truncation 1/2), whose values
 * the tests match.
 *
 * @example
 * const cs = new EmpiricalBernsteinSequence({ alpha: 0.05 });
 * for (let i = 0; i < 400; i++) cs.push(i % 5 === 0 ? 0 : 1);
 * cs.interval().mean; // 0.8
 * cs.interval().lower; // 0.72493300158…
 * cs.interval().upper; // 0.87176818606…
 */
export class EmpiricalBernsteinSequence implements MeanSequence {
  private readonly low: LowerBound;
  private readonly high: LowerBound;
  private n = 0;
  private sum = 0;
  private lower = 0;
  private upper = 1;

  /**
   * @param options - `alpha` (default 0.05)
   * @throws StatsError `INVALID_LEVEL` when alpha is not strictly between 0 and 1
   */
  constructor(options: ConfidenceSequenceOptions = {}) {
    checkOptionKeys('EmpiricalBernsteinSequence', options, EB_KEYS);
    const alpha = options.alpha ?? 0.05;
    checkAlpha('EmpiricalBernsteinSequence', alpha);
    this.low = new LowerBound(alpha / 2);
    this.high = new LowerBound(alpha / 2);
  }

  /**
   * Takes in the next observation and narrows the running interval.
   *
   * @param x - a number in [0, 1]
   * @throws StatsError `OUT_OF_BOUNDS` when `x` is NaN or outside [0, 1]
   */
  push(x: number): void {
    checkBounded('EmpiricalBernsteinSequence.push', 'x', x);
    this.lower = Math.max(this.lower, this.low.push(x));
    this.upper = Math.min(this.upper, 1 - this.high.push(1 - x));
    this.n++;
    this.sum += x;
  }

  /** The running interval after every observation pushed so far. */
  interval(): SequenceInterval {
    return {
      n: this.n,
      mean: this.n === 0 ? Number.NaN : this.sum / this.n,
      lower: this.lower,
      upper: this.upper,
      // the intersection only narrows, so a crossing is final
      empty: this.lower > this.upper,
    };
  }
}

/**
 * The empirical-Bernstein confidence sequence of a series of observations in [0, 1]: the
 * running interval after each one (see {@link EmpiricalBernsteinSequence}).
 *
 * @param values - observations in [0, 1], in the order they arrived
 * @param options - `alpha` (default 0.05)
 * @returns one `{ n, mean, lower, upper, empty }` per observation
 * @throws StatsError `OUT_OF_BOUNDS` naming `values[i]`, `INVALID_LEVEL`
 * @example
 * const x = Array.from({ length: 60 }, (_, i) => (i % 4 === 0 ? 0 : 1));
 * const cs = empiricalBernsteinConfidenceSequence(x, { alpha: 0.1 });
 * cs.length; // 60
 * [cs[59].lower, cs[59].upper]; // [0.56501247771…, 0.93316788559…]
 */
export function empiricalBernsteinConfidenceSequence(
  values: ArrayLike<number>,
  options: ConfidenceSequenceOptions = {},
): SequenceInterval[] {
  return runningIntervals(
    'empiricalBernsteinConfidenceSequence',
    values,
    new EmpiricalBernsteinSequence(options),
  );
}
