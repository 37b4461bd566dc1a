import type { Label } from '@assay/core-metrics';
import { describeValue, type OptionKeys } from '@assay/labels';
import { createRng } from '@assay/splitters';
import {
  bcaInterval,
  differenceScale,
  pairedBootstrapFromReplicates,
  snapRoundingTies,
} from '@assay/stats';
import { deriveSeed } from '../bootstrap/derive-seed.js';
import { BOOTSTRAP_BATCH } from '../bootstrap/queue-bootstrap.js';
import { RunnerError } from '../errors.js';
import { computeMetricValues } from '../metrics/compute-metric-values.js';
import { resolveMetrics } from '../metrics/registry.js';
import { isZeroWeightFailure } from '../metrics/zero-weight-failure.js';
import type { PairedBootstrapTask } from '../pool/task-types.js';
import { withClusters } from './cluster-ids-input.js';
import { pairedJackknife } from './paired-jackknife.js';
import type { PredictionInput } from './prediction-input.js';
import { prepareColumns } from './prepare-columns.js';
import { withLabels, withPositiveLabel } from './resolve-labels.js';
import type { ScoreColumns, ScoreTask } from './score-columns.js';
import { resolveNumericOptions } from './score-options.js';

/** Options of `Runner.pairedBootstrap`. */
export interface PairedScoreOptions {
  /** `classification` or `regression`; inferred from side A's columns when omitted. */
  readonly task?: ScoreTask | undefined;
  /** registry names or aliases (at least one) */
  readonly metrics: readonly string[];
  /** scikit-learn's `labels=` for both sides (see `ScoreOptions.labels`) */
  readonly labels?: readonly Label[] | undefined;
  /** the positive class of both sides (see `ScoreOptions.posLabel`) */
  readonly posLabel?: Label | undefined;
  /** bootstrap resamples (default 1000, at least 1) */
  readonly bootstrap?: number | undefined;
  /** confidence level of the intervals (default 0.95) */
  readonly ci?: number | undefined;
  /** seed of the resamples (default 0) */
  readonly seed?: number | undefined;
  /**
   * the cluster of each row (see `ScoreOptions.clusterIds`): each replicate draws whole
   * clusters, e.g. every repeat of an item at once
   */
  readonly clusterIds?: ArrayLike<number> | undefined;
  /**
   * the interval of each difference: `percentile` (default) or `bca`, the bias-corrected and
   * accelerated interval from the same replicates and a leave-one-item-out jackknife
   */
  readonly interval?: 'percentile' | 'bca' | undefined;
}

/**
 * The option names of `pairedBootstrap`, one per field of {@link PairedScoreOptions} (the
 * compiler refuses a missing or extra name): a key not listed here is refused, not ignored.
 *
 * @example
 * ```ts
 * Object.hasOwn(PAIRED_SCORE_OPTION_KEYS, 'bootstrap'); // true
 * Object.hasOwn(PAIRED_SCORE_OPTION_KEYS, 'n_resamples'); // false
 * ```
 */
export const PAIRED_SCORE_OPTION_KEYS: OptionKeys<PairedScoreOptions> = {
  task: true,
  metrics: true,
  labels: true,
  posLabel: true,
  bootstrap: true,
  ci: true,
  seed: true,
  clusterIds: true,
  interval: true,
};

/** One metric of two models on the same rows: both values and the paired difference. */
export interface PairedDifference {
  /** the metric of side A on all rows */
  readonly a: number;
  /** the metric of side B on all rows */
  readonly b: number;
  /** b − a */
  readonly difference: number;
  /** bootstrap interval of the difference (percentile, or BCa with `interval: 'bca'`) */
  readonly ciLow: number;
  readonly ciHigh: number;
  /** two-sided bootstrap p-value of "no difference" */
  readonly pValue: number;
  /** replicates whose difference was defined */
  readonly samples: number;
  /** the interval's kind: `bca` where asked for and defined, else `percentile` */
  readonly interval: 'percentile' | 'bca';
}

/** What `Runner.pairedBootstrap` returns. */
export interface PairedScoreReport {
  /** paired rows */
  readonly n: number;
  /** distinct clusters among the rows (with `clusterIds`) */
  readonly clusters?: number;
  /** per registry metric name */
  readonly metrics: Record<string, PairedDifference>;
  /** metric failures on some replicates (the replicate is left out) */
  readonly warnings: readonly string[];
  readonly settings: {
    /** registry names, in request order (aliases resolved) */
    readonly metrics: readonly string[];
    readonly task: ScoreTask;
    readonly bootstrap: number;
    readonly ci: number;
    readonly seed: number;
    /** what each replicate draws with replacement: rows, or whole clusters of rows */
    readonly resampling: 'rows' | 'clusters';
    /** the interval asked for (a metric whose BCa is undefined falls back to percentile) */
    readonly interval: 'percentile' | 'bca';
  };
}

