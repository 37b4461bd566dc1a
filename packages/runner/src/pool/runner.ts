import { availableParallelism } from 'node:os';
import { describeValue, type OptionKeys } from '@assay/labels';
import type { Piscina } from 'piscina';
import { checkOptionKeys } from '../check-option-keys.js';
import { RunnerError } from '../errors.js';
import type { GenerationInput } from '../generation/generation-input.js';
import {
  GENERATION_OPTION_KEYS,
  type GenerationOptions,
} from '../generation/generation-options.js';
import type { GenerationTaskRunner } from '../generation/generation-tasks.js';
import type { CsvTask } from '../io/csv-range-types.js';
import {
  PAIRED_SCORE_OPTION_KEYS,
  type PairedScoreOptions,
  type PairedScoreReport,
  pairedBootstrapWith,
} from '../score/paired-score.js';
import type { PredictionInput } from '../score/prediction-input.js';
import { type Executor, scoreWith } from '../score/score-engine.js';
import { SCORE_OPTION_KEYS, type ScoreOptions } from '../score/score-options.js';
import type { ScoreReport } from '../score/score-report.js';
import { executorOf } from './executor-of.js';
import { startPiscina } from './start-piscina.js';
import type { LabelSpansTask, SharedPassTask } from './task-types.js';
import { runTask } from './worker-tasks.js';

/** Options of {@link createRunner}. */
export interface RunnerOptions {
  /**
   * Worker threads (default `os.availableParallelism()`, and never more: a larger count
   * is clamped, with {@link Runner.warning} saying so); 0 runs every task on the calling
   * thread (same results, no pool).
   */
  readonly workers?: number | undefined;
}

/**
 * The option names of {@link createRunner}, one per field of {@link RunnerOptions} (the
 * compiler refuses a missing or extra name): a key not listed here is refused, not ignored.
 *
 * @example
 * ```ts
 * Object.keys(RUNNER_OPTION_KEYS); // ['workers']
 * ```
 */
export const RUNNER_OPTION_KEYS: OptionKeys<RunnerOptions> = { workers: true };

/** The option names of {@link Runner.start}. */
const START_OPTION_KEYS: OptionKeys<{ readonly warmUp?: boolean }> = { warmUp: true };

/** The option names of the module-level {@link scorePredictions}: the scoring options and `workers`. */
const SCORE_CALL_OPTION_KEYS: OptionKeys<ScoreOptions & RunnerOptions> = {
  ...SCORE_OPTION_KEYS,
  ...RUNNER_OPTION_KEYS,
};

class WorkerFailure extends Error {}

/**
 * A scoring runner: a Piscina pool of worker threads, started lazily and
 * reused across calls, that scores predictions over shared-memory columns.
 *
 * @remarks
 * If a worker throws or dies, the run is rejected with a `RunnerError`
 * (`WORKER_FAILED`) carrying the worker's error as `cause`, and the pool is
 * destroyed (the next call starts a fresh one), so nothing hangs.
 * @example
 * ```ts
 * import { createRunner } from '@assay/runner';
 * const runner = createRunner({ workers: 0 });
 * try {
 *   const report = await runner.scorePredictions({ yTrue: [1, 0, 1], yPred: [1, 0, 0] }, { metrics: ['accuracy'] });
 *   report.overall.accuracy.value; // 0.6666666666666666
 * } finally {
 *   await runner.close();
 * }
 * ```
 */
export class Runner {
  /** Size of the pool (0 = in-process), at most `os.availableParallelism()`. */
  readonly workers: number;
  /** Set when the requested worker count was clamped to the available cores. */
  readonly warning: string | undefined;
  private pool: Piscina | undefined;
  private closed = false;

  /**
   * @param options - pool size
   * @throws {@link RunnerError} `INVALID_OPTION` for a bad worker count
   */
  constructor(options: RunnerOptions = {}) {
    checkOptionKeys(options, 'createRunner', RUNNER_OPTION_KEYS);
    const workers = options.workers ?? availableParallelism();
    if (!Number.isInteger(workers) || workers < 0 || workers > 1024) {
      throw new RunnerError(
        'INVALID_OPTION',
        `workers must be a whole number in [0, 1024] (0 = no worker threads), got ${describeValue(workers)}.`,
        { path: 'workers' },
      );
    }
    // more threads than cores only add hand-offs and memory (999 threads on a 6-row file
    // took 50 s and 5.9 GB), never speed: clamp, and say so
    const cores = availableParallelism();
    this.workers = Math.min(workers, cores);
    this.warning =
      workers > cores
        ? `workers ${workers} is more than the ${cores} available core(s); using ${cores}.`
        : undefined;
  }

