import { percentileSorted } from '@assay/stats';
import { Samples } from './samples.js';

/**
 * A latency distribution in results: every entry of `latencyMs` and `scheduleLagMs`.
 * Values are `null` when nothing was observed.
 */
export interface Distribution {
  readonly mean: number | null;
  readonly p50: number | null;
  readonly p90: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
  readonly p999: number | null;
  readonly max: number | null;
}

const QS = [50, 90, 95, 99, 99.9] as const;

/**
 * Mean, percentiles and maximum of a sample, exact from the values (no histogram binning).
 *
 * @remarks
 * Percentiles are numpy's `method='linear'` (`@assay/stats` `percentileSorted`), so a summary
 * can be recomputed from `--records` with `numpy.percentile`. NaN values are skipped.
 *
 * @param values - observations in ms; a {@link Samples} is sorted in place, anything else is
 *   copied first
 * @returns the distribution (all `null` when empty)
 * @example
 * ```ts
 * distribution([10, 20, 30, 40]).p50; // 25
 * ```
 */
export function distribution(values: ArrayLike<number> | Samples): Distribution {
  const sorted =
    values instanceof Samples
      ? values.sortedValues()
      : Float64Array.from(values)
          .filter((v) => !Number.isNaN(v))
          .sort();
  const n = sorted.length;
  if (n === 0) {
    return { mean: null, p50: null, p90: null, p95: null, p99: null, p999: null, max: null };
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  const [p50, p90, p95, p99, p999] = QS.map((q) => percentileSorted(sorted, q)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return { mean: sum / n, p50, p90, p95, p99, p999, max: sorted[n - 1]! };
}
