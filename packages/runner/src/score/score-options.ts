import type { Label } from '@assay/core-metrics';
import { describeValue, type OptionKeys } from '@assay/labels';
import { RunnerError } from '../errors.js';
import type { CvSpec } from './parse-cv-spec.js';
import type { ScoreTask } from './score-columns.js';

/** Progress of a scoring run, for a progress display. */
export interface ScoreProgress {
  /** What is running. */
  readonly phase: 'confusion' | 'metrics' | 'bootstrap';
  /** Tasks finished in this phase. */
  readonly done: number;
  /** Tasks in this phase. */
  readonly total: number;
}

/** Options of `scorePredictions`; every field is optional. */
export interface ScoreOptions {
  /** `classification` or `regression`; inferred from the columns when omitted. */
  readonly task?: ScoreTask | undefined;
  /** scikit-learn scorer names (see `metricNames()`); a task-specific default set when omitted. */
  readonly metrics?: readonly string[] | undefined;
  /** Cross-validation, e.g. `'stratified:5'` (default `'none'`: whole set only). */
  readonly cv?: string | CvSpec | undefined;
  /**
   * Shuffle the rows before cutting `kfold`, `stratified`, `stratified-group` and `holdout`
   * folds (default true, seeded by `seed`). False keeps row order, as scikit-learn's
   * `shuffle=False` (its default): those folds equal scikit-learn's row for row. Refused with
   * `repeated-stratified`; `group` and `timeseries` keep row order either way.
   */
  readonly shuffle?: boolean | undefined;
  /**
   * The labels that averaged, per-label and binary classification metrics range over,
   * in this order (scikit-learn's `labels=`). Rows with other true or predicted
   * labels still count (as errors) for accuracy, balanced accuracy and MCC;
   * `cohen_kappa` leaves them out, as `cohen_kappa_score(labels=)` does. Default:
   * the labels present in the rows scored.
   */
  readonly labels?: readonly Label[] | undefined;
  /**
   * The positive class of binary metrics and of metrics on scores (scikit-learn's
   * `pos_label`). Needed when the labels are not {0, 1} or {-1, 1}: the runner refuses
   * to guess (an error listing the labels) rather than score the other class.
   */
  readonly posLabel?: Label | undefined;
  /** Precomputed test fold per row (-1 = never tested), instead of `cv`. */
  readonly foldIds?: ArrayLike<number> | undefined;
  /**
   * Called once the folds are scored, with one array per repeat (none without CV): for each
   * row scored, the fold that tests it, numbered as `report.folds[].fold`, or -1 where no fold
   * of that repeat tests it. To save the folds (`assay score --folds-out`) and score them
   * elsewhere, e.g. with scikit-learn's `PredefinedSplit`. The arrays live in shared memory
   * and may be one byte per row; copy what you keep.
   */
  readonly onFoldIds?: ((ids: readonly (Int32Array | Int8Array)[]) => void) | undefined;
  /**
   * The cluster of each row (non-negative integers, e.g. the item a prediction is of),
   * for the bootstrap: rows of one cluster are repeated predictions of one item (repeated
   * CV, several samples), and each replicate draws whole clusters with replacement instead
   * of rows, so repeats add no false confidence. Default: every row is its own cluster.
   */
  readonly clusterIds?: ArrayLike<number> | undefined;
  /** Seed of shuffled splitters and of the bootstrap (default 0). */
  readonly seed?: number | undefined;
  /** Bootstrap resamples for confidence intervals (default 0: none). */
  readonly bootstrap?: number | undefined;
  /** Confidence level of the intervals, in (0, 1) (default 0.95). */
  readonly ci?: number | undefined;
  /** Drop rows with a missing value instead of failing (default false). */
  readonly dropMissing?: boolean | undefined;
  /**
   * Re-encode a loaded table's codes in place (saves memory; default false). The table is
   * handed over: its columns may be overwritten, and a later scoring call with it throws a
   * `RunnerError` `TABLE_CONSUMED` (load the file again instead).
   */
  readonly inPlace?: boolean | undefined;
  /** Milliseconds already spent loading the data, reported in `timing.loadMs`. */
  readonly loadMs?: number | undefined;
  /**
   * Rows per counting task. Weighted confusion counts use fixed chunks of this
   * many rows (default 2^20), so their floating-point sums, whose last bits
   * depend on the chunking, are the same for any worker count. Integer counts
   * (label census, unweighted confusion counts, stratified folds) are exact
   * whatever the chunking, so by default they are cut into about four tasks
   * per worker instead (fewer hand-offs between threads); a given `chunkRows`
   * applies to them too.
   */
  readonly chunkRows?: number | undefined;
  /** Called as tasks finish. */
  readonly onProgress?: ((progress: ScoreProgress) => void) | undefined;
}

