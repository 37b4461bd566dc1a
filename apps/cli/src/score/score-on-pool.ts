import { stat } from 'node:fs/promises';
import { createProgressBar } from '@assay/report/text';
import {
  type ColumnKind,
  createRunner,
  type LabelPair,
  type LoadedTable,
  loadColumns,
  parseCvSpec,
  type Runner,
  RunnerError,
  type ScoreOptions,
  type ScoreProgress,
  type ScoreReport,
} from '@assay/runner/scoring';
import { clusterIdsOf } from './cluster-column.js';
import { type FoldColumn, readFoldColumn, untestedRowsWarning } from './fold-column.js';
import type { ScoreCommandOptions } from './score-command-options.js';
import { type ScoreSource, scoreProvenance } from './score-source.js';
import { writeFoldIds } from './write-fold-ids.js';
import { scoreReportFormat, writeScoreReport } from './write-score-report.js';

/**
 * Files from this size up warm the workers' kernels up while they are read. The warm-up
 * costs each worker 0.2-0.3 s of CPU and blocks its first task; a smaller file's job runs
 * its kernels cold in less. Measured on 2 cores with 2 workers, whole command: 200 rows
 * 0.65 s warmed against 0.48 s cold, 100,000 rows 0.70 s against 0.56 s; 2M rows of CSV
 * (26 MB) 0.88-0.93 s against 0.86-0.90 s, although its compute alone is 0.05 s warmed
 * against 0.11-0.18 s cold: from there on the warm-up pays.
 */
const WARM_UP_MIN_BYTES = 32 * 2 ** 20;

// 2 cores, 2 workers vs in-process, 3 alternating runs: 200 rows 0.45-0.47 vs 0.31-0.34 s, 100,000 rows (1.5 MiB) 0.51-0.53 vs 0.37-0.42 s
const IN_PROCESS_MAX_BYTES = 2 ** 20;

// --y-score --bootstrap 1000 resamples rows: 25,000 rows (390 KB) 0.81-0.86 (pool) vs 0.74-0.88 s, 60,000 rows 1.10-1.15 vs 1.17-1.31 s
const RANKED_BOOTSTRAP_IN_PROCESS_MAX_BYTES = 384 * 2 ** 10;

/**
 * The worker count when `--workers` is not given: 0 (score on this thread) for a file whose
 * job is done before a pool would have started, else undefined (every core).
 *
 * @param bytes - the file's size
 * @param options - `--bootstrap`, `--y-score`, `--y-proba`
 * @returns 0 or undefined
 */
export function defaultWorkers(
  bytes: number,
  options: Pick<ScoreCommandOptions, 'bootstrap' | 'yScore' | 'yProba'>,
): 0 | undefined {
  // a ranking metric's bootstrap walks every row per replicate: the pool pays for itself sooner
  const ranked = options.bootstrap > 0 && (options.yScore ?? options.yProba) !== undefined;
  const limit = ranked ? RANKED_BOOTSTRAP_IN_PROCESS_MAX_BYTES : IN_PROCESS_MAX_BYTES;
  return bytes < limit ? 0 : undefined;
}

/** The file's size in bytes, 0 when it cannot be read (the reader then names the problem). */
async function fileSize(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch {
    return 0;
  }
}

/**
 * Refuses, before the file is read: `--clusters` and `--folds` where their ids could not line
 * up with the rows scored (`--drop-missing` removes rows after they are read), `--folds`
 * beside `--cv` or naming a label column, a bad `--cv`, and `--no-shuffle` with a repeated CV.
 */
