import { checkCount } from '../validation/check-arguments.js';
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

/** Options of {@link BettingSequence} and {@link bettingConfidenceSequence}. */
export interface BettingSequenceOptions extends ConfidenceSequenceOptions {
  /** candidate means are `0, 1/grid, …, 1` (default 1000, confseq's `breaks`) */
  readonly grid?: number;
}

const BETTING_KEYS: OptionKeys<BettingSequenceOptions> = { alpha: true, grid: true };

/**
 * The hedged-capital betting confidence sequence of Waudby-Smith & Ramdas (2023) for a mean in
 * [0, 1], as an accumulator: `push` each observation, read `interval()` at any time.
 *
 * @remarks
 * For each candidate mean `m` on a grid, two gamblers bet that the mean is above, and below, `m`:
 * `K⁺_t(m) = Π_{i≤t} (1 + λ⁺_i(m)(x_i − m))`, `K⁻_t(m) = Π_{i≤t} (1 − λ⁻_i(m)(x_i − m))`, with the
 * predictable plug-in bet `λ_i` (see `PlugInBet`, tuned for `α/2`: each side's share of `α`) truncated to
 * `λ⁺_i(m) = min(λ_i, 1/(2m))` and `λ⁻_i(m) = min(λ_i, 1/(2(1 − m)))`. The hedged capital
 * `K_t(m) = max(K⁺_t(m), K⁻_t(m)) / 2` is a nonnegative supermartingale when `m` is the true mean,
 * so by Ville's inequality `P(∃t: K_t(μ) ≥ 1/α) ≤ α`. The interval at `t` spans the grid points
 * with `K_t(m) ≤ 1/α`, widened by one grid step on each side (the grid's rounding), and is
 * intersected with every earlier interval (the running intersection, still valid at level α).
 * The intersection can cross (`lower > upper`) when the data contradict independent draws with
 * one mean (300 ones then 3000 zeros end at lower 0.975, upper 0.789; confseq's too): the
 * interval then has `empty: true` and its ends mean nothing (see `SequenceInterval`).
 * It adapts to the variance: far narrower than Hoeffding when the mean is near 0 or 1.
 * Capitals are kept as logarithms, so long sequences neither overflow nor underflow.
 * Source: I. Waudby-Smith and A. Ramdas, "Estimating means of bounded random variables by
 * betting", JRSS-B 86(1), 2023, Theorem 3 and Section 4 (hedged capital, PrPl bets); the
 * reference implementation is confseq's `hedged_cs` as of v0.0.11 (commit 70b1ef3; theta 1/2,
 * trunc_scale 1/2, breaks = grid), whose values the tests match to the grid point. Since confseq
 * v0.0.10 `hedged_cs` tunes each side's bet for `alpha · theta` = `α/2`; earlier versions (and
 * this package before) tuned it for `α`. The candidate means are confseq's `j · (1/grid)`.
 * Cost: `O(grid)` per observation.
 *
 * @example
 * const cs = new BettingSequence({ alpha: 0.05 });
 * for (let i = 0; i < 400; i++) cs.push(i % 5 === 0 ? 0 : 1); // accuracy 0.8
 * cs.interval().lower; // 0.726
 * cs.interval().upper; // 0.861
 */
export class BettingSequence implements MeanSequence {
  private readonly grid: number;
  private readonly step: number;
  private readonly logThreshold: number;
  private readonly bet: PlugInBet;
  private readonly up: Float64Array;
  private readonly down: Float64Array;
  private n = 0;
  private sum = 0;
  private lower = 0;
  private upper = 1;

  /**
   * @param options - `alpha` (default 0.05) and the `grid` of candidate means (default 1000)
   * @throws StatsError `INVALID_LEVEL` (alpha) or `INVALID_COUNT` (grid below 2)
   */
  constructor(options: BettingSequenceOptions = {}) {
    checkOptionKeys('BettingSequence', options, BETTING_KEYS);
    const alpha = options.alpha ?? 0.05;
    checkAlpha('BettingSequence', alpha);
    this.grid = options.grid ?? 1000;
    checkCount('BettingSequence', 'options.grid', this.grid, 2);
    this.step = 1 / this.grid;
    // max(K⁺, K⁻)/2 ≤ 1/α  ⇔  max(log K⁺, log K⁻) ≤ log(2/α)
    this.logThreshold = Math.log(2 / alpha);
    // each side is a level-α/2 test (hedged_cs passes alpha · theta, theta = 1/2, since
    // confseq 0.0.10), so each side's bet is tuned for α/2
    this.bet = new PlugInBet(alpha / 2, Number.POSITIVE_INFINITY);
    this.up = new Float64Array(this.grid + 1);
    this.down = new Float64Array(this.grid + 1);
  }

  /**
   * Takes in the next observation and narrows the running interval.
   *
   * @param x - a number in [0, 1]
   * @throws StatsError `OUT_OF_BOUNDS` when `x` is NaN or outside [0, 1]
   */
  push(x: number): void {
    checkBounded('BettingSequence.push', 'x', x);
    const bet = this.bet.next();
    const g = this.grid;
    const step = this.step;
    let first = -1;
    let last = -1;
    for (let j = 0; j <= g; j++) {
      // confseq's grid is numpy's arange: j · (1/grid), which differs from j/grid in the last bit
      const m = j * step;
      const up = Math.min(bet, 0.5 / m);
      const down = Math.min(bet, 0.5 / (1 - m));
      this.up[j]! += Math.log1p(up * (x - m));
      this.down[j]! += Math.log1p(-down * (x - m));
      if (Math.max(this.up[j]!, this.down[j]!) <= this.logThreshold) {
        if (first < 0) first = j;
        last = j;
      }
    }
    this.bet.observe(x);
    this.n++;
    this.sum += x;
    // no candidate left: the grid is too coarse to say more, so this step narrows nothing
    if (first < 0) return;
    this.lower = Math.max(this.lower, Math.max(0, first * step - step));
    this.upper = Math.min(this.upper, Math.min(1, last * step + step));
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
 * The betting confidence sequence of a series of observations in [0, 1]: the running interval
 * after each one (see {@link BettingSequence} for the construction and its source).
 *
 * @param values - observations in [0, 1], in the order they arrived
 * @param options - `alpha` (default 0.05) and the `grid` of candidate means (default 1000)
 * @returns one `{ n, mean, lower, upper, empty }` per observation; with probability at least
 *   `1 − alpha` every one of them holds the true mean (`empty` marks a crossed intersection)
 * @throws StatsError `OUT_OF_BOUNDS` naming `values[i]`, `INVALID_LEVEL`, `INVALID_COUNT`
 * @example
 * const outcomes = Array.from({ length: 200 }, (_, i) => (i % 4 === 0 ? 0 : 1));
 * const cs = bettingConfidenceSequence(outcomes, { alpha: 0.05 });
 * cs.length; // 200
 * [cs[99].lower, cs[99].upper]; // [0.604, 0.862]
 * [cs[199].lower, cs[199].upper]; // [0.642, 0.839]
 */
export function bettingConfidenceSequence(
  values: ArrayLike<number>,
  options: BettingSequenceOptions = {},
): SequenceInterval[] {
  return runningIntervals('bettingConfidenceSequence', values, new BettingSequence(options));
}