  /**
   * Starts the worker threads now instead of at the first task, so that their start-up
   * (thread, module loading) overlaps other work such as reading the input file, and each
   * worker then runs a small scoring job of its own so that its kernels are compiled before
   * the real tasks arrive (a cold worker runs its first tasks in the interpreter). Does
   * nothing for `workers: 0`, after {@link Runner.close}, or when already started.
   *
   * @param options - `warmUp` (default true): run the warm-up job, whose kernels serve
   *   label scoring; pass false when the pool will score generated text or regression only
   *
   * @example
   * ```ts
   * const runner = createRunner({ workers: 2 });
   * runner.start(); // the workers boot while the file is read
   * const table = await loadColumns('preds.csv', { columns: { y: 'label', p: 'label' } });
   * await runner.scorePredictions({ table, roles: { yTrue: 'y', yPred: 'p' } });
   * await runner.close();
   * ```
   */
  start(options: { readonly warmUp?: boolean } = {}): void {
    checkOptionKeys(options, 'runner.start', START_OPTION_KEYS);
    if (this.workers > 0 && !this.closed) this.startPool(options.warmUp ?? true);
  }

  /** The pool, started on first use; `warmUp` when started ahead of its work. */
  private startPool(warmUp = false): Piscina {
    if (this.pool === undefined) {
      this.pool = startPiscina({
        // by the package's own name, not a path or `#import` relative to this file, so that it
        // also resolves where this module is bundled into another package (the assay CLI)
        filename: import.meta.resolve('@assay/runner/worker'),
        workers: this.workers,
        workerData: { warmUp, workers: this.workers },
      });
    }
    return this.pool;
  }

  /** Runs a task on the pool (`filename`: another handler module), failures as WorkerFailure. */
  private poolRunner(filename?: string): (task: unknown) => Promise<unknown> {
    const pool = this.startPool();
    const options = filename === undefined ? undefined : { filename };
    return async (task) => {
      try {
        return await pool.run(task, options);
      } catch (error) {
        throw new WorkerFailure('worker failed', { cause: error });
      }
    };
  }

  private executor(): Executor {
    return executorOf(this.workers === 0 ? async (task) => runTask(task) : this.poolRunner());
  }

  /**
   * Scores predictions: every requested metric on the whole set, on each CV
   * test fold and on each slice, with bootstrap intervals when asked.
   *
   * @param input - in-memory columns `{ yTrue, yPred, yScore?, yProba?, weight?, group?, slice? }`
   *   (arrays, typed arrays or Arrow vectors), or `{ table, roles }` for a table
   *   from {@link loadColumns} or an apache-arrow Table
   * @param options - task, metrics, `cv` or `foldIds`, `clusterIds`, seed, bootstrap, ci, dropMissing
   * @returns the report (validates against `ScoreReportSchema`)
   * @throws {@link RunnerError} for bad options or data, `WORKER_FAILED` when a worker
   *   throws or dies, `INTERRUPTED` after {@link Runner.close}
   * @example
   * ```ts
   * const runner = createRunner({ workers: 2 });
   * const report = await runner.scorePredictions({ yTrue: [0, 1, 1], yPred: [0, 1, 0] }, { metrics: ['accuracy'] });
   * await runner.close();
   * ```
   */
  async scorePredictions(input: PredictionInput, options: ScoreOptions = {}): Promise<ScoreReport> {
    checkOptionKeys(options, 'scorePredictions', SCORE_OPTION_KEYS);
    return this.guarded((exec) => scoreWith(exec, this.workers, input, options));
  }