/**
 * The option names of `scorePredictions`, one per field of {@link ScoreOptions} (the compiler
 * refuses a missing or extra name): a key not listed here is refused, not ignored.
 *
 * @example
 * ```ts
 * Object.hasOwn(SCORE_OPTION_KEYS, 'posLabel'); // true
 * Object.hasOwn(SCORE_OPTION_KEYS, 'pos_label'); // false
 * ```
 */
export const SCORE_OPTION_KEYS: OptionKeys<ScoreOptions> = {
  task: true,
  metrics: true,
  cv: true,
  shuffle: true,
  labels: true,
  posLabel: true,
  foldIds: true,
  onFoldIds: true,
  clusterIds: true,
  seed: true,
  bootstrap: true,
  ci: true,
  dropMissing: true,
  inPlace: true,
  loadMs: true,
  chunkRows: true,
  onProgress: true,
};

/** Fewer bootstrap resamples than this get a warning: their percentile intervals are coarse. */
export const FEW_BOOTSTRAP = 100;

/**
 * The warning for a bootstrap of fewer than {@link FEW_BOOTSTRAP} resamples, which says plainly
 * that its intervals are none: their ends are picked from a handful of replicates and move from
 * seed to seed, and one replicate gives its own value twice, which need not hold the metric's
 * value (f1 0.7065 `[0.7216, 0.7216]`). The intervals are still reported, for trials of a setup.
 *
 * @param bootstrap - the resample count (0: no bootstrap)
 * @param ci - the confidence level
 * @returns the warning, or undefined
 * @example
 * ```ts
 * fewBootstrapWarning(1, 0.95); // 'bootstrap is 1: …'
 * ```
 */
export function fewBootstrapWarning(bootstrap: number, ci: number): string | undefined {
  if (bootstrap === 0 || bootstrap >= FEW_BOOTSTRAP) return undefined;
  const what =
    bootstrap === 1
      ? "the intervals are no confidence intervals but one resample's value twice, which need not even hold the metric's own value"
      : `the intervals are no ${Number((100 * ci).toFixed(2))}% confidence intervals, only ends picked from ${bootstrap} resample values, which move from one seed to the next`;
  return `bootstrap is ${bootstrap}: ${what}; use 1000 or more resamples for intervals to report (fewer than ${FEW_BOOTSTRAP} is meant for trials).`;
}

/** The most bootstrap resamples a job may ask for (`assay score` and `assay run` alike). */
export const MAX_BOOTSTRAP = 1_000_000;

/**
 * Default rows per weighted confusion task (about 5 ms of counting). Fixed,
 * independent of the worker count, so that the main thread always merges the
 * same partial sums in the same order: results are bit-for-bit identical for
 * any number of workers.
 */
export const CHUNK_ROWS = 1 << 20;

/**
 * Validates the numeric scoring options.
 *
 * @param options - the options
 * @returns seed, bootstrap count and level with defaults applied
 * @throws {@link RunnerError} `INVALID_OPTION` naming the option and the valid range
 */
export function resolveNumericOptions(options: ScoreOptions): {
  seed: number;
  bootstrap: number;
  ci: number;
  chunkRows: number;
  chunkRowsGiven: boolean;
} {
  const seed = options.seed ?? 0;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RunnerError(
      'INVALID_OPTION',
      `seed must be an integer in [0, 4294967295], got ${describeValue(seed)}.`,
      { path: 'seed' },
    );
  }
  const bootstrap = options.bootstrap ?? 0;
  if (!Number.isInteger(bootstrap) || bootstrap < 0 || bootstrap > MAX_BOOTSTRAP) {
    throw new RunnerError(
      'INVALID_OPTION',
      `bootstrap must be a whole number of resamples in [0, ${MAX_BOOTSTRAP}], got ${describeValue(bootstrap)}.`,
      { path: 'bootstrap' },
    );
  }
  const ci = options.ci ?? 0.95;
  if (!(ci > 0 && ci < 1)) {
    throw new RunnerError(
      'INVALID_OPTION',
      `ci must be a confidence level in (0, 1) such as 0.95, got ${describeValue(ci)}.`,
      { path: 'ci' },
    );
  }
  const chunkRows = options.chunkRows ?? CHUNK_ROWS;
  if (!Number.isInteger(chunkRows) || chunkRows < 1) {
    throw new RunnerError(
      'INVALID_OPTION',
      `chunkRows must be a positive whole number of rows per task, got ${describeValue(chunkRows)}.`,
      { path: 'chunkRows' },
    );
  }
  return { seed, bootstrap, ci, chunkRows, chunkRowsGiven: options.chunkRows !== undefined };
}