function checkFoldOptions(options: ScoreCommandOptions): void {
  const cv = parseCvSpec(options.cv);
  if (options.shuffle === false && cv.kind === 'repeated-stratified') {
    throw new RunnerError(
      'INVALID_OPTION',
      `--no-shuffle cannot apply to --cv ${options.cv}: every repeat is a new shuffle (scikit-learn's RepeatedStratifiedKFold has no shuffle=False); use --cv stratified:${cv.k} for one unshuffled split.`,
      { path: 'cv' },
    );
  }
  if (options.folds !== undefined && [options.yTrue, options.yPred].includes(options.folds)) {
    throw new RunnerError(
      'INVALID_OPTION',
      `--folds ${options.folds} names the true or predicted label column; --folds takes a column of whole-number test folds saved with the predictions.`,
      { path: 'folds' },
    );
  }
  if (options.foldsOut !== undefined && cv.kind === 'none' && options.folds === undefined) {
    throw new RunnerError(
      'INVALID_OPTION',
      '--folds-out saves the folds of a CV, but there is none; give --cv (e.g. --cv stratified:5) or --folds.',
      { path: 'foldsOut' },
    );
  }
  for (const [flag, name] of [
    ['--clusters', options.clusters],
    ['--folds', options.folds],
    ['--folds-out', options.foldsOut],
  ] as const) {
    if (name !== undefined && options.dropMissing === true) {
      throw new RunnerError(
        'INVALID_OPTION',
        `${flag} cannot be combined with --drop-missing: drop the rows with a missing value from the file first.`,
        { path: flag === '--folds-out' ? 'foldsOut' : flag.slice(2) },
      );
    }
  }
  if (options.folds !== undefined && options.cv.trim().toLowerCase() !== 'none') {
    throw new RunnerError(
      'INVALID_OPTION',
      `--folds ${options.folds} gives the folds, so --cv ${options.cv} cannot also; drop one of them.`,
      { path: 'folds' },
    );
  }
}

/**
 * A report of folds from `--folds`: `settings.cv` names the column (`folds:fold`, where the
 * library says `foldIds`), `settings.foldValues` gives each fold's value in the column (the
 * report numbers folds from 0, in value order), and a warning counts the rows no fold tests.
 */
function withFoldColumn(report: ScoreReport, name: string, folds: FoldColumn): ScoreReport {
  const note = untestedRowsWarning(name, folds);
  return {
    ...report,
    warnings: note === undefined ? report.warnings : [...report.warnings, note],
    settings: { ...report.settings, cv: `folds:${name}`, foldValues: [...folds.values] },
  };
}

/** What a scoring call gets from {@link scoreOnPool}. */
export interface PoolJob {
  /** the loaded columns */
  readonly table: LoadedTable;
  /** `--clusters` as ids, or undefined */
  readonly clusterIds: Int32Array | undefined;
  /** `--folds` as test fold ids (0..K-1, -1 = never tested), or undefined */
  readonly foldIds: Int32Array | undefined;
  /** keeps the folds for `--folds-out`, or undefined without it */
  readonly onFoldIds: ((ids: readonly (Int32Array | Int8Array)[]) => void) | undefined;
  /** time spent loading, for the report */
  readonly loadMs: number;
  /** drives the progress bar */
  readonly onProgress: (progress: ScoreProgress) => void;
}

/**
 * The options every `assay score` task passes the runner alike: folds, clusters, seed,
 * bootstrap, missing values, load time and progress.
 *
 * @param options - parsed command options
 * @param job - what {@link scoreOnPool} read
 * @returns those scoring options
 * @example
 * runner.scorePredictions(input, { ...sharedScoreOptions(options, job), task: 'regression' });
 */
export function sharedScoreOptions(
  options: ScoreCommandOptions,
  job: PoolJob,
): Pick<
  ScoreOptions,
  | 'cv'
  | 'shuffle'
  | 'foldIds'
  | 'onFoldIds'
  | 'clusterIds'
  | 'seed'
  | 'bootstrap'
  | 'ci'
  | 'dropMissing'
  | 'loadMs'
  | 'onProgress'
