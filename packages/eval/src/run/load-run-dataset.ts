import { createRng } from '@assay/splitters';
import { issueLine } from '../config/format-issues.js';
import type { RunConfig } from '../config/run-config-schema.js';
import type { DatasetItem } from '../datasets/dataset-item.js';
import { firstRowColumns, loadFileDataset } from '../datasets/file-dataset.js';
import { fileDatasetProblems } from '../datasets/file-dataset-problems.js';
import { loadSpamAssassin } from '../datasets/spam-assassin.js';
import { loadSubjectsDataset } from '../datasets/spam-subjects.js';
import { stratifiedSample } from '../datasets/stratified-sample.js';
import { EvaluationError, type EvaluationIssue } from '../errors.js';
import { taskFor } from '../tasks/task-for.js';

/**
 * Loads the configured dataset, applies the seeded stratified `limit` and checks the
 * items against the task (labels in `task.labels`, numeric regression targets).
 *
 * @param config - the validated configuration
 * @returns the items to evaluate
 * @throws EvaluationError for unreadable or ill-formed data files
 * @example
 * const mail = await loadRunDataset(await loadRunConfig(join(dir, 'run.yaml')));
 * mail.map((item) => item.id); // ['m1', 'm2', 'm3', 'm4']
 */
export async function loadRunDataset(config: RunConfig): Promise<DatasetItem[]> {
  const d = config.dataset;
  const task = taskFor(config.task);
  let items =
    d.builtin === 'spam-assassin'
      ? loadSpamAssassin(d.groups)
      : d.builtin === 'spam-assassin-subjects'
        ? loadSubjectsDataset(d.groups)
        : await fileItems(
            d.path!,
            {
              ...(d.format ? { format: d.format } : {}),
              columns: task.needsChoices
                ? { ...d.columns, choices: d.columns.choices ?? 'choices' }
                : d.columns,
              requireLabel: task.needsLabel,
            },
            config,
          );
  if (d.limit !== undefined && d.limit < items.length) {
    const rng = createRng(d.seed >>> 0);
    items = stratifiedSample(items, d.limit, () => rng.nextFloat()).map((it, i) => ({
      ...it,
      index: i,
    }));
  }
  if (d.ids !== undefined) items = selectIds(items, d.ids);
  task.checkItems(items);
  return items;
}

/**
 * The data file's items; a missing file is named with its config path, `dataset.path`, and
 * how a relative one was resolved (against the config file's directory, unlike `output.dir`),
 * since the absolute path alone does not say which key to fix.
 */
async function fileItems(
  path: string,
  options: Parameters<typeof loadFileDataset>[1],
  config: RunConfig,
): Promise<DatasetItem[]> {
  try {
    const columns = await firstRowColumns(path, options?.format);
    const problems =
      columns === undefined
        ? []
        : fileDatasetProblems(config, columns, options?.requireLabel === true);
    if (problems.length > 0) throw datasetMismatch(path, problems);
    return await loadFileDataset(path, options);
  } catch (error) {
    if (!(error instanceof EvaluationError) || error.code !== 'FILE_NOT_FOUND') throw error;
    throw new EvaluationError(
      'FILE_NOT_FOUND',
      `dataset.path: the dataset file '${path}' does not exist (a relative dataset.path is read from the config file's directory); set dataset.path to your data file, or use a built-in data set (dataset.builtin: spam-assassin).`,
      { path: 'dataset.path', cause: error },
    );
  }
}

/** One error listing every way the data file does not fit the configuration. */
function datasetMismatch(path: string, problems: readonly EvaluationIssue[]): EvaluationError {
  const n = problems.length;
  return new EvaluationError(
    'MISSING_COLUMN',
    `The data file '${path}' does not fit the configuration (${n} problem${n === 1 ? '' : 's'}):\n${problems.map((p) => `  ${issueLine(p)}`).join('\n')}`,
    { path: problems[0]!.path, issues: problems },
  );
}

/**
 * The items named by `dataset.ids`, in the data set order, re-indexed: what a run config that
 * names its items evaluates.
 *
 * @param items - the loaded items (after any limit)
 * @param ids - the ids to keep
 * @returns those items, indexed from 0
 * @throws EvaluationError `INVALID_CONFIG` at `dataset.ids` when an id is not among the items
 * @example
 * selectIds(tuneItems, [tuneItems[3].id])[0].index; // 0
 */
export function selectIds(items: readonly DatasetItem[], ids: readonly string[]): DatasetItem[] {
  const wanted = new Set(ids);
  const chosen = items.filter((it) => wanted.has(it.id));
  if (chosen.length !== wanted.size) {
    const have = new Set(items.map((it) => it.id));
    const missing = [...wanted].filter((id) => !have.has(id));
    throw new EvaluationError(
      'INVALID_CONFIG',
      `dataset.ids names ${missing.length} item${missing.length === 1 ? '' : 's'} the data set does not have (first: '${missing[0]}'); ids must be among the loaded items (after any limit).`,
      { path: 'dataset.ids' },
    );
  }
  return chosen.map((it, i) => ({ ...it, index: i }));
}
