import { type ColumnKind, parseNormalize, RunnerError } from '@assay/runner/scoring';
import type { ScoreCommandOptions } from './score-command-options.js';
import { scoreOnPool, sharedScoreOptions } from './score-on-pool.js';
import type { ScoreSource } from './score-source.js';

/** Flags of `assay score` that mean nothing for generated text. */
const CLASSIFICATION_ONLY = [
  ['yScore', '--y-score'],
  ['yProba', '--y-proba'],
  ['weight', '--weight'],
  ['posLabel', '--pos-label'],
  ['labels', '--labels'],
] as const;

function checkGenerationFlags(options: ScoreCommandOptions): void {
  for (const [key, flag] of CLASSIFICATION_ONLY) {
    if (options[key] !== undefined) {
      throw new RunnerError(
        'INVALID_OPTION',
        `${flag} does not apply to --task generation (outputs are scored against references as text); drop ${flag}.`,
        { path: key },
      );
    }
  }
  const text = new Set([options.yTrue, options.yPred]);
  for (const [flag, name, takes] of [
    ['--slice', options.slice, 'a column of labels such as a language'],
    ['--group', options.group, 'a column of labels such as a source document'],
    ['--clusters', options.clusters, 'a column of item ids'],
    ['--folds', options.folds, 'a column of whole-number test folds'],
  ] as const) {
    if (name !== undefined && text.has(name)) {
      throw new RunnerError(
        'INVALID_OPTION',
        `${flag} ${name} names the reference or output column; ${flag} takes ${takes}.`,
        { path: flag.slice(2) },
      );
    }
  }
}

/**
 * Runs `assay score --task generation`: reads the reference (`--y-true`) and output
 * (`--y-pred`) columns as text, scores them with the runner's `scoreGenerations` on the
 * worker pool and writes the report like any score report.
 *
 * @param source - the outputs file (or stdin's spooled copy) and its name as passed
 * @param options - parsed command options (`--metrics`, `--normalize`, `--stemmer`,
 *   `--bleu-tokenize`, CV,
 *   bootstrap, slices, clusters)
 * @returns when the report is written
 * @throws {@link RunnerError} for flags that do not apply, bad data or options (exit code 2)
 * @example
 * await runGenerationScoreCommand({ path: 'answers.jsonl', name: 'answers.jsonl' }, { yTrue: 'refs', yPred: 'output', task: 'generation', cv: 'none', shuffle: true, seed: 0, bootstrap: 0, ci: 0.95 });
 */
export async function runGenerationScoreCommand(
  source: ScoreSource,
  options: ScoreCommandOptions,
): Promise<void> {
  checkGenerationFlags(options);
  const normalize = options.normalize === undefined ? undefined : parseNormalize(options.normalize);
  const columns = new Map<string, ColumnKind>([
    [options.yTrue, 'text'],
    [options.yPred, 'text'],
  ]);
  for (const name of [options.slice, options.group, options.clusters]) {
    if (name !== undefined) columns.set(name, 'label');
  }
  if (options.folds !== undefined) columns.set(options.folds, 'auto');
  await scoreOnPool(source, options, columns, (runner, job) =>
    runner.scoreGenerations(
      {
        table: job.table,
        roles: {
          references: options.yTrue,
          outputs: options.yPred,
          slice: options.slice,
          group: options.group,
        },
      },
      {
        ...sharedScoreOptions(options, job),
        metrics: options.metrics,
        normalize,
        stemmer: options.stemmer,
        bleuTokenize: options.bleuTokenize,
      },
    ),
  );
}
