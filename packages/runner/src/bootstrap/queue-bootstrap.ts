import { createRng } from '@assay/splitters';
import { percentileIntervalOfSorted, sortDefined } from '@assay/stats';
import type { MetricSpec } from '../metrics/metric-spec.js';
import { isZeroWeightFailure } from '../metrics/zero-weight-failure.js';
import type {
  BootstrapTask,
  MultinomialTask,
  ReplicateClaims,
  Selection,
  ValuesResult,
} from '../pool/task-types.js';
import type { ScoreColumns } from '../score/score-columns.js';
import { type SelectionWeights, selectionWeights } from '../score/selection-weights.js';
import { deriveSeed } from './derive-seed.js';

/** Bootstrap replicates per row-resampling task (each replicate has its own seed). */
export const BOOTSTRAP_BATCH = 16;

/**
 * Replicates per batch that a multinomial (confusion-count) task claims: about 0.25 ms of
 * work, so a worker slowed down by the calling thread leaves the batches to the others.
 */
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
  /** Multinomial tasks to queue, one per worker (any number gives the same replicates). */
  readonly tasks: number;
}

/** The queued bootstrap: the method per metric and, when awaited, the intervals. */
export interface QueuedBootstrap {
  readonly method: Record<string, 'multinomial-counts' | 'rows'>;
  /** Per selection (whole set, then each slice), per metric: the interval or null. */
  readonly done: Promise<{ intervals: ([number, number] | null)[][]; warnings: string[] }>;
}

/** Which replicates of the job's metrics run by multinomial draws and which by rows. */
interface Methods {
  readonly method: Record<string, 'multinomial-counts' | 'rows'>;
  /** Confusion metrics drawn as multinomial confusion matrices. */
  readonly multinomial: string[];
  /** Every other metric, on resampled rows (or whole clusters of rows). */
  readonly resampled: string[];
}

/**
 * Multinomial draws of the confusion matrix are exact for unweighted rows drawn one by
 * one: not for weighted rows, nor for clusters of several rows (a replicate then holds
 * whole clusters), and with very many classes and few rows per cell resampling rows is
 * the cheaper exact method (O(non-zero cells) against O(n) per replicate).
 */
function chooseMethods(job: BootstrapJob): Methods {
  const { columns, specs, overallCounts } = job;
  let nonZero = 0;
  if (overallCounts !== null) for (const c of overallCounts) if (c > 0) nonZero++;
  const rowsAreClusters = columns.clusters === undefined || columns.clusters.count === columns.n;
  const counts =
    columns.weight === null && rowsAreClusters && nonZero <= Math.max(64, columns.n / 4);
  const multinomial = counts ? specs.filter((s) => s.kind === 'confusion').map((s) => s.name) : [];
  const resampled = specs.filter((s) => !multinomial.includes(s.name)).map((s) => s.name);
  const method: Record<string, 'multinomial-counts' | 'rows'> = {};
  for (const name of multinomial) method[name] = 'multinomial-counts';
  for (const name of resampled) method[name] = 'rows';
  return { method, multinomial, resampled };
}

/** One queued batch: its selection, first replicate and metrics. */
interface QueuedBatch {
  readonly selection: number;
  readonly first: number;
  readonly names: readonly string[];
  readonly result: Promise<ValuesResult>;
}

/** `bootstrap` replicate seeds from `createRng(deriveSeed(seed, stream, si))`. */
function replicateSeeds(job: BootstrapJob, stream: number, si: number): number[] {
  const rng = createRng(deriveSeed(job.seed, stream, si));
  // a plain loop: this runs once per job, in cold code, where a callback per seed costs
  const seeds = new Array<number>(job.bootstrap);
  for (let r = 0; r < seeds.length; r++) seeds[r] = rng.nextUint32();
  return seeds;
}

