import { normalCdf, normalQuantile } from '../distributions/normal.js';
import { StatsError } from '../errors.js';
import { percentileSorted } from '../quantiles/quantile-sorted.js';
import { sortDefined } from '../quantiles/sort-defined.js';
import { checkLevel, checkNumbers, describeValue } from '../validation/check-arguments.js';
import { checkOptionKeys, type OptionKeys } from '../validation/check-option-keys.js';

/** Options of {@link bcaInterval}. */
export interface BcaIntervalOptions {
  /** the statistic on the full sample, θ̂ */
  observed: number;
  /** the statistic on each leave-one-out sample θ̂₍ᵢ₎, i = 1..n (at least two) */
  jackknife: ArrayLike<number>;
  /** confidence level in (0, 1) (default 0.95) */
  level?: number;
}

const BCA_KEYS: OptionKeys<BcaIntervalOptions> = { observed: true, jackknife: true, level: true };

/**
 * Bias correction z₀ = Φ⁻¹(fraction of replicates below θ̂, ties counted half),
 * scipy's `_percentile_of_score` (`percentileofscore(kind='mean')` / 100).
 */
function biasCorrection(sorted: Float64Array, observed: number): number {
  let below = 0;
  let atOrBelow = 0;
  for (const v of sorted) {
    if (v < observed) below++;
    if (v <= observed) atOrBelow++;
  }
  return normalQuantile((below + atOrBelow) / (2 * sorted.length));
}

/**
 * Acceleration â = Σ U³ / (6 (Σ U²)^{3/2}) with U_i = (n − 1)(θ̄₍.₎ − θ̂₍ᵢ₎); NaN for a
 * constant jackknife, where â is 0/0.
 */
function acceleration(jackknife: ArrayLike<number>): number {
  const n = jackknife.length;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = jackknife[i]!;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // The rounded mean of equal values can miss them in the last bit, which would turn 0/0
  // into ±1/(6√n) of pure rounding noise and a finite interval where scipy returns NaN.
  if (min === max) return Number.NaN;
  const mean = sum / n;
  let cubes = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const u = (n - 1) * (mean - jackknife[i]!);
    cubes += u * u * u;
    squares += u * u;
  }
  // scipy's order of operations: (1/6) · (ΣU³/n³) / (ΣU²/n²)^{3/2}
  return ((1 / 6) * (cubes / n ** 3)) / (squares / n ** 2) ** 1.5;
}

/** Plain-JavaScript callers get a StatsError, not a TypeError, for absent or mistyped options. */
function checkBcaOptions(options: BcaIntervalOptions | undefined): void {
  const missing = (path: string, what: string) =>
    new StatsError('MISSING_VALUE', path, `bcaInterval: ${path} is required: ${what}.`);
  if (options === undefined || options === null) {
    throw missing('options', 'pass { observed, jackknife, level? }');
  }
  const { observed, jackknife } = options as Partial<BcaIntervalOptions>;
  if (observed === undefined || observed === null) {
    throw missing('options.observed', 'the statistic on the full sample (a number)');
  }
  if (typeof observed !== 'number') {
    throw new StatsError(
      'INVALID_OPTION',
      'options.observed',
      `bcaInterval: options.observed must be the statistic on the full sample (a number), got ${describeValue(observed)}.`,
    );
  }
  if (jackknife === undefined || jackknife === null) {
    throw missing('options.jackknife', 'the statistic on each leave-one-out sample');
  }
  if (typeof jackknife !== 'object' || typeof jackknife.length !== 'number') {
    throw new StatsError(
      'INVALID_OPTION',
      'options.jackknife',
      `bcaInterval: options.jackknife must be an array of the statistic on each leave-one-out sample, got ${describeValue(jackknife)}.`,
    );
  }
}

/** The replicate percentile at probability `alpha`; NaN when BCa is undefined. */
function bound(sorted: Float64Array, alpha: number): number {
  return Number.isNaN(alpha) ? Number.NaN : percentileSorted(sorted, alpha * 100);
}

