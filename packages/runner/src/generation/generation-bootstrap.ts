import { createRng } from '@assay/splitters';
import { percentileInterval } from '@assay/stats';
import { deriveSeed } from '../bootstrap/derive-seed.js';
import { BOOTSTRAP_BATCH } from '../bootstrap/queue-bootstrap.js';
import type { ClusterColumn } from '../score/score-columns.js';
import type { ScoreProgress } from '../score/score-options.js';
import { track } from '../score/track-progress.js';
import type {
  GenerationBootstrapTask,
  GenerationTaskRunner,
  RefusedRow,
  RowLayout,
} from './generation-tasks.js';

// only a rows task refuses a row: a replicate sums numbers already scored
function replicateNumbers(result: Float64Array | RefusedRow): Float64Array {
  if (result instanceof Float64Array) return result;
  throw new Error(`A bootstrap task returned a refused row (${result.reason}).`);
}

/** What {@link generationIntervals} needs. */
export interface GenerationBootstrapJob {
  readonly run: GenerationTaskRunner;
  /** The per-row matrix, `n × layout.width` (shared memory). */
  readonly rows: Float64Array;
  readonly n: number;
  readonly layout: RowLayout;
  /** Slice codes (shared), or null. */
  readonly slice: Int32Array | null;
  readonly sliceCount: number;
  readonly clusters: ClusterColumn | undefined;
  readonly seed: number;
  readonly bootstrap: number;
  readonly ci: number;
  readonly onProgress?: ((progress: ScoreProgress) => void) | undefined;
}

/**
 * Percentile bootstrap intervals of every metric on the whole set and on each slice. Each
 * replicate resamples rows (or whole clusters of rows) with replacement and recomputes every
 * metric from the drawn rows: the mean of their values, or the corpus score of their summed
 * statistics. Replicate `r` of selection `s` (0 = whole set, then the slices) is seeded with
 * the `r`-th output of `createRng(deriveSeed(seed, 2, s))`, the stream classification's row
 * bootstrap uses, so batching and the worker count never change a result.
 *
 * @param job - the matrix, the selections and the settings
 * @returns per selection, per metric: the interval, or null when no replicate is defined
 * @example
 * const layout = rowLayout(['exact_match']);
 * const rows = Float64Array.of(1, 0, 1, 1); // each row's exact_match
 * const run = async (task) => runGenerationTask(task);
 * await generationIntervals({ run, rows, n: 4, layout, slice: null, sliceCount: 0, clusters: undefined, seed: 0, bootstrap: 100, ci: 0.95 });
 * // [[[0, 1]]]: the whole set's interval of exact_match
 */
export async function generationIntervals(
  job: GenerationBootstrapJob,
): Promise<([number, number] | null)[][]> {
  const { bootstrap, layout } = job;
  const m = layout.slots.length;
  const selections: GenerationBootstrapTask['selection'][] = [
    null,
    ...Array.from({ length: job.sliceCount }, (_, s) => ({ ids: job.slice!, value: s })),
  ];
  const batches: { si: number; first: number; result: Promise<Float64Array> }[] = [];
  selections.forEach((selection, si) => {
    const rng = createRng(deriveSeed(job.seed, 2, si));
    const seeds = Array.from({ length: bootstrap }, () => rng.nextUint32());
    for (let first = 0; first < bootstrap; first += BOOTSTRAP_BATCH) {
      const task: GenerationBootstrapTask = {
        kind: 'generation-bootstrap',
        rows: job.rows,
        n: job.n,
        layout,
        selection,
        clusters: job.clusters,
        seeds: seeds.slice(first, first + BOOTSTRAP_BATCH),
      };
      batches.push({ si, first, result: job.run(task).then(replicateNumbers) });
    }
  });
  const results = await track(
    batches.map((b) => b.result),
    'bootstrap',
    { onProgress: job.onProgress },
  );
  const replicates = selections.map(() => layout.slots.map(() => new Float64Array(bootstrap)));
  results.forEach((values, t) => {
    const { si, first } = batches[t]!;
    for (let r = 0; r * m < values.length; r++) {
      for (let j = 0; j < m; j++) replicates[si]![j]![first + r] = values[r * m + j]!;
    }
  });
  return replicates.map((perMetric) =>
    perMetric.map((values) => percentileInterval(values, job.ci)),
  );
}