  /**
   * Compares two models' predictions of the same rows (row `i` of `a` and of `b` is the
   * same item): every metric on both sides, and the difference B − A with a paired
   * bootstrap interval and p-value, the replicates computed on the pool.
   *
   * @param a - side A's columns, as for {@link Runner.scorePredictions}
   * @param b - side B's columns, the same rows in the same order
   * @param options - metrics (registry names or aliases), labels, bootstrap, ci, seed,
   *   `clusterIds` (each replicate draws whole clusters, e.g. every repeat of an item),
   *   `interval` (`percentile`, or `bca` with a leave-one-item-out jackknife)
   * @returns per metric: both values, the difference, its interval and p-value
   * @throws {@link RunnerError} for bad options or data (prefixed by the side), row counts
   *   that differ, `WORKER_FAILED` when a worker fails, `INTERRUPTED` after {@link Runner.close}
   * @example
   * ```ts
   * const runner = createRunner({ workers: 2 });
   * const report = await runner.pairedBootstrap(
   *   { yTrue: [0, 1, 1, 0], yPred: [0, 1, 0, 0] },
   *   { yTrue: [0, 1, 1, 0], yPred: [0, 1, 1, 0] },
   *   { metrics: ['accuracy'], bootstrap: 1000, seed: 7 },
   * );
   * report.metrics.accuracy?.difference; // 0.25
   * await runner.close();
   * ```
   */
  async pairedBootstrap(
    a: PredictionInput,
    b: PredictionInput,
    options: PairedScoreOptions,
  ): Promise<PairedScoreReport> {
    checkOptionKeys(options, 'pairedBootstrap', PAIRED_SCORE_OPTION_KEYS);
    // a missing options argument is refused for its missing metrics, not read as a TypeError
    const given = options ?? ({} as PairedScoreOptions);
    return this.guarded((exec) => pairedBootstrapWith((task) => exec.values(task), a, b, given));
  }

  /**
   * Scores generated outputs against references: every requested text metric on the whole
   * set, on each CV test fold and on each slice, with bootstrap intervals when asked. Rows
   * are scored on the pool; corpus metrics (BLEU, chrF, chrF++, TER) are computed from the
   * rows' summed sacrebleu statistics, the others are means of per-row values.
   *
   * @remarks
   * `@assay/text-metrics` is loaded on the first call (the workers load it with their first
   * generation task), so classification runs never pay for it.
   *
   * @param input - in-memory `{ references, outputs, slice?, group? }`, or `{ table, roles }`
   *   for a table from {@link loadColumns} whose references and outputs were read as `text`
   * @param options - metrics, `normalize`, `stemmer`, `bleuTokenize`, `cv` or `foldIds`, `clusterIds`, seed,
   *   bootstrap, ci, dropMissing
   * @returns the report (validates against `ScoreReportSchema`, `task: 'generation'`)
   * @throws {@link RunnerError} for bad options or data (`UNKNOWN_METRIC`, `NON_TEXT_VALUE`,
   *   `MISSING_VALUE`, ...), `WORKER_FAILED` when a worker fails, `INTERRUPTED` after
   *   {@link Runner.close}
   * @example
   * ```ts
   * const runner = createRunner({ workers: 2 });
   * const report = await runner.scoreGenerations(
   *   { references: ['the cat sat', ['a dog', 'the dog']], outputs: ['the cat sat', 'dogs'] },
   *   { metrics: ['exact_match', 'bleu'], bootstrap: 1000, seed: 7 },
   * );
   * report.overall.exact_match; // { value: 0.5, ci: [0, 1] }
   * await runner.close();
   * ```
   */
  async scoreGenerations(
    input: GenerationInput,
    options: GenerationOptions = {},
  ): Promise<ScoreReport> {
    checkOptionKeys(options, 'scoreGenerations', GENERATION_OPTION_KEYS);
    return this.guarded(async () => {
      const { scoreGenerationsWith } = await import('../generation/score-generations.js');
      const run =
        this.workers === 0
          ? null
          : (this.poolRunner(
              import.meta.resolve('@assay/runner/generation-worker'),
            ) as GenerationTaskRunner);
      return scoreGenerationsWith(run, this.workers, input, options);
    });
  }

