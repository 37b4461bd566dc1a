import { createRng } from '@assay/splitters';
import { percentileInterval } from '@assay/stats';
import type { ConfusionMetric, MetricSpec } from '../metrics/metric-spec.js';
import type {
  BootstrapTask,
  MultinomialTask,
  Selection,
  ValuesResult,
} from '../pool/task-types.js';
import type { ScoreColumns } from '../score/score-columns.js';
import { deriveSeed } from './derive-seed.js';

/** Bootstrap replicates per row-resampling task (each replicate has its own seed). */
export const BOOTSTRAP_BATCH = 16;

/** Fewest replicates per multinomial (confusion-count) task. */
export const MULTINOMIAL_BATCH = 50;

/** What {@link queueBootstrap} needs. */
export interface BootstrapJob {
  /** Runs one replicate batch (on the pool). */
  readonly run: (task: MultinomialTask | BootstrapTask) => Promise<ValuesResult>;
  /** Tracks the batches' progress; resolves with their results in order. */
  readonly track: (promises: Promise<ValuesResult>[]) => Promise<ValuesResult[]>;
  readonly columns: ScoreColumns;
  readonly specs: readonly MetricSpec[];
  /** Whole-set confusion counts (classification), else null. */
  readonly overallCounts: Float64Array | null;
  /** Per-slice confusion counts, slice-major, or null. */
  readonly sliceCounts: Float64Array | null;
  readonly seed: number;
  readonly bootstrap: number;
  readonly ci: number;
  /** Multinomial batches to aim for (any number gives the same replicates). */
  readonly tasks: number;
}

/** The queued bootstrap: the method per metric and, when awaited, the intervals. */
export interface QueuedBootstrap {
  readonly method: Record<string, 'multinomial-counts' | 'rows'>;
  /** Per selection (whole set, then each slice), per metric: the interval or null. */
  readonly done: Promise<{ intervals: ([number, number] | null)[][]; warnings: string[] }>;
}

/**
 * Queues the bootstrap replicates of every metric on the whole set and on each
 * slice: confusion metrics (unweighted, not too many non-zero cells) by
 * multinomial draws of the confusion matrix, every other metric by resampling
 * rows. Replicate `r` of selection `s` uses the `r`-th output of
 * `createRng(deriveSeed(seed, 1 | 2, s))` as its seed, so batching and worker
 * count do not change a result.
 *
 * @param job - the runner, the data, the counts and the settings
 * @returns the methods at once; the intervals when `done` resolves
 */
export function queueBootstrap(job: BootstrapJob): QueuedBootstrap {
  const { columns, specs, overallCounts, sliceCounts, seed, bootstrap } = job;
  const names = specs.map((s) => s.name);
  const k = columns.classes.length;
  const cells = k * k;
  // multinomial draws cost O(non-zero cells) per replicate, row draws O(n): with very many
  // classes and few rows per cell, resampling rows is the cheaper exact method
  let nonZero = 0;
  if (overallCounts !== null) for (const c of overallCounts) if (c > 0) nonZero++;
  const multinomial =
    columns.weight === null && nonZero <= Math.max(64, columns.n / 4)
      ? (specs.filter((s) => s.kind === 'confusion') as ConfusionMetric[])
      : [];
  const resampled = specs
    .filter((s) => !multinomial.includes(s as ConfusionMetric))
    .map((s) => s.name);
  const method: Record<string, 'multinomial-counts' | 'rows'> = {};
  for (const s of multinomial) method[s.name] = 'multinomial-counts';
  for (const name of resampled) method[name] = 'rows';
  const selections: Selection[] = [
    null,
    ...columns.sliceValues.map((_, s) => ({ ids: columns.slice!, value: s })),
  ];
  const tasks: { selection: number; first: number; names: string[] }[] = [];
  const promises: Promise<ValuesResult>[] = [];
  const multinomialNames = multinomial.map((s) => s.name);
  selections.forEach((selection, si) => {
    if (multinomial.length > 0 && overallCounts !== null) {
      const counts = si === 0 ? overallCounts : sliceCounts!.slice((si - 1) * cells, si * cells);
      const rng = createRng(deriveSeed(seed, 1, si));
      const seeds = Array.from({ length: bootstrap }, () => rng.nextUint32());
      const batch = Math.max(MULTINOMIAL_BATCH, Math.ceil(bootstrap / job.tasks));
      for (let first = 0; first < bootstrap; first += batch) {
        tasks.push({ selection: si, first, names: multinomialNames });
        promises.push(
          job.run({
            kind: 'multinomial',
            columns,
            counts,
            metrics: multinomialNames,
            seeds: seeds.slice(first, first + batch),
          }),
        );
      }
    }
    if (resampled.length === 0) return;
    const rng = createRng(deriveSeed(seed, 2, si));
    const seeds = Array.from({ length: bootstrap }, () => rng.nextUint32());
    for (let first = 0; first < bootstrap; first += BOOTSTRAP_BATCH) {
      tasks.push({ selection: si, first, names: resampled });
      promises.push(
        job.run({
          kind: 'bootstrap',
          columns,
          metrics: resampled,
          selection,
          seeds: seeds.slice(first, first + BOOTSTRAP_BATCH),
        }),
      );
    }
  });
  const done = job.track(promises).then((results) => {
    const warnings: string[] = [];
    const replicateValues = selections.map(() => names.map(() => new Float64Array(bootstrap)));
    results.forEach((result, t) => {
      const { selection, first, names: taskNames } = tasks[t]!;
      for (const e of result.errors) if (!warnings.includes(e)) warnings.push(e);
      const m = taskNames.length;
      for (let r = 0; r * m < result.values.length; r++) {
        taskNames.forEach((name, j) => {
          replicateValues[selection]![names.indexOf(name)]![first + r] = result.values[r * m + j]!;
        });
      }
    });
    const intervals = replicateValues.map((perMetric) =>
      perMetric.map((values) => percentileInterval(values, job.ci)),
    );
    return { intervals, warnings };
  });
  // awaited by the caller after the fold pass; a rejection must not go unhandled meanwhile
  done.catch(() => undefined);
  return { method, done };
}
