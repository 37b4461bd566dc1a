import type { Label } from '@assay/labels';
import { FOLD_BLOCK_ROWS } from '../folds/stratified-fold-kernels.js';
import { loadedCensus } from '../io/loaded-census.js';
import { sharedPass } from '../pool/shared-pass.js';
import { RANGE_ROWS } from '../pool/task-ranges.js';
import type { PassRunner } from '../pool/task-types.js';
import { withClusters } from './cluster-ids-input.js';
import type { Executor } from './executor.js';
import { clusterWarning } from './interval-warnings.js';
import { codeCensus, type LabelCensus, runLabelCensus } from './label-census.js';
import { type LabelPresenceByRole, scanInputLabels } from './label-scan.js';
import { strayTextLabelWarnings, whitespaceLabelWarning } from './label-text-warnings.js';
import { locatingMissing } from './missing-values.js';
import type { PredictionInput } from './prediction-input.js';
import { prepareColumns } from './prepare-columns.js';
import { quotedLabels } from './quoted-labels.js';
import { withLabels, withPositiveLabel } from './resolve-labels.js';
import type { ScoreColumns } from './score-columns.js';
import type { ScoreJob } from './score-job.js';
import { fewBootstrapWarning, resolveNumericOptions, type ScoreOptions } from './score-options.js';

/**
 * The first stage of a scoring job: validates the numeric options, reads the
 * label columns' values on the pool, and prepares the columns.
 *
 * @param exec - where tasks run
 * @param workers - the pool size
 * @param input - the predictions
 * @param options - the scoring options
 * @returns the job every later stage reads
 * @throws {@link RunnerError} for bad options or data
 */
export async function prepareJob(
  exec: Executor,
  workers: number,
  input: PredictionInput,
  options: ScoreOptions,
): Promise<ScoreJob> {
  const { seed, bootstrap, ci, chunkRows, chunkRowsGiven } = resolveNumericOptions(options);
  // integer counting passes run as one shared pass per worker over small ranges
  const rangeRows = chunkRowsGiven ? chunkRows : RANGE_ROWS;
  const pass: PassRunner = (range, ranges, blockRows, n, onProgress) =>
    sharedPass(
      (task) => exec.sharedPass(task),
      range,
      ranges,
      Math.max(1, workers),
      blockRows,
      n,
      onProgress,
    );
  // the label columns' value scan is the longest serial step of preparation, so it runs
  // on the pool. For shared integer labels in 0..31 it is a census that also counts the
  // whole-set confusion matrix and the stratified folds' per-block classes (one pass for
  // three); otherwise, with two or more workers, a plain scan, one large task per worker
  // and column. Merged counts and presence tables do not depend on the chunking.
  const inMemory = options.task !== 'regression' && !('roles' in input && 'table' in input);
  // a loaded table may come with the census its reader counted (`labelPair`); looked up
  // before preparation, which may write the columns' codes in place
  const loaded = options.task === 'regression' ? null : censusOfTable(input);
  const census = inMemory ? await runLabelCensus(pass, input, FOLD_BLOCK_ROWS, rangeRows) : null;
  const presence: LabelPresenceByRole =
    census !== null
      ? census.presence
      : workers > 1 && inMemory
        ? await scanInputLabels((task) => exec.labelScan(task), input, chunkRows, workers)
        : {};
  const prepared = await locatingMissing(input, () =>
    prepareColumns(input, {
      task: options.task,
      dropMissing: options.dropMissing,
      inPlace: options.inPlace,
      presence,
      labels: options.labels,
    }),
  );
  const columns = withClusters(
    withPositiveLabel(withLabels(prepared.columns, options.labels), options.posLabel),
    options.clusterIds,
    prepared.dropped,
  );
  const counted = census ?? loaded;
  const coded =
    counted !== null && prepared.dropped === 0 && columns.task === 'classification'
      ? codeCensus(counted, columns.classes)
      : null;
  const few = fewBootstrapWarning(bootstrap, ci);
  const clusters = clusterWarning(columns.clusters?.count, bootstrap);
  const warnings = [
    ...prepared.warnings,
    ...(few === undefined ? [] : [few]),
    ...(clusters === undefined ? [] : [clusters]),
    ...absentLabelWarnings(columns, options.labels, prepared.rowlessClasses ?? []),
    ...(await labelTextWarnings(input, columns, prepared.keptRows)),
  ];
  return {
    exec,
    workers,
    options,
    seed,
    bootstrap,
    ci,
    chunkRows,
    rangeRows,
    pass,
    columns,
    prepared,
    coded,
    warnings,
  };
}

/**
 * A warning for `labels` that occur in neither y_true nor y_pred: scikit-learn scores them as
 * classes without rows (a macro average over them falls), which is right for a class the
 * model never saw, and wrong for a misspelt one (`--labels Fraud,legit` against `fraud`
 * halved macro F1 without a word).
 */
function absentLabelWarnings(
  columns: ScoreColumns,
  labels: readonly Label[] | undefined,
  rowless: readonly Label[],
): string[] {
  const set = columns.labelSet;
  if (labels === undefined || set === undefined) return [];
  // classes made only for probability columns have no rows either
  const rowlessIndex = new Set(rowless.map((l) => columns.classes.indexOf(l)));
  const absent = labels.filter((_, i) => {
    const index = set.indices[i]!;
    return index >= columns.classes.length || rowlessIndex.has(index);
  });
  const inData = columns.classes.filter((l) => !rowless.includes(l));
  if (absent.length === 0) return [];
  return [
    `labels lists ${quotedLabels(absent)}, which occur${absent.length === 1 ? 's' : ''} in neither y_true nor y_pred; scored as classes without rows, as scikit-learn does (their recall, precision and F1 are 0, and macro averages include them). The labels in the data are ${quotedLabels(inData)}.`,
  ];
}

/**
 * Warnings about label text a table would hide: classes that differ only in whitespace, and a
 * column of numbers with a stray text value (`O` for `0`), named by its line in the file.
 */
async function labelTextWarnings(
  input: PredictionInput,
  columns: ScoreColumns,
  keptRows: Uint32Array | undefined,
): Promise<string[]> {
  if (columns.task !== 'classification') return [];
  const whitespace = whitespaceLabelWarning(columns.classes);
  const roles = 'roles' in input && 'table' in input ? input.roles : undefined;
  const names =
    roles === undefined
      ? { yTrue: 'y_true', yPred: 'y_pred' }
      : { yTrue: `Column "${roles.yTrue}" (y_true)`, yPred: `Column "${roles.yPred}" (y_pred)` };
  const table = 'table' in input ? input.table : {};
  const strays = await strayTextLabelWarnings(columns, names, table, keptRows);
  return [...(whitespace === undefined ? [] : [whitespace]), ...strays];
}

/** The census counted while a table input was read, for the job's own true and predicted columns. */
function censusOfTable(input: PredictionInput): LabelCensus | null {
  if (!('table' in input && 'roles' in input)) return null;
  const { yTrue, yPred } = input.roles;
  return typeof yTrue === 'string' && typeof yPred === 'string'
    ? loadedCensus(input.table, { yTrue, yPred })
    : null;
}
