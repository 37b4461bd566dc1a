import { createRng } from '@assay/splitters';
import { computeResampledValues } from '../metrics/compute-resampled-values.js';
import type { PairedBootstrapTask } from '../pool/task-types.js';

/**
 * Runs one batch of paired replicates.
 *
 * @param task - the batch
 * @returns B − A per replicate and metric (`replicate * metrics.length + metric`) and the
 *   distinct metric failures
 */
export function runPairedBootstrapTask(task: PairedBootstrapTask): {
  values: Float64Array;
  errors: string[];
} {
  const n = task.a.n;
  const m = task.metrics.length;
  const values = new Float64Array(task.seeds.length * m);
  const errors: string[] = [];
  const drawn = new Uint32Array(n);
  const valuesA = new Float64Array(m);
  const valuesB = new Float64Array(m);
  task.seeds.forEach((seed, r) => {
    const rng = createRng(seed);
    for (let i = 0; i < n; i++) drawn[i] = rng.nextInt(n);
    computeResampledValues(task.a, task.metrics, drawn, null, valuesA, 0, errors);
    computeResampledValues(task.b, task.metrics, drawn, null, valuesB, 0, errors);
    for (let j = 0; j < m; j++) values[r * m + j] = valuesB[j]! - valuesA[j]!;
  });
  return { values, errors };
}
