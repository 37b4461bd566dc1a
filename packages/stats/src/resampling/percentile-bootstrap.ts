import { percentileIntervalOfSorted } from '../intervals/percentile-interval.js';
import { percentileSorted } from '../quantiles/quantile-sorted.js';
import {
  checkCount,
  checkLevel,
  checkNumbers,
  checkOptionsGiven,
  checkProbability,
  checkRng,
} from '../validation/check-arguments.js';
import { rngDrawError } from '../validation/check-calls.js';
import { checkOptionKeys, type OptionKeys } from '../validation/check-option-keys.js';

/** Options of {@link percentileBootstrapInterval}. */
export interface PercentileBootstrapOptions {
  /** number of resamples (default 1000) */
  samples?: number;
  /** confidence level of the interval (default 0.95) */
  level?: number;
  /** uniform [0, 1) generator; pass a seeded one (e.g. `createRng(seed)`) for reproducibility */
  rng: () => number;
}

const PERCENTILE_BOOTSTRAP_KEYS: OptionKeys<PercentileBootstrapOptions> = {
  samples: true,
  level: true,
  rng: true,
};

/**
 * Bootstrap interval of a percentile of a sample (a p95 latency, say): the sample is
 * resampled with replacement, the percentile taken of every resample, and the interval is
 * the percentile interval of those replicates.
 *
 * @param values - observations (NaN entries are left out before resampling)
 * @param percent - the percentile in [0, 100], e.g. 95
 * @param options - resamples, confidence level and random generator
 * @returns `[low, high]`, or `null` when no value is defined
 * @throws StatsError `INVALID_PROBABILITY` when `percent` is outside [0, 100],
 *   `INVALID_COUNT` when `options.samples` is not a positive integer, `INVALID_LEVEL` when
 *   `options.level` is not in (0, 1), `MISSING_VALUE` without `options` or `options.rng`, `INVALID_OPTION`
 *   when it is not a function or a draw is not a number in [0, 1); `MISSING_VALUE` or `INVALID_VALUE` when `values` is not an
 *   array, `INVALID_VALUE` naming `values[i]` when an entry is not a number
 * @remarks Resample s draws `floor(rng() · n)` n times over the n defined values (in input
 *   order); its replicate is {@link percentileSorted} of the drawn values (numpy's
 *   `method='linear'`), and the interval is numpy's linear percentiles `(1 − level)/2` and
 *   `(1 + level)/2` of the replicates: `scipy.stats.bootstrap(..., method='percentile')`
 *   with `statistic = np.percentile(x, percent)` gives the same interval for the same
 *   draws. Efron and Tibshirani (1993), ch. 13. The interval of an extreme percentile of a
 *   small sample is crude (the replicates take few distinct values); it is what the
 *   sample can say.
 * @example
 * const rng = createRng(1);
 * const draws = { samples: 1000, level: 0.95, rng: () => rng.nextFloat() };
 * percentileBootstrapInterval([120, 95, 310, 101, 99, 140, 180], 95, draws); // [120, 310]
 */
export function percentileBootstrapInterval(
  values: ArrayLike<number>,
  percent: number,
  options: PercentileBootstrapOptions,
): [number, number] | null {
  checkNumbers('percentileBootstrapInterval', 'values', values);
  checkOptionsGiven(
    'percentileBootstrapInterval',
    options,
    '{ rng, samples?, level? } (rng is required)',
  );
  checkOptionKeys('percentileBootstrapInterval', options, PERCENTILE_BOOTSTRAP_KEYS);
  const samples = options.samples ?? 1000;
  const level = options.level ?? 0.95;
  checkProbability('percentileBootstrapInterval', 'percent', percent, 100);
  checkCount('percentileBootstrapInterval', 'options.samples', samples, 1);
  checkLevel('percentileBootstrapInterval', 'options.level', level);
  checkRng('percentileBootstrapInterval', 'options.rng', options.rng, 'to draw the resamples');
  const defined: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) defined.push(v);
  }
  const n = defined.length;
  if (n === 0) return null;
  const draw = new Float64Array(n);
  const replicates = new Float64Array(samples);
  for (let s = 0; s < samples; s++) {
    for (let i = 0; i < n; i++) {
      const u = options.rng();
      // one range test per draw: outside [0, 1) the index would miss the sample (undefined)
      if (!(u >= 0 && u < 1) || typeof u !== 'number') {
        throw rngDrawError('percentileBootstrapInterval', 'options.rng', u);
      }
      draw[i] = defined[Math.floor(u * n)]!;
    }
    draw.sort();
    replicates[s] = percentileSorted(draw, percent);
  }
  replicates.sort();
  return percentileIntervalOfSorted(replicates, level);
}
