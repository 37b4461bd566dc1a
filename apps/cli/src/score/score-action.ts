import { type ColumnKind, RunnerError } from '@assay/runner/scoring';
import type { ScoreCommandOptions } from './score-command-options.js';
import { runGenerationScoreCommand } from './score-generation.js';
import { scoreOnPool, sharedScoreOptions } from './score-on-pool.js';
import { type ScoreSource, withScoreSource } from './score-source.js';

export type { ScoreCommandOptions } from './score-command-options.js';

/**
 * Runs `assay score`: loads the needed columns, scores them on a worker pool
 * and writes the report to stdout or `--out`.
 *
 * @param file - the predictions file, or `-` for stdin (with `--input-format`)
 * @param options - parsed command options
 * @returns when the report is written
 * @throws what loading or scoring throws (the command maps input errors to exit code 2)
 * @example
 * await runScoreCommand('preds.csv', { yTrue: 'y', yPred: 'yhat', cv: 'none', shuffle: true, seed: 0, bootstrap: 0, ci: 0.95 });
 */
export async function runScoreCommand(file: string, options: ScoreCommandOptions): Promise<void> {
  await withScoreSource(file, options.inputFormat, (source) => scoreSource(source, options));
}

async function scoreSource(source: ScoreSource, options: ScoreCommandOptions): Promise<void> {
  const { task } = options;
  if (task === 'generation') return runGenerationScoreCommand(source, options);
  for (const [key, flag] of [
    ['stemmer', '--stemmer'],
    ['normalize', '--normalize'],
    ['bleuTokenize', '--bleu-tokenize'],
  ] as const) {
    if (options[key] !== undefined) {
      throw new RunnerError(
        'INVALID_OPTION',
        `${flag} applies to generated text only; pass --task generation, or drop ${flag}.`,
        { path: key },
      );
    }
  }
  await scoreOnPool(source, options, wantedColumns(options), (runner, job) =>
    runner.scorePredictions(
      {
        table: job.table,
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
        ...sharedScoreOptions(options, job),
        task,
        metrics: options.metrics,
        posLabel: options.posLabel,
        labels: options.labels?.map(labelOf),
        inPlace: true,
      },
    ),
  );
}

/**
 * A `--labels` entry as a label: numeric text is the number (the runner takes it as its text
 * where the classes are strings), anything else the string.
 */
function labelOf(text: string): string | number {
  const trimmed = text.trim();
  const n = Number(trimmed);
  return trimmed !== '' && Number.isFinite(n) ? n : text;
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
  // auto: a JSONL fold written as "3" arrives as a label, read by its value
  want(options.folds, 'auto');
  return columns;
}
