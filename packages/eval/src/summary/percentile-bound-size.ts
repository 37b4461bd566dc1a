import { quantileInterval } from '@assay/stats';

const PERCENTILE_METRIC = /^p(\d+)_(latency|ttft|tpot)_ms$/;

/** A timing percentile metric read apart: its quantile and the timing it is of. */
export interface PercentileMetric {
  /** the quantile, in (0, 1) (0.95 for `p95_latency_ms`) */
  readonly q: number;
  /** the timing: end-to-end latency, time to first token or time per output token */
  readonly timing: 'latency' | 'ttft' | 'tpot';
}

/**
 * Reads a timing percentile metric's name (`p95_latency_ms`, `p50_ttft_ms`, `p95_tpot_ms`).
 *
 * @param metric - a metric name
 * @returns its quantile and timing, or undefined for any other metric
 * @example
 * percentileMetric('p95_latency_ms'); // { q: 0.95, timing: 'latency' }
 * percentileMetric('error_rate'); // undefined
 */
export function percentileMetric(metric: string): PercentileMetric | undefined {
  const match = PERCENTILE_METRIC.exec(metric);
  if (match === null) return undefined;
  return { q: Number(match[1]) / 100, timing: match[2] as PercentileMetric['timing'] };
}

/**
 * Whether `n` observations give the `q` quantile's interval an end: the rule of the interval
 * the thresholds read (`quantileInterval` of `@assay/stats`), asked of `n` distinct values.
 */
function hasEnd(n: number, q: number, level: number, upper: boolean): boolean {
  const interval = quantileInterval(
    Array.from({ length: n }, (_, i) => i),
    q,
    level,
  );
  return interval !== null && interval[upper ? 1 : 0] !== null;
}

/**
 * The fewest observations whose extreme order statistic bounds a quantile at a confidence
 * level: an end of the interval of the `q` quantile exists without assuming a distribution
 * only when the sample's largest (upper end) or smallest (lower end) value lies beyond the true
 * quantile with probability at least `1 - (1 - level) / 2`.
 *
 * @remarks The largest of `n` draws is below the `q` quantile with probability `q^n`, the
 *   smallest above it with `(1 - q)^n` (the binomial distribution of the count below the
 *   quantile; Hahn & Meeker, _Statistical Intervals_, 2nd ed., sec. 5.3). The upper end needs
 *   `q^n <= (1 - level) / 2`, so `n >= ln((1 - level) / 2) / ln(q)`: 72 for a p95 at 95%, 368
 *   for a p99. Below that, any interval drawn from the sample (a bootstrap's included) reaches
 *   no further than its largest value and understates the tail. The closed form is checked a
 *   step either way against `quantileInterval` itself, so the count is the one the interval a
 *   threshold reads after the run keeps to (one rule for the run's check before sending and
 *   the ERROR after it), not a rounding of it.
 * @param q - the quantile, in (0, 1) (0.95 for a p95)
 * @param level - the two-sided confidence level, in (0, 1)
 * @returns the fewest observations for the upper end (`high`) and for the lower end (`low`)
 * @example
 * percentileBoundSize(0.95, 0.95); // { low: 2, high: 72 }
 * percentileBoundSize(0.5, 0.95); // { low: 6, high: 6 }
 */
export function percentileBoundSize(q: number, level: number): { low: number; high: number } {
  const tail = Math.log((1 - level) / 2);
  const needed = (p: number, upper: boolean) => {
    let n = Math.max(1, Math.ceil(tail / Math.log(p)));
    while (n > 1 && hasEnd(n - 1, q, level, upper)) n--;
    while (!hasEnd(n, q, level, upper)) n++;
    return n;
  };
  return { low: needed(1 - q, false), high: needed(q, true) };
}
