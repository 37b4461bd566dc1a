/**
 * The predictable plug-in bet of Waudby-Smith & Ramdas (2023), shared by the betting and the
 * empirical-Bernstein sequences: a bet that shrinks like `1/sqrt(t log t)` and grows where the
 * data have little variance. "Predictable" means the bet for observation `t` reads only the
 * observations before it, which is what keeps the capital process a martingale.
 *
 * @remarks
 * With a prior mean `1/2` and prior variance `1/4` counted as one observation (confseq's
 * `lambda_predmix_eb` defaults):
 * `μ̂_t = min((1/2 + Σ_{i≤t} x_i) / (t + 1), 1)`,
 * `σ̂²_t = (1/4 + Σ_{i≤t} (x_i − μ̂_i)²) / (t + 1)`,
 * `λ_t = min(sqrt(2 log(1/a) / (t log(1 + t) σ̂²_{t−1})), c)`.
 * `a` is the level the bet is tuned for (`α/2` per side for both the empirical-Bernstein
 * sequence and the hedged capital process, as confseq v0.0.11's `predmix_empbern_twosided_cs`
 * and `hedged_cs` pass it) and `c` the truncation.
 * Source: Waudby-Smith & Ramdas (2023), JRSS-B 86(1), eq. (26)–(27); confseq `lambda_predmix_eb`.
 * @example
 * ```ts
 * const bet = new PlugInBet(0.025, Infinity);
 * bet.next(); // 6.524984655851606 (√(2 ln 40 / (1 · ln 2 · 1/4)))
 * bet.observe(1);
 * bet.next(); // 4.635696474227656
 * ```
 */
export class PlugInBet {
  private t = 0;
  private sum = 0;
  private squares = 0;
  private variance = 0.25;
  private readonly logTerm: number;

  /**
   * @param alpha - the level `a` the bet is tuned for
   * @param truncation - the largest bet `c` (Infinity: none)
   */
  constructor(
    alpha: number,
    private readonly truncation: number,
  ) {
    this.logTerm = 2 * Math.log(1 / alpha);
  }

  /** The bet for the next observation, from the ones seen so far. */
  next(): number {
    const t = this.t + 1;
    const bet = Math.sqrt(this.logTerm / (t * Math.log(1 + t) * this.variance));
    return Math.min(Number.isNaN(bet) ? 0 : bet, this.truncation);
  }

  /** Takes in one observation in [0, 1]. */
  observe(x: number): void {
    this.t++;
    this.sum += x;
    const mean = Math.min((0.5 + this.sum) / (this.t + 1), 1);
    this.squares += (x - mean) ** 2;
    this.variance = (0.25 + this.squares) / (this.t + 1);
  }
}