/** Runs a batch of paired replicates on the pool. */
export type PairedExecutor = (
  task: PairedBootstrapTask,
) => Promise<{ values: Float64Array; errors: readonly string[] }>;

function sideColumns(
  input: PredictionInput,
  side: 'a' | 'b',
  task: ScoreTask | undefined,
  labels: readonly Label[] | undefined,
  posLabel: Label | undefined,
): ScoreColumns {
  try {
    return withPositiveLabel(withLabels(prepareColumns(input, { task }).columns, labels), posLabel);
  } catch (error) {
    if (!(error instanceof RunnerError)) throw error;
    throw new RunnerError(error.code, `Side ${side}: ${error.message}`, {
      path: error.path === undefined ? side : `${side}.${error.path}`,
      cause: error,
    });
  }
}

/** Both sides' columns (side A with the clusters) and the metrics both can give. */
function pairedSides(
  a: PredictionInput,
  b: PredictionInput,
  options: PairedScoreOptions,
): { colsA: ScoreColumns; colsB: ScoreColumns; names: string[] } {
  if (!Array.isArray(options.metrics) || options.metrics.length === 0) {
    throw new RunnerError(
      'INVALID_OPTION',
      `metrics must name at least one metric to compare, e.g. ['accuracy'], got ${describeValue(options.metrics)}.`,
      { path: 'metrics' },
    );
  }
  // the replicates draw side A's clusters for both sides (the rows are the same items)
  const colsA = withClusters(
    sideColumns(a, 'a', options.task, options.labels, options.posLabel),
    options.clusterIds,
    0,
  );
  const colsB = sideColumns(b, 'b', colsA.task, options.labels, options.posLabel);
  if (colsA.n !== colsB.n) {
    throw new RunnerError(
      'LENGTH_MISMATCH',
      `a and b must hold the same rows, one per item, but a has ${colsA.n} and b has ${colsB.n}.`,
      { path: 'b' },
    );
  }
  const inputs = (c: ScoreColumns) => ({
    task: c.task,
    scores: c.yScore !== null,
    proba: c.yProba !== null,
    nClasses: c.classes.length,
  });
  const names = resolveMetrics(options.metrics, inputs(colsA)).map((s) => s.name);
  resolveMetrics(names, inputs(colsB));
  return { colsA, colsB, names };
}

/**
 * B − A per metric and replicate, run in batches, with each replicate's magnitude
 * (max(|A|, |B|), the scale of its rounding); failures join `warnings`.
 */
async function pairedReplicates(
  run: PairedExecutor,
  colsA: ScoreColumns,
  colsB: ScoreColumns,
  names: string[],
  seed: number,
  bootstrap: number,
  warnings: string[],
): Promise<{ differences: Float64Array[]; scales: Float64Array[] }> {
  const m = names.length;
  const rng = createRng(deriveSeed(seed, 3, 0));
  const seeds = Array.from({ length: bootstrap }, () => rng.nextUint32());
  const batches: Promise<{ values: Float64Array; errors: readonly string[] }>[] = [];
  for (let first = 0; first < bootstrap; first += BOOTSTRAP_BATCH) {
    const batch = seeds.slice(first, first + BOOTSTRAP_BATCH);
    batches.push(
      run({ kind: 'paired-bootstrap', a: colsA, b: colsB, metrics: names, seeds: batch }),
    );
  }
  const differences = names.map(() => new Float64Array(bootstrap));
  const scales = names.map(() => new Float64Array(bootstrap));
  let zeroWeight = false;
  (await Promise.all(batches)).forEach((result, t) => {
    for (const e of result.errors) {
      // a resample, not the metric, has no value there: said once below
      if (isZeroWeightFailure(e)) zeroWeight = true;
      else if (!warnings.includes(e)) warnings.push(e);
    }
    for (let r = 0; 2 * r * m < result.values.length; r++) {
      for (let j = 0; j < m; j++) {
        const a = result.values[2 * (r * m + j)]!;
        const b = result.values[2 * (r * m + j) + 1]!;
        differences[j]![t * BOOTSTRAP_BATCH + r] = b - a;
        scales[j]![t * BOOTSTRAP_BATCH + r] = differenceScale(a, b);
      }
    }
  });
  if (zeroWeight) warnings.push(ZERO_WEIGHT_RESAMPLES);
  return { differences, scales };
}

/** The note for paired resamples that drew only rows of weight 0. */
const ZERO_WEIGHT_RESAMPLES =
  "Some resamples drew only rows of weight 0, where a metric has no value; each metric's samples counts the resamples its interval is taken over.";