/**
 * The bias-corrected and accelerated (BCa) bootstrap interval, computed from
 * a bootstrap distribution and jackknife values exactly as
 * `scipy.stats.bootstrap(method='BCa')` computes it.
 *
 * @param replicates - the statistic on each bootstrap resample; NaN is left out
 * @param options - the observed statistic, its jackknife values and the level
 * @returns `[lo, hi]`; null when no replicate is defined or `observed` is NaN;
 *   NaN bounds when the correction is undefined: the jackknife is constant (a
 *   maximum with a tied largest value, a degenerate sample: â = 0/0) or a
 *   jackknife value is NaN, where scipy warns and returns NaN
 * @throws StatsError `INVALID_LEVEL` when the level is not strictly between 0
 *   and 1; `TOO_FEW_VALUES` when there are fewer than two jackknife values;
 *   `MISSING_VALUE` without `options`, `options.observed` or `options.jackknife`;
 *   `INVALID_OPTION` when `observed` is not a number or `jackknife` not an array;
 *   `MISSING_VALUE` or `INVALID_VALUE` when `replicates` is not an array, `INVALID_VALUE`
 *   naming `replicates[i]` or `options.jackknife[i]` when an entry is not a number
 * @remarks Efron & Tibshirani (1993), §14.3 and Eq. 15.36, as scipy 1.10's
 *   `_bca_interval`: with B replicates θ*_b, `z₀ = Φ⁻¹((#{θ* < θ̂} + #{θ* ≤ θ̂}) / 2B)`;
 *   with jackknife values θ̂₍ᵢ₎ and their mean θ̄₍.₎, `U_i = (n − 1)(θ̄₍.₎ − θ̂₍ᵢ₎)`
 *   and `â = Σ U_i³ / (6 (Σ U_i²)^{3/2})`; with `α = (1 − level)/2` and
 *   `z = Φ⁻¹(α)`, `α₁ = Φ(z₀ + (z₀ + z)/(1 − â(z₀ + z)))`,
 *   `α₂ = Φ(z₀ + (z₀ − z)/(1 − â(z₀ − z)))`; the interval is the `100·α₁` and
 *   `100·α₂` percentiles of the replicates ({@link percentileSorted}). With
 *   `z₀ = â = 0` it is the percentile interval. Agrees with scipy to 1e-12 of
 *   the replicates' range; what differs is the last digits of Φ, Φ⁻¹ and of
 *   the jackknife sums, and the percent passed to the kernel, which is
 *   rounded to 15 significant digits as everywhere in this package.
 * @example
 * const replicates = [2.1, 2.4, 2.5, 2.7, 2.9, 3.0, 3.1, 3.3, 3.6, 4.2];
 * const jackknife = [2.7, 2.8, 2.9, 3.0, 3.1, 3.0, 2.9, 3.4];
 * bcaInterval(replicates, { observed: 3.0, jackknife, level: 0.9 }); // [2.2751…, 3.9861…]
 * @see scipy.stats.bootstrap
 */
export function bcaInterval(
  replicates: ArrayLike<number>,
  options: BcaIntervalOptions,
): [number, number] | null {
  checkNumbers('bcaInterval', 'replicates', replicates);
  checkBcaOptions(options);
  checkOptionKeys('bcaInterval', options, BCA_KEYS);
  const level = options.level ?? 0.95;
  checkLevel('bcaInterval', 'options.level', level);
  const { observed, jackknife } = options;
  checkNumbers('bcaInterval', 'options.jackknife', jackknife);
  if (jackknife.length < 2) {
    throw new StatsError(
      'TOO_FEW_VALUES',
      'options.jackknife',
      `bcaInterval: options.jackknife must hold the statistic on each of at least 2 leave-one-out samples, got ${jackknife.length} values.`,
    );
  }
  const sorted = sortDefined(replicates);
  if (sorted.length === 0 || Number.isNaN(observed)) return null;
  const z0 = biasCorrection(sorted, observed);
  const a = acceleration(jackknife);
  const z = normalQuantile((1 - level) / 2);
  const lower = z0 + z;
  const upper = z0 - z;
  return [
    bound(sorted, normalCdf(z0 + lower / (1 - a * lower))),
    bound(sorted, normalCdf(z0 + upper / (1 - a * upper))),
  ];
}
