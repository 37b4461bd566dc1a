import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { createProgressBar } from '@assay/report';
import {
  type ColumnKind,
  createRunner,
  type InputFormat,
  loadColumns,
  RunnerError,
  type ScoreReport,
  type ScoreTask,
} from '@assay/runner';
import { clusterIdsOf } from './cluster-column.js';
import { formatMarkdown } from './format-markdown.js';
import { formatTable } from './format-table.js';

/** Parsed options of `assay score`. */
export interface ScoreCommandOptions {
  readonly yTrue: string;
  readonly yPred: string;
  readonly yScore?: string;
  readonly yProba?: string[];
  readonly weight?: string;
  readonly group?: string;
  readonly slice?: string;
  readonly clusters?: string;
  readonly posLabel?: string;
  readonly task?: ScoreTask;
  readonly metrics?: string[];
  readonly cv: string;
  readonly seed: number;
  readonly bootstrap: number;
  readonly ci: number;
  readonly workers?: number;
  readonly format?: 'table' | 'json' | 'md';
  readonly out?: string;
  readonly inputFormat?: InputFormat;
  readonly dropMissing?: boolean;
  readonly quiet?: boolean;
}

function chooseFormat(options: ScoreCommandOptions): 'table' | 'json' | 'md' {
  if (options.format !== undefined) return options.format;
  if (options.out !== undefined) {
    const ext = extname(options.out).toLowerCase();
    if (ext === '.md' || ext === '.markdown') return 'md';
    if (ext === '.txt') return 'table';
    return 'json';
  }
  return process.stdout.isTTY === true ? 'table' : 'json';
}

/**
 * Renders a report in the chosen format.
 *
 * @param report - the report
 * @param format - table, json or md
 * @param title - Markdown title
 * @returns the text
 */
export function renderReport(
  report: ScoreReport,
  format: 'table' | 'json' | 'md',
  title: string,
): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'md') return formatMarkdown(report, title);
  return formatTable(report);
}

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
  if (runner.warning !== undefined) {
    report = { ...report, warnings: [`--${runner.warning}`, ...report.warnings] };
    if (options.quiet !== true) process.stderr.write(`assay score: warning: --${runner.warning}\n`);
  }
  await writeReport(renderReport(report, chooseFormat(options), `assay score: ${file}`), options);
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

/** Writes the report to stdout, or to `--out` (saying so unless `--quiet`). */
async function writeReport(text: string, options: ScoreCommandOptions): Promise<void> {
  if (options.out === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    await writeFile(options.out, text);
  } catch (error) {
    throw new RunnerError(
      'INVALID_OPTION',
      `--out ${options.out} could not be written (${(error as Error).message}); pass a writable path.`,
      { path: 'out', cause: error },
    );
  }
  if (options.quiet !== true) process.stderr.write(`wrote ${options.out}\n`);
}
