import type { MetricSummary } from '@assay/report';
import { createRng } from '@assay/splitters';
import { meanStd, percentileInterval } from '@assay/stats';
import { finiteOrNull } from '../run/prediction-row.js';

/** Options of {@link meanSummary}. */
export interface MeanSummaryOptions {
  /** folds of the run */
  readonly folds: number;
  /** bootstrap replicates (0: no interval) */
  readonly bootstrap: number;
  /** confidence level */
  readonly ci: number;
  /** seed of the replicates */
  readonly seed: number;
}

function meanOf(values: Float64Array, at: ArrayLike<number> | null): number {
  let sum = 0;
  let n = 0;
  const count = at === null ? values.length : at.length;
  for (let j = 0; j < count; j++) {
    const x = values[at === null ? j : at[j]!]!;
    if (Number.isNaN(x)) continue;
    sum += x;
    n++;
  }
  return n === 0 ? Number.NaN : sum / n;
}

/** Units of each cluster, clusters numbered 0..C-1. */
function membersOf(clusters: Int32Array): number[][] {
  const out: number[][] = [];
  clusters.forEach((c, i) => {
    (out[c] ??= []).push(i);
  });
  return out.filter((m) => m !== undefined);
}

/**
 * The mean of per-unit values as a metric summary: the overall mean, one mean per fold, the
 * folds' mean and standard deviation, and a percentile bootstrap interval that draws whole
 * clusters (items) with replacement, so several answers of one item count once.
 *
 * @remarks
 * Undefined values (NaN) are left out of every mean. Replicate r draws as many clusters as
 * there are, with `createRng(seed)`; the interval is `percentileInterval` of the replicate
 * means at `ci` (numpy's linear quantiles, as `scipy.stats.bootstrap(method='percentile')`).
 *
 * @param values - one value per unit
 * @param foldIds - each unit's fold
 * @param clusters - each unit's cluster (item), 0-based
 * @param options - folds, bootstrap, ci, seed
 * @returns the summary (null where undefined)
 * @example
 * const options = { folds: 1, bootstrap: 1000, ci: 0.95, seed: 0 };
 * meanSummary(Float64Array.of(1, 0), Int32Array.of(0, 0), Int32Array.of(0, 1), options).value; // 0.5
 */
export function meanSummary(
  values: Float64Array,
  foldIds: Int32Array,
  clusters: Int32Array,
  options: MeanSummaryOptions,
): MetricSummary {
  const byFold = Array.from({ length: options.folds }, () => [] as number[]);
  foldIds.forEach((f, i) => {
    byFold[f]?.push(i);
  });
  const folds = byFold.map((at) => (at.length === 0 ? null : finiteOrNull(meanOf(values, at))));
  const { mean, std } = meanStd(folds.map((f) => f ?? Number.NaN));
  const summary: MetricSummary = {
    value: finiteOrNull(meanOf(values, null)),
    mean: finiteOrNull(mean),
    std: finiteOrNull(std),
    folds,
    ciLow: null,
    ciHigh: null,
  };
  if (options.bootstrap > 0 && summary.value !== null) {
    const members = membersOf(clusters);
    const rng = createRng(options.seed >>> 0);
    const replicates = new Float64Array(options.bootstrap);
    const drawn: number[] = [];
    for (let r = 0; r < options.bootstrap; r++) {
      drawn.length = 0;
      for (let c = 0; c < members.length; c++) {
        drawn.push(...members[Math.floor(rng.nextFloat() * members.length)]!);
      }
      replicates[r] = meanOf(values, drawn);
    }
    const interval = percentileInterval(replicates, options.ci);
    summary.ciLow = finiteOrNull(interval?.[0]);
    summary.ciHigh = finiteOrNull(interval?.[1]);
  }
  return summary;
}
