import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunConfig } from '../config/run-config-schema.js';
import { EvaluationError } from '../errors.js';
import { type DataSource, describeDataSource, sameDataSource } from './data-source.js';
import type { RunJournal } from './journal.js';

/** The data source the output directory's `results.json` names, or undefined. */
function resultsDataSource(dir: string): DataSource | undefined {
  let results: { config?: { dataset?: { builtin?: unknown; path?: unknown } } };
  try {
    results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
  } catch {
    // none, or unreadable: nothing to compare (`assay compare` names a damaged one)
    return undefined;
  }
  const dataset = results.config?.dataset;
  if (typeof dataset?.builtin === 'string') return { builtin: dataset.builtin };
  if (typeof dataset?.path === 'string' && dataset.path !== '') return { path: dataset.path };
  return undefined;
}

/**
 * Refuses a run whose data set is not the one of the run its output directory holds: two
 * configurations of one `name` (two `assay init` starters once did) would share the directory,
 * and the second would replace the first one's results with those of other items. The
 * journal's record is the latest (every run records it when it starts, `results.json` is
 * written when one finishes); a journal holding no answer, beside no `results.json`, holds
 * nothing completed and is taken over.
 *
 * @remarks Called before anything is sent; not after `--fresh`, which discards that run.
 * @param config - the validated configuration
 * @param now - this run's data source (see `dataSourceOf`)
 * @param journal - the output directory's journal (a read-only snapshot will do), if any
 * @throws EvaluationError `DATA_SOURCE_CHANGED` at `dataset.builtin` or `dataset.path`, naming
 *   the directory, both data sources and the ways on: a directory of its own, or `--fresh`
 * @example
 * refuseOtherDataSource(config, dataSourceOf(config), undefined); // undefined: the same data set
 * const subjects = { ...config, dataset: { ...config.dataset, builtin: 'spam-assassin-subjects' } };
 * try {
 *   refuseOtherDataSource(subjects, dataSourceOf(subjects), undefined);
 * } catch (error) {
 *   error.code; // 'DATA_SOURCE_CHANGED'
 * }
 */
export function refuseOtherDataSource(
  config: RunConfig,
  now: DataSource,
  journal: Pick<RunJournal, 'dataSource' | 'hasAnswers'> | undefined,
): void {
  const dir = config.output.dir;
  const journaled = journal?.dataSource();
  const results = resultsDataSource(dir);
  const previous = journaled ?? results;
  if (previous === undefined || sameDataSource(previous, now)) return;
  const answered = journal?.hasAnswers() === true;
  if (!answered && results === undefined) return;
  const where = journaled === undefined ? 'results.json' : 'journal';
  const kept = [
    ...(results === undefined ? [] : ['results']),
    ...(answered ? ['journaled answers'] : []),
  ].join(' and ');
  throw new EvaluationError(
    'DATA_SOURCE_CHANGED',
    `The output directory ${dir} holds a run on another data set: its ${where} names ${describeDataSource(previous)}, this configuration ${describeDataSource(now)}; nothing was sent, and that run's ${kept} are kept. Give this run a directory of its own (a \`name:\` of its own, as output.dir defaults to assay-out/<name>, or another output.dir or --output), or run again with --fresh to start over there, discarding that run's journal, response cache and results.`,
    { path: 'builtin' in now ? 'dataset.builtin' : 'dataset.path' },
  );
}
