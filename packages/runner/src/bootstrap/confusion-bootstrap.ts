import { createRng } from '@assay/splitters';
import { replicateValue } from '../metrics/confusion-metrics.js';
import type { ConfusionMetric } from '../metrics/metric-spec.js';
import type { ReplicateClaims } from '../pool/task-types.js';
import type { ScoreColumns } from '../score/score-columns.js';
import { sampleMultinomial } from './multinomial.js';

/**
 * Bootstrap replicates of confusion-count metrics by multinomial resampling
 * of the counts: each replicate draws `n = Σ counts` rows' cells from
 * Multinomial(n, counts / n), which has exactly the distribution of the
 * confusion matrix of `n` rows resampled with replacement, at a cost of
 * O(K²) per replicate instead of O(n). Only valid for unweighted counts.
 *
 * With `claims`, the replicates are shared out between the workers that run the same call:
 * each claims batches of them from `claims.next` until none is left and writes their values
 * into `claims.out`, so a worker slowed down (by the calling thread, on a machine with as
 * many workers as cores) draws fewer. Replicate `r` has its own seed and slot, so who drew
 * it cannot change a value.
 *
 * @param counts - unweighted K×K counts of the rows resampled
 * @param metrics - confusion metrics to evaluate on each replicate
 * @param columns - the job's columns
 * @param seeds - one generator seed per replicate
 * @param claims - the shared batches, or undefined to draw every replicate here
 * @returns values indexed `replicate * metrics.length + metric` (`claims.out` with claims)
 */
export function bootstrapConfusionCounts(
  counts: Float64Array,
  metrics: readonly ConfusionMetric[],
  columns: ScoreColumns,
  seeds: readonly number[],
  claims?: ReplicateClaims,
): Float64Array {
  const k = columns.classes.length;
  let n = 0;
  for (let i = 0; i < counts.length; i++) n += counts[i]!;
  const draw = new Float64Array(counts.length);
  const m = metrics.length;
  const out = claims?.out ?? new Float64Array(seeds.length * m);
  const evaluators = metrics.map((metric) => replicateEvaluator(metric, k, columns));
  // one generator, restarted per replicate: a new one each time was garbage too
  const rng = createRng(seeds[0] ?? 0);
  // without claims, one batch of every replicate, claimed from a counter of this call's own
  const next = claims?.next ?? new Int32Array(1);
  const batch = claims?.batch ?? seeds.length;
  for (;;) {
    const first = Atomics.add(next, 0, 1) * batch;
    if (first >= seeds.length) break;
    const last = Math.min(seeds.length, first + batch);
    // a plain loop, not a callback: V8 compiled a fresh callback's code in every task
    for (let r = first; r < last; r++) {
      rng.reseed(seeds[r]!);
      sampleMultinomial(n, counts, rng, draw);
      for (let j = 0; j < m; j++) {
        let value: number;
        try {
          value = evaluators[j]!(draw);
        } catch {
          value = Number.NaN;
        }
        out[r * m + j] = value;
      }
    }
  }
  return out;
}

/**
 * A metric's value on replicate counts: its own evaluator where it has one, else
 * `replicateValue`; a metric that cannot be computed on the job at all is NaN throughout.
 */
function replicateEvaluator(
  metric: ConfusionMetric,
  k: number,
  columns: ScoreColumns,
): (counts: Float64Array) => number {
  if (metric.evaluator === undefined) return (c) => replicateValue(metric, c, k, columns);
  try {
    return metric.evaluator(k, columns);
  } catch {
    return () => Number.NaN;
  }
}
