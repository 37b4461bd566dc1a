import { createRng } from '@assay/splitters';
import type { ConfusionMetric } from '../metrics/metric-spec.js';
import type { ScoreColumns } from '../score/score-columns.js';
import { sampleMultinomial } from './multinomial.js';

/**
 * Bootstrap replicates of confusion-count metrics by multinomial resampling
 * of the counts: each replicate draws `n = Σ counts` rows' cells from
 * Multinomial(n, counts / n), which has exactly the distribution of the
 * confusion matrix of `n` rows resampled with replacement, at a cost of
 * O(K²) per replicate instead of O(n). Only valid for unweighted counts.
 *
 * @param counts - unweighted K×K counts of the rows resampled
 * @param metrics - confusion metrics to evaluate on each replicate
 * @param columns - the job's columns
 * @param replicates - number of resamples
 * @param seed - generator seed
 * @returns one Float64Array of replicate values per metric
 */
export function bootstrapConfusionCounts(
  counts: Float64Array,
  metrics: readonly ConfusionMetric[],
  columns: ScoreColumns,
  replicates: number,
  seed: number,
): Float64Array[] {
  const k = columns.classes.length;
  let n = 0;
  for (let i = 0; i < counts.length; i++) n += counts[i]!;
  const rng = createRng(seed);
  const draw = new Float64Array(counts.length);
  const out = metrics.map(() => new Float64Array(replicates));
  for (let r = 0; r < replicates; r++) {
    sampleMultinomial(n, counts, rng, draw);
    metrics.forEach((metric, j) => {
      let value: number;
      try {
        value = metric.compute(draw, k, columns);
      } catch {
        value = Number.NaN;
      }
      out[j]![r] = value;
    });
  }
  return out;
}
