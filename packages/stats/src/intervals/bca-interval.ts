import { normalCdf, normalQuantile } from '../distributions/normal.js';
import { StatsError } from '../errors.js';
import { percentileSorted } from '../quantiles/quantile-sorted.js';
import { sortDefined } from '../quantiles/sort-defined.js';
import { checkLevel } from '../validation/check-arguments.js';

/** Options of {@link bcaInterval}. */
export interface BcaIntervalOptions {
  /** the statistic on the full sample, θ̂ */
  observed: number;
  /** the statistic on each leave-one-out sample θ̂₍ᵢ₎, i = 1..n (at least two) */
  jackknife: ArrayLike<number>;
  /** confidence level in (0, 1) (default 0.95) */
  level?: number;
}

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

/** Acceleration â = Σ U³ / (6 (Σ U²)^{3/2}) with U_i = (n − 1)(θ̄₍.₎ − θ̂₍ᵢ₎). */
function acceleration(jackknife: ArrayLike<number>): number {
  const n = jackknife.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += jackknife[i]!;
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
 *   NaN bounds when the correction is undefined (e.g. every replicate equals
 *   the observed value and the jackknife is constant, or a jackknife value is
 *   NaN), where scipy warns and returns NaN
 * @throws StatsError `INVALID_LEVEL` when the level is not strictly between 0
 *   and 1; `TOO_FEW_VALUES` when there are fewer than two jackknife values
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
  const level = options.level ?? 0.95;
  checkLevel('bcaInterval', 'options.level', level);
  const { observed, jackknife } = options;
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