/** Queues every batch of one selection (whole set or slice `si - 1`). */
function queueSelection(
  job: BootstrapJob,
  methods: Methods,
  si: number,
  selection: Selection,
  out: QueuedBatch[],
): void {
  const { columns, bootstrap, overallCounts, sliceCounts } = job;
  const { multinomial, resampled } = methods;
  const cells = columns.classes.length ** 2;
  if (multinomial.length > 0 && overallCounts !== null) {
    const counts = si === 0 ? overallCounts : sliceCounts!.slice((si - 1) * cells, si * cells);
    const claims: ReplicateClaims = {
      next: new Int32Array(new SharedArrayBuffer(4)),
      batch: MULTINOMIAL_BATCH,
      out: new Float64Array(new SharedArrayBuffer(bootstrap * multinomial.length * 8)),
    };
    const task: MultinomialTask = {
      kind: 'multinomial',
      columns,
      counts,
      metrics: multinomial,
      seeds: replicateSeeds(job, 1, si),
      claims,
    };
    const tasks = Math.min(job.tasks, Math.ceil(bootstrap / MULTINOMIAL_BATCH));
    const result = Promise.all(Array.from({ length: tasks }, () => job.run(task))).then(
      (parts) => ({ values: claims.out, errors: [...new Set(parts.flatMap((p) => p.errors))] }),
    );
    out.push({ selection: si, first: 0, names: multinomial, result });
  }
  if (resampled.length === 0) return;
  const seeds = replicateSeeds(job, 2, si);
  for (let first = 0; first < bootstrap; first += BOOTSTRAP_BATCH) {
    const task: BootstrapTask = {
      kind: 'bootstrap',
      columns,
      metrics: resampled,
      selection,
      seeds: seeds.slice(first, first + BOOTSTRAP_BATCH),
    };
    out.push({ selection: si, first, names: resampled, result: job.run(task) });
  }
}

/**
 * The percentile interval of every metric on every selection, from the batches' values.
 * It runs once per job on the calling thread, in cold code, while the workers may still be
 * busy: plain loops, and the stats kernel on values sorted here, rather than per-value
 * callbacks and a second validation of numbers the workers computed.
 */
function intervalsOf(
  job: BootstrapJob,
  selections: number,
  batches: readonly QueuedBatch[],
  results: readonly ValuesResult[],
): { intervals: ([number, number] | null)[][]; warnings: string[] } {
  const names = job.specs.map((s) => s.name);
  const warnings: string[] = [];
  const replicateValues = Array.from({ length: selections }, () =>
    names.map(() => new Float64Array(job.bootstrap)),
  );
  results.forEach((result, t) => {
    const { selection, first, names: taskNames } = batches[t]!;
    // a resample whose drawn rows' weights sum to 0 is one of the notes' reasons below
    for (const e of result.errors) {
      if (!isZeroWeightFailure(e) && !warnings.includes(e)) warnings.push(e);
    }
    const m = taskNames.length;
    const replicates = result.values.length / m;
    for (let j = 0; j < m; j++) {
      const into = replicateValues[selection]![names.indexOf(taskNames[j]!)]!;
      for (let r = 0; r < replicates; r++) into[first + r] = result.values[r * m + j]!;
    }
  });
  // each selection's weights, counted only when a weighted job has a note to word
  let weights: SelectionWeights | null | undefined;
  const weightOf = (s: number) => {
    weights ??= selectionWeights(job.columns);
    return weights === null
      ? undefined
      : { total: weights.total[s]!, zeroRows: weights.zeroRows[s]! };
  };
  const intervals = replicateValues.map((perMetric, s) =>
    perMetric.map((values, j) => {
      const defined = sortDefined(values);
      const missing = values.length - defined.length;
      const weight = missing === 0 ? undefined : weightOf(s);
      const note = partlyUndefinedNote(job, names[j]!, s, missing, weight);
      if (note !== null) warnings.push(note);
      return defined.length === 0 ? null : percentileIntervalOfSorted(defined, job.ci);
    }),
  );
  return { intervals, warnings };
}

/**
 * A note for a metric without a value on some resamples (recall where no positive row was
 * drawn, MCC where one class was, any metric where only rows of weight 0 were): its interval
 * is over the others, which a reader of a rare class should know.
 *
 * @param weight - the selection's total weight and rows of weight 0 (undefined: unweighted);
 *   a selection of weight 0 has no value on any resample, which the report's warning on its
 *   values already explains
 */