  /**
   * Runs one task of a file reader on the pool (`loadColumns` with `runner` reads a CSV or
   * TSV file's byte ranges, and scans and counts an Arrow file's integer label columns, on the
   * workers); a failed task rejects with the worker's error
   * and leaves the pool running, for the reader to read the file on the calling thread.
   *
   * @param task - a reader's task
   * @returns the task's result
   * @throws {@link RunnerError} `INTERRUPTED` after {@link Runner.close}, or `INVALID_OPTION`
   *   for a runner without workers
   * @example
   * ```ts
   * const runner = createRunner({ workers: 2 });
   * const table = await loadColumns('preds.csv', { columns: { y: 'label' }, runner });
   * ```
   */
  async runReadTask(task: CsvTask | LabelSpansTask | SharedPassTask): Promise<unknown> {
    if (this.closed) {
      throw new RunnerError(
        'INTERRUPTED',
        'This runner is closed; create a new one with createRunner().',
      );
    }
    if (this.workers === 0) {
      throw new RunnerError(
        'INVALID_OPTION',
        'This runner has no worker threads (workers: 0) to read files on.',
        { path: 'workers' },
      );
    }
    return this.startPool().run(task);
  }

  /** Runs a job on the pool; a failed worker shuts the pool down and becomes WORKER_FAILED. */
  private async guarded<T>(job: (exec: Executor) => Promise<T>): Promise<T> {
    if (this.closed) {
      throw new RunnerError(
        'INTERRUPTED',
        'This runner is closed; create a new one with createRunner().',
      );
    }
    try {
      return await job(this.executor());
    } catch (error) {
      if (!(error instanceof WorkerFailure)) throw error;
      await this.destroyPool();
      const cause = error.cause;
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new RunnerError(
        'WORKER_FAILED',
        `A scoring worker failed (${reason}); the run was aborted and the worker pool shut down.`,
        { cause },
      );
    }
  }

  private async destroyPool(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    if (pool !== undefined) await pool.destroy().catch(() => undefined);
  }

  /**
   * Shuts the pool down. Further calls to {@link Runner.scorePredictions} fail.
   *
   * @returns when every worker has exited
   */
  async close(): Promise<void> {
    this.closed = true;
    await this.destroyPool();
  }
}

/**
 * Creates a reusable scoring {@link Runner}.
 *
 * @param options - `workers` (default `os.availableParallelism()`, 0 = in-process)
 * @returns the runner; call `close()` when done
 * @throws {@link RunnerError} `INVALID_OPTION` for a bad worker count
 * @example
 * ```ts
 * import { createRunner } from '@assay/runner';
 * const runner = createRunner({ workers: 2 });
 * try {
 *   const report = await runner.scorePredictions(
 *     { yTrue: ['a', 'b', 'b', 'a'], yPred: ['a', 'b', 'a', 'a'] },
 *     { metrics: ['accuracy', 'f1_macro'], bootstrap: 200 },
 *   );
 *   report.overall.accuracy.value; // 0.75
 * } finally {
 *   await runner.close();
 * }
 * ```
 */
export function createRunner(options: RunnerOptions = {}): Runner {
  return new Runner(options);
}

/**
 * Scores predictions with a runner created for this call and closed after it.
 *
 * @param input - see {@link Runner.scorePredictions}
 * @param options - see {@link Runner.scorePredictions}, plus `workers`
 * @returns the report
 * @throws {@link RunnerError} as {@link Runner.scorePredictions}
 * @example
 * ```ts
 * import { scorePredictions } from '@assay/runner';
 * const report = await scorePredictions(
 *   { yTrue: [1, 0, 1, 1], yPred: [1, 0, 0, 1], yScore: [0.9, 0.2, 0.4, 0.8] },
 *   { metrics: ['accuracy', 'roc_auc'], workers: 0 },
 * );
 * report.overall; // { accuracy: { value: 0.75 }, roc_auc: { value: 1 } }
 * ```
 */
export async function scorePredictions(
  input: PredictionInput,
  options: ScoreOptions & RunnerOptions = {},
): Promise<ScoreReport> {
  checkOptionKeys(options, 'scorePredictions', SCORE_CALL_OPTION_KEYS);
  const { workers, ...scoreOptions } = options;
  const runner = createRunner({ workers });
  try {
    return await runner.scorePredictions(input, scoreOptions);
  } finally {
    await runner.close();
  }
}
