/** Buckets per unit of `ln(1 + ms)`: neighbouring bucket edges differ by about 1%. */
const PER_UNIT = 100;
/** `ln(1 + ms)` up to 20: latencies up to about 4.8e8 ms (the last bucket holds the rest). */
const BUCKETS = 20 * PER_UNIT + 1;

/**
 * Latencies counted in logarithmic buckets, for the live progress line: adding is O(1) and a
 * percentile O(buckets), whatever the number of requests, so the once-a-second progress report
 * never sorts a growing array on the generator's event loop.
 *
 * @remarks
 * A value `v` ms falls in bucket `round(100 · ln(1 + v))`; a percentile is the value of the
 * bucket where the cumulative count reaches `q · n` (nearest rank), so it is within about 0.5%
 * (and 0.01 ms near 0) of the exact one. Progress only: the results JSON is computed exactly
 * from the records.
 *
 * @example
 * ```ts
 * const h = new ProgressHistogram();
 * for (const ms of [80, 120, 125, 400]) h.add(ms);
 * h.percentile(50); // 120.5… (within about 0.5%)
 * ```
 */
export class ProgressHistogram {
  private readonly counts = new Uint32Array(BUCKETS);
  /** Values added. */
  count = 0;

  /** @param ms - a latency, ms (negative counts as 0) */
  add(ms: number): void {
    const bucket = Math.round(PER_UNIT * Math.log1p(Math.max(0, ms)));
    this.counts[Math.min(BUCKETS - 1, bucket)]!++;
    this.count++;
  }

  /**
   * @param q - percentile in [0, 100]
   * @returns the approximate percentile, ms; `null` when nothing was added
   */
  percentile(q: number): number | null {
    if (this.count === 0) return null;
    const rank = Math.max(1, Math.ceil((q / 100) * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return Math.expm1(i / PER_UNIT);
    }
    return Math.expm1((BUCKETS - 1) / PER_UNIT);
  }
}
