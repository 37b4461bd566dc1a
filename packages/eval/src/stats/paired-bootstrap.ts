/** Result of a paired bootstrap comparison of two models on the same items. */
export interface PairedBootstrapResult {
  /** metric(B) − metric(A) on the full sample */
  difference: number;
  /** lower bound of the percentile CI of the difference */
  ciLow: number;
  /** upper bound of the percentile CI of the difference */
  ciHigh: number;
  /** two-sided bootstrap p-value for "no difference" */
  pValue: number;
  /** resamples whose metric was defined on both sides */
  samples: number;
}

/** Options of {@link pairedBootstrap}. */
export interface PairedBootstrapOptions {
  /** number of resamples (default 1000) */
  samples?: number;
  /** confidence level of the interval (default 0.95) */
  ci?: number;
  /** uniform [0, 1) generator; pass a seeded one (e.g. `createRng(seed)`) for reproducibility */
  rng: () => number;
}

/**
 * Paired bootstrap of a metric difference between two models scored on the
 * same `n` items: each resample draws item indices with replacement and
 * evaluates both models on the same draw.
 *
 * @param n - number of paired items
 * @param metric - `(indices, side)` → metric value of model `side` (0 = A, 1 = B) on those items
 * @param options - resamples, CI level and random generator
 * @returns the observed difference B − A, its percentile CI and p-value
 * @throws RangeError when n < 1 or the options are out of range
 * @remarks The p-value is `min(1, 2 · min(P*(Δ ≤ 0), P*(Δ ≥ 0)))` over the
 *   bootstrap distribution of Δ (the percentile-interval inversion); resamples
 *   where the metric is NaN for either side are dropped and reported in `samples`.
 * @example
 * const rng = createRng(0);
 * pairedBootstrap(y.length, (idx, side) => accuracyOn(idx, side), { rng });
 */
export function pairedBootstrap(
  n: number,
  metric: (indices: Uint32Array, side: 0 | 1) => number,
  options: PairedBootstrapOptions,
): PairedBootstrapResult {
  const samples = options.samples ?? 1000;
  const level = options.ci ?? 0.95;
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`pairedBootstrap: n must be a positive integer, got ${n}.`);
  }
  if (!Number.isInteger(samples) || samples < 1) {
    throw new RangeError(`pairedBootstrap: samples must be a positive integer, got ${samples}.`);
  }
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`pairedBootstrap: ci must be in (0, 1), got ${level}.`);
  }
  const all = new Uint32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const difference = metric(all, 1) - metric(all, 0);
  const diffs: number[] = [];
  const idx = new Uint32Array(n);
  for (let s = 0; s < samples; s++) {
    for (let i = 0; i < n; i++) idx[i] = Math.floor(options.rng() * n);
    const d = metric(idx, 1) - metric(idx, 0);
    if (!Number.isNaN(d)) diffs.push(d);
  }
  if (diffs.length === 0) {
    return { difference, ciLow: Number.NaN, ciHigh: Number.NaN, pValue: Number.NaN, samples: 0 };
  }
  const sorted = Float64Array.from(diffs).sort();
  const alpha = (1 - level) / 2;
  const pick = (q: number): number => {
    const h = (sorted.length - 1) * q;
    const lo = Math.floor(h);
    const hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
  };
  let le = 0;
  let ge = 0;
  for (const d of sorted) {
    if (d <= 0) le++;
    if (d >= 0) ge++;
  }
  const pValue = Math.min(1, (2 * Math.min(le, ge)) / sorted.length);
  return {
    difference,
    ciLow: pick(alpha),
    ciHigh: pick(1 - alpha),
    pValue,
    samples: sorted.length,
  };
}