> {
  return {
    cv: options.cv,
    shuffle: options.shuffle,
    foldIds: job.foldIds,
    onFoldIds: job.onFoldIds,
    clusterIds: job.clusterIds,
    seed: options.seed,
    bootstrap: options.bootstrap,
    ci: options.ci,
    dropMissing: options.dropMissing,
    loadMs: job.loadMs,
    onProgress: job.onProgress,
  };
}

/**
 * The frame every `assay score` task shares: load the columns, read `--clusters` and
 * `--folds`, score on a
 * worker pool with a progress bar (closed whatever happens), write the report.
 *
 * @param source - the predictions file (or stdin's spooled copy) and its name as passed
 * @param options - parsed command options
 * @param columns - the columns to load and how to read each
 * @param score - the task's scoring call on the pool
 * @returns when the report is written
 * @throws {@link RunnerError} `INVALID_OPTION` for `--clusters` or `--folds` with
 *   `--drop-missing`, `--folds` with `--cv`; what loading or scoring throws
 * @example
 * await scoreOnPool({ path: file, name: file }, options, columns, (runner, job) => runner.scorePredictions(...));
 */
export async function scoreOnPool(
  source: ScoreSource,
  options: ScoreCommandOptions,
  columns: Map<string, ColumnKind>,
  score: (runner: Runner, job: PoolJob) => Promise<ScoreReport>,
): Promise<void> {
  checkFoldOptions(options);
  // a wrong --out is refused before the file is read, not after the work
  scoreReportFormat(options);
  const bytes = await fileSize(source.path);
  // an explicit --workers is always honoured; without it a small file is scored in-process
  const runner = createRunner({ workers: options.workers ?? defaultWorkers(bytes, options) });
  // the workers boot while the file is read: a cold run's first tasks then find them ready
  // (and a CSV/TSV file's byte ranges are parsed on them); their warm-up compiles the
  // label-scoring kernels, of no use to generated text or regression
  runner.start({
    warmUp:
      options.task !== 'generation' && options.task !== 'regression' && bytes >= WARM_UP_MIN_BYTES,
  });
  const bar = createProgressBar(process.stderr, { quiet: options.quiet });
  let report: ScoreReport;
  let foldsSeen: (Int32Array | Int8Array)[] | undefined;
  try {
    const loadStart = performance.now();
    const table = await loadColumns(source.path, {
      columns,
      format: options.inputFormat,
      runner,
      labelPair: labelPairOf(options),
    });
    const loadMs = performance.now() - loadStart;
    const clusterIds =
      options.clusters === undefined ? undefined : await clusterIdsOf(table, options.clusters);
    const folds =
      options.folds === undefined ? undefined : await readFoldColumn(table, options.folds);
    const foldIds = folds?.ids;
    const onProgress = (p: ScoreProgress) => bar.update(p);
    const onFoldIds =
      options.foldsOut === undefined
        ? undefined
        : (ids: readonly (Int32Array | Int8Array)[]) => {
            foldsSeen = ids.map((a) => a.slice());
          };
    report = await score(runner, { table, clusterIds, foldIds, onFoldIds, loadMs, onProgress });
    if (folds !== undefined) report = withFoldColumn(report, options.folds!, folds);
  } finally {
    bar.done();
    await runner.close();
  }
  const provenance = await scoreProvenance(source, options.inputFormat);
  await writeScoreReport({ ...provenance, ...report }, runner.warning, source.name, options);
  // after the report: a --folds-out that cannot be written loses no figure
  if (options.foldsOut !== undefined && foldsSeen !== undefined) {
    await writeFoldIds(options.foldsOut, foldsSeen);
    if (options.quiet !== true) process.stderr.write(`wrote ${options.foldsOut}\n`);
  }
}

/**
 * The label columns whose pairs an Arrow reader may count while it reads them, for
 * classification: the scoring call then starts from those counts.
 */
function labelPairOf(options: ScoreCommandOptions): LabelPair | undefined {
  const { yTrue, yPred, task } = options;
  return task === 'regression' || task === 'generation' ? undefined : { yTrue, yPred };
}