function partlyUndefinedNote(
  job: BootstrapJob,
  name: string,
  selection: number,
  missing: number,
  weight?: { readonly total: number; readonly zeroRows: number },
): string | null {
  if (missing === 0 || weight?.total === 0) return null;
  const replicates = job.bootstrap;
  const where =
    selection === 0 ? '' : ` on slice ${JSON.stringify(job.columns.sliceValues[selection - 1])}`;
  const base = UNDEFINED_WHEN[name];
  const why =
    weight === undefined || weight.zeroRows === 0
      ? (base ?? 'undefined there')
      : base !== undefined
        ? `${base}, or only rows weighing 0`
        : // a regression error has no other way to lack a value; a label metric may (roc_auc_ovr
          // of a resample that drew no row of a class)
          job.columns.task === 'regression'
          ? 'only rows weighing 0 drawn'
          : 'undefined there, as where only rows weighing 0 are drawn';
  // every resample undefined: the rows themselves lack what the metric needs (no positive row
  // in a slice), and the value keeps scikit-learn's convention without an interval; a metric
  // that failed outright has its own warning
  if (missing === replicates) {
    if (base === undefined) return null;
    return `${name}${where} has no value on any of its ${replicates} bootstrap resamples (${why}), so it has no interval.`;
  }
  return `${name}${where} has no value on ${missing} of ${replicates} bootstrap resamples (${why}), so its interval is taken over the other ${replicates - missing}.`;
}

/**
 * Why a metric has no value on a resample: where scikit-learn answers a zero denominator with
 * a convention (0, or 1 and 0 for R²) that the whole set's value keeps but that is no draw of
 * the metric, or where the metric itself is NaN (ROC AUC of one class).
 */
const UNDEFINED_WHEN: Readonly<Record<string, string>> = {
  recall: 'no positive row drawn',
  precision: 'no row predicted positive drawn',
  f1: 'neither a positive row nor a row predicted positive drawn',
  jaccard: 'neither a positive row nor a row predicted positive drawn',
  false_positive_rate: 'no negative row drawn',
  average_precision: 'no positive row drawn',
  roc_auc: 'rows of one true class only drawn',
  matthews_corrcoef: 'rows of one true or one predicted class only drawn',
  cohen_kappa: 'rows of one true or one predicted class only drawn',
  adjusted_balanced_accuracy: 'rows of one true class only drawn',
  r2: 'rows of one true value only drawn',
  explained_variance: 'rows of one true value only drawn',
};

/**
 * Queues the bootstrap replicates of every metric on the whole set and on each
 * slice: confusion metrics (unweighted, rows their own clusters, not too many
 * non-zero cells) by multinomial draws of the confusion matrix, every other
 * metric by resampling rows, or whole clusters of rows when the columns have
 * clusters. Replicate `r` of selection `s` uses the `r`-th output of
 * `createRng(deriveSeed(seed, 1 | 2, s))` as its seed, so batching and worker
 * count do not change a result.
 *
 * @param job - the runner, the data, the counts and the settings
 * @returns the methods at once; the intervals when `done` resolves
 * @example
 * const { columns } = prepareColumns({ yTrue: [0, 1, 1, 0], yPred: [0, 1, 0, 0] });
 * const run = async (task) => runTask(task);
 * const queued = queueBootstrap({ run, track: (p) => Promise.all(p), columns, specs: [METRIC_REGISTRY.get('accuracy')], overallCounts: Float64Array.of(2, 0, 1, 1), sliceCounts: null, seed: 0, bootstrap: 100, ci: 0.95, tasks: 1 });
 * queued.method; // { accuracy: 'multinomial-counts' }
 * await queued.done; // { intervals: [[[0.25, 1]]], warnings: [] }
 */
export function queueBootstrap(job: BootstrapJob): QueuedBootstrap {
  const { columns } = job;
  const methods = chooseMethods(job);
  const selections: Selection[] = [
    null,
    ...columns.sliceValues.map((_, s) => ({ ids: columns.slice!, value: s })),
  ];
  const batches: QueuedBatch[] = [];
  selections.forEach((selection, si) => {
    queueSelection(job, methods, si, selection, batches);
  });
  const done = job
    .track(batches.map((b) => b.result))
    .then((results) => intervalsOf(job, selections.length, batches, results));
  // awaited by the caller after the fold pass; a rejection must not go unhandled meanwhile
  done.catch(() => undefined);
  return { method: methods.method, done };
}
