import {
  checkCount,
  checkFunction,
  checkLevel,
  checkOptionsGiven,
  checkRng,
} from '../validation/check-arguments.js';
import { metricResultError, rngDrawError } from '../validation/check-calls.js';
import { checkOptionKeys, type OptionKeys } from '../validation/check-option-keys.js';
import {
  type PairedBootstrapResult,
  pairedBootstrapFromReplicates,
} from './paired-bootstrap-from-replicates.js';
import { differenceScale, snapRoundingTies } from './rounding-ties.js';

/** Options of {@link pairedBootstrap}. */
export interface PairedBootstrapOptions {
  /** number of resamples (default 1000) */
  samples?: number;
  /** confidence level of the interval (default 0.95) */
  ci?: number;
  /** uniform [0, 1) generator; pass a seeded one (e.g. `createRng(seed)`) for reproducibility */
  rng: () => number;
}

const PAIRED_BOOTSTRAP_KEYS: OptionKeys<PairedBootstrapOptions> = {
  samples: true,
  ci: true,
  rng: true,
};

/**
 * Paired bootstrap of a metric difference between two models scored on the
 * same `n` items: each resample draws item indices with replacement and
 * evaluates both models on the same draw.
 *
 * @param n - number of paired items
 * @param metric - `(indices, side)` → metric value of model `side` (0 = A, 1 = B) on those items
 * @param options - resamples, CI level and random generator
 * @returns the observed difference B − A, its percentile CI and p-value
 * @throws StatsError `INVALID_COUNT` when n or `options.samples` is not a
 *   positive integer, `INVALID_LEVEL` when `options.ci` is not in (0, 1), `MISSING_VALUE`
 *   without `options` or `options.rng`, `INVALID_OPTION` when it is not a function or a draw
 *   is not a number in [0, 1); `MISSING_VALUE` or `INVALID_VALUE` when `metric` is absent or
 *   not a function, `INVALID_VALUE` when it returns something other than a number
 * @remarks Resample s draws `floor(rng() · n)` n times; the replicates are
 *   summarized by {@link pairedBootstrapFromReplicates} (percentile CI, p-value
 *   `min(1, 2 · min(P*(Δ ≤ 0), P*(Δ ≥ 0)))`); resamples where the metric is
 *   NaN for either side are dropped and the rest counted in `samples`. Differences equal to
 *   the observed one or to 0 but for rounding are made exact first, and so is an observed
 *   difference of 0 ({@link snapRoundingTies}).
 * @example
 * const rng = createRng(0);
 * const right = [[1, 0, 1, 1, 0, 1], [1, 1, 1, 1, 0, 1]];
 * const accuracy = (idx, side) => idx.reduce((s, i) => s + right[side][i], 0) / idx.length;
 * pairedBootstrap(6, accuracy, { samples: 200, rng: () => rng.nextFloat() }).difference; // 0.16666666666666674
 */
export function pairedBootstrap(
  n: number,
  metric: (indices: Uint32Array, side: 0 | 1) => number,
  options: PairedBootstrapOptions,
): PairedBootstrapResult {
  checkOptionsGiven('pairedBootstrap', options, '{ rng, samples?, ci? } (rng is required)');
  checkOptionKeys('pairedBootstrap', options, PAIRED_BOOTSTRAP_KEYS);
  const samples = options.samples ?? 1000;
  const ci = options.ci ?? 0.95;
  checkCount('pairedBootstrap', 'n', n, 1);
  checkFunction('pairedBootstrap', 'metric', metric, '(indices, side) => metric value');
  checkCount('pairedBootstrap', 'options.samples', samples, 1);
  checkLevel('pairedBootstrap', 'options.ci', ci);
  checkRng('pairedBootstrap', 'options.rng', options.rng, 'to draw the resamples');
  const all = new Uint32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const [a, b] = sideValues(metric, all, -1);
  const difference = b - a;
  const replicates = new Float64Array(samples);
  const replicateScales = new Float64Array(samples);
  const idx = new Uint32Array(n);
  for (let s = 0; s < samples; s++) {
    for (let i = 0; i < n; i++) {
      const u = options.rng();
      // one range test per draw: a draw outside [0, 1) would index past the items
      if (!(u >= 0 && u < 1) || typeof u !== 'number') {
        throw rngDrawError('pairedBootstrap', 'options.rng', u);
      }
      idx[i] = Math.floor(u * n);
    }
    const [as, bs] = sideValues(metric, idx, s);
    replicates[s] = bs - as;
    replicateScales[s] = differenceScale(as, bs);
  }
  const tied = snapRoundingTies(replicates, {
    observed: difference,
    scale: differenceScale(a, b),
    replicateScales,
  });
  return pairedBootstrapFromReplicates(tied.difference, tied.replicates, { ci });
}

/**
 * metric(A) and metric(B) on `indices` (B computed first, as before), refusing a result that
 * is not a number; `resample` is −1 for the full sample and only goes into a message.
 */
function sideValues(
  metric: (indices: Uint32Array, side: 0 | 1) => number,
  indices: Uint32Array,
  resample: number,
): [number, number] {
  const b: unknown = metric(indices, 1);
  if (typeof b !== 'number') throw badMetricResult(b, 1, indices.length, resample);
  const a: unknown = metric(indices, 0);
  if (typeof a !== 'number') throw badMetricResult(a, 0, indices.length, resample);
  return [a, b];
}

function badMetricResult(value: unknown, side: 0 | 1, n: number, resample: number): Error {
  const on = resample < 0 ? `all ${n} items` : `resample ${resample}`;
  return metricResultError('pairedBootstrap', 'metric', value, `metric(indices, ${side}) on ${on}`);
}