/** The `interval` option, checked: `percentile` (the default) or `bca`. */
function resolveInterval(interval: unknown): 'percentile' | 'bca' {
  if (interval === undefined || interval === 'percentile' || interval === 'bca') {
    return interval ?? 'percentile';
  }
  throw new RunnerError(
    'INVALID_OPTION',
    `interval must be 'percentile' or 'bca', got ${describeValue(interval)}.`,
    { path: 'interval' },
  );
}

/**
 * The paired bootstrap of two models' predictions of the same rows (row `i` of `a` and
 * of `b` is the same item): every metric on both sides, and the difference B − A with a
 * percentile interval and p-value over replicates that resample the rows once for both.
 *
 * @param run - runs a batch of replicates (on the pool or in process)
 * @param a - side A's columns
 * @param b - side B's columns, the same rows
 * @param options - metrics, labels, resamples, level, seed
 * @returns the report
 * @throws {@link RunnerError} `LENGTH_MISMATCH` for different row counts; `INVALID_OPTION`
 *   for no metric or bad options; what `scorePredictions` throws for bad columns, prefixed by the side
 * @remarks
 * Replicate `r` uses the `r`-th output of `createRng(deriveSeed(seed, 3, 0))` as its
 * seed, so batching and the worker count do not change a result. With `clusterIds` a
 * replicate draws whole clusters (`rng.nextInt(C)` where the row draw takes
 * `rng.nextInt(n)`), so repeated predictions of an item move together. The interval and
 * p-value are `@assay/stats`' `pairedBootstrapFromReplicates`, over the replicates with their
 * rounding ties made exact (`snapRoundingTies`: a replicate equal to B − A or to 0 but for its
 * last bits counts as a tie, as the BCa correction and the p-value need, and a difference of
 * equal values computed in other orders is reported as 0); with `interval: 'bca'` the
 * interval is `@assay/stats`' `bcaInterval` of the same replicates with the leave-one-item-out
 * jackknife of `pairedJackknife`, and the percentile interval where BCa is undefined (no
 * discordant item, identical sides), marked in the metric's `interval`.
 */
export async function pairedBootstrapWith(
  run: PairedExecutor,
  a: PredictionInput,
  b: PredictionInput,
  options: PairedScoreOptions,
): Promise<PairedScoreReport> {
  const { seed, bootstrap, ci } = resolveNumericOptions({
    seed: options.seed,
    bootstrap: options.bootstrap ?? 1000,
    ci: options.ci,
  });
  if (bootstrap < 1) {
    throw new RunnerError(
      'INVALID_OPTION',
      'bootstrap must be at least 1 for a paired bootstrap.',
      {
        path: 'bootstrap',
      },
    );
  }
  const interval = resolveInterval(options.interval);
  const { colsA, colsB, names } = pairedSides(a, b, options);
  const m = names.length;
  const observed = [new Float64Array(m), new Float64Array(m)] as const;
  const warnings: string[] = [];
  computeMetricValues(colsA, names, null, observed[0], 0, warnings);
  computeMetricValues(colsB, names, null, observed[1], 0, warnings);
  const replicates = await pairedReplicates(run, colsA, colsB, names, seed, bootstrap, warnings);
  const jackknife =
    interval === 'bca' && (colsA.clusters?.count ?? colsA.n) >= 2
      ? pairedJackknife(colsA, colsB, names, warnings)
      : null;
  const metrics: Record<string, PairedDifference> = {};
  names.forEach((name, j) => {
    const valueA = observed[0][j]!;
    const valueB = observed[1][j]!;
    // a replicate equal to B − A (or to 0) but for rounding must count as a tie
    const tied = snapRoundingTies(replicates.differences[j]!, {
      observed: valueB - valueA,
      scale: differenceScale(valueA, valueB),
      replicateScales: replicates.scales[j]!,
    });
    const summary = pairedBootstrapFromReplicates(tied.difference, tied.replicates, { ci });
    const bca =
      jackknife === null
        ? null
        : bcaInterval(tied.replicates, {
            observed: tied.difference,
            jackknife: jackknife[j]!,
            level: ci,
          });
    // BCa is undefined when the replicates or the jackknife do not vary (two identical
    // sides, no discordant item): the percentile interval stands, and says so
    metrics[name] =
      bca !== null && Number.isFinite(bca[0]) && Number.isFinite(bca[1])
        ? { a: valueA, b: valueB, ...summary, ciLow: bca[0], ciHigh: bca[1], interval: 'bca' }
        : { a: valueA, b: valueB, ...summary, interval: 'percentile' };
  });
  return {
    n: colsA.n,
    ...(colsA.clusters ? { clusters: colsA.clusters.count } : {}),
    metrics,
    warnings,
    settings: {
      metrics: names,
      task: colsA.task,
      bootstrap,
      ci,
      seed,
      resampling: colsA.clusters ? 'clusters' : 'rows',
      interval,
    },
  };
}
