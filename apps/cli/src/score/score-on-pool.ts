import { createProgressBar } from '@assay/report';
import {
  type ColumnKind,
  createRunner,
  type LoadedTable,
  loadColumns,
  type Runner,
  RunnerError,
  type ScoreProgress,
  type ScoreReport,
} from '@assay/runner';
import { clusterIdsOf } from './cluster-column.js';
import type { ScoreCommandOptions } from './score-command-options.js';
import { writeScoreReport } from './write-score-report.js';

/** What a scoring call gets from {@link scoreOnPool}. */
export interface PoolJob {
  /** the loaded columns */
  readonly table: LoadedTable;
  /** `--clusters` as ids, or undefined */
  readonly clusterIds: Int32Array | undefined;
  /** time spent loading, for the report */
  readonly loadMs: number;
  /** drives the progress bar */
  readonly onProgress: (progress: ScoreProgress) => void;
}

/**
 * The frame every `assay score` task shares: load the columns, read `--clusters`, score on a
 * worker pool with a progress bar (closed whatever happens), write the report.
 *
 * @param file - the predictions file
 * @param options - parsed command options
 * @param columns - the columns to load and how to read each
 * @param score - the task's scoring call on the pool
 * @returns when the report is written
 * @throws {@link RunnerError} `INVALID_OPTION` for `--clusters` with `--drop-missing`; what
 *   loading or scoring throws
 * @example
 * await scoreOnPool(file, options, columns, (runner, job) => runner.scorePredictions(...));
 */
export async function scoreOnPool(
  file: string,
  options: ScoreCommandOptions,
  columns: Map<string, ColumnKind>,
  score: (runner: Runner, job: PoolJob) => Promise<ScoreReport>,
): Promise<void> {
  if (options.clusters !== undefined && options.dropMissing === true) {
    throw new RunnerError(
      'INVALID_OPTION',
      '--clusters cannot be combined with --drop-missing: drop the rows with a missing value from the file first.',
      { path: 'clusters' },
    );
  }
  const runner = createRunner({ workers: options.workers });
  // the workers boot while the file is read: a cold run's first tasks then find them ready
  // (and a CSV/TSV file's byte ranges are parsed on them); their warm-up compiles the
  // label-scoring kernels, of no use to generated text or regression
  runner.start({ warmUp: options.task !== 'generation' && options.task !== 'regression' });
  const bar = createProgressBar(process.stderr, { quiet: options.quiet });
  let report: ScoreReport;
  try {
    const loadStart = performance.now();
    const table = await loadColumns(file, { columns, format: options.inputFormat, runner });
    const loadMs = performance.now() - loadStart;
    const clusterIds =
      options.clusters === undefined ? undefined : clusterIdsOf(table, options.clusters);
    report = await score(runner, { table, clusterIds, loadMs, onProgress: (p) => bar.update(p) });
  } finally {
    bar.done();
    await runner.close();
  }
  await writeScoreReport(report, runner.warning, file, options);
}
