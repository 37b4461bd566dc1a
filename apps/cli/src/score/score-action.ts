import { createProgressBar } from '@assay/report';
import {
  type ColumnKind,
  createRunner,
  loadColumns,
  RunnerError,
  type ScoreReport,
} from '@assay/runner';
import { clusterIdsOf } from './cluster-column.js';
import type { ScoreCommandOptions } from './score-command-options.js';
import { runGenerationScoreCommand } from './score-generation.js';
import { writeScoreReport } from './write-score-report.js';

export type { ScoreCommandOptions } from './score-command-options.js';

/**
 * Runs `assay score`: loads the needed columns, scores them on a worker pool
 * and writes the report to stdout or `--out`.
 *
 * @param file - the predictions file
 * @param options - parsed command options
 * @returns when the report is written
 * @throws what loading or scoring throws (the command maps input errors to exit code 2)
 */
export async function runScoreCommand(file: string, options: ScoreCommandOptions): Promise<void> {
  if (options.task === 'generation') return runGenerationScoreCommand(file, options);
  for (const flag of ['stemmer', 'normalize'] as const) {
    if (options[flag] !== undefined) {
      throw new RunnerError(
        'INVALID_OPTION',
        `--${flag} applies to generated text only; pass --task generation, or drop --${flag}.`,
        { path: flag },
      );
    }
  }
  const columns = wantedColumns(options);
  const loadStart = performance.now();
  const table = await loadColumns(file, { columns, format: options.inputFormat });
  const loadMs = performance.now() - loadStart;
  if (options.clusters !== undefined && options.dropMissing === true) {
    throw new RunnerError(
      'INVALID_OPTION',
      '--clusters cannot be combined with --drop-missing: drop the rows with a missing value from the file first.',
      { path: 'clusters' },
    );
  }
  const clusterIds =
    options.clusters === undefined ? undefined : clusterIdsOf(table, options.clusters);
  const runner = createRunner({ workers: options.workers });
  const bar = createProgressBar(process.stderr, { quiet: options.quiet });
  let report: ScoreReport;
  try {
    report = await runner.scorePredictions(
      {
        table,
        roles: {
          yTrue: options.yTrue,
          yPred: options.yPred,
          yScore: options.yScore,
          yProba: options.yProba,
          weight: options.weight,
          group: options.group,
          slice: options.slice,
        },
      },
      {
        task: options.task,
        metrics: options.metrics,
        cv: options.cv,
        clusterIds,
        seed: options.seed,
        bootstrap: options.bootstrap,
        ci: options.ci,
        dropMissing: options.dropMissing,
        posLabel: options.posLabel,
        inPlace: true,
        loadMs,
        onProgress: (p) => bar.update(p),
      },
    );
  } finally {
    bar.done();
    await runner.close();
  }
  await writeScoreReport(report, runner.warning, file, options);
}

/** The columns to load and how to read each: labels, numbers, or as the file has them. */
function wantedColumns(options: ScoreCommandOptions): Map<string, ColumnKind> {
  const labelKind: ColumnKind =
    options.task === 'regression' ? 'number' : options.task === 'classification' ? 'label' : 'auto';
  const columns = new Map<string, ColumnKind>();
  const want = (name: string | undefined, kind: ColumnKind) => {
    if (name === undefined) return;
    const known = columns.get(name);
    columns.set(name, known === undefined || known === kind ? kind : 'auto');
  };
  want(options.yTrue, labelKind);
  want(options.yPred, labelKind);
  want(options.yScore, 'number');
  for (const c of options.yProba ?? []) want(c, 'number');
  want(options.weight, 'number');
  want(options.group, 'label');
  want(options.slice, 'label');
  want(options.clusters, 'label');
  return columns;
}
