import { createRng } from '@assay/splitters';
import { computeResampledValues } from '../metrics/compute-resampled-values.js';
import type { PairedBootstrapTask } from '../pool/task-types.js';
import { rowDraw } from './row-draw.js';

/**
 * Runs one batch of paired replicates: rows drawn once per replicate (whole clusters
 * when side A's columns have clusters) and scored on both sides.
 *
 * @param task - the batch
 * @returns both sides' values per replicate and metric (A at `2 * (replicate *
 *   metrics.length + metric)`, B after it: the calling thread takes B − A, and needs each
 *   side's magnitude to tell a rounding tie from a difference) and the distinct metric failures
 */
export function runPairedBootstrapTask(task: PairedBootstrapTask): {
  values: Float64Array;
  errors: string[];
} {
  const n = task.a.n;
  const m = task.metrics.length;
  const values = new Float64Array(2 * task.seeds.length * m);
  const errors: string[] = [];
  // both sides hold the same rows, so side A's clusters are B's
  const draw = rowDraw(n, null, task.a.clusters);
  const valuesA = new Float64Array(m);
  const valuesB = new Float64Array(m);
  task.seeds.forEach((seed, r) => {
    const drawn = draw(createRng(seed));
    computeResampledValues(task.a, task.metrics, drawn, null, valuesA, 0, errors);
    computeResampledValues(task.b, task.metrics, drawn, null, valuesB, 0, errors);
    for (let j = 0; j < m; j++) {
      values[2 * (r * m + j)] = valuesA[j]!;
      values[2 * (r * m + j) + 1] = valuesB[j]!;
    }
  });
  return { values, errors };
}
