import { FOLD_BLOCK_ROWS } from '../folds/stratified-fold-kernels.js';
import { sharedPass } from '../pool/shared-pass.js';
import { RANGE_ROWS } from '../pool/task-ranges.js';
import type { PassRunner } from '../pool/task-types.js';
import { withClusters } from './cluster-ids-input.js';
import type { Executor } from './executor.js';
import { codeCensus, runLabelCensus } from './label-census.js';
import { type LabelPresenceByRole, scanInputLabels } from './label-scan.js';
import type { PredictionInput } from './prediction-input.js';
import { prepareColumns } from './prepare-columns.js';
import { withLabels, withPositiveLabel } from './resolve-labels.js';
import type { ScoreJob } from './score-job.js';
import { resolveNumericOptions, type ScoreOptions } from './score-options.js';

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
  const census = inMemory ? await runLabelCensus(pass, input, FOLD_BLOCK_ROWS, rangeRows) : null;
  const presence: LabelPresenceByRole =
    census !== null
      ? census.presence
      : workers > 1 && inMemory
        ? await scanInputLabels((task) => exec.labelScan(task), input, chunkRows, workers)
        : {};
  const prepared = prepareColumns(input, {
    task: options.task,
    dropMissing: options.dropMissing,
    inPlace: options.inPlace,
    presence,
  });
  const columns = withClusters(
    withPositiveLabel(withLabels(prepared.columns, options.labels), options.posLabel),
    options.clusterIds,
    prepared.dropped,
  );
  const coded =
    census !== null && prepared.dropped === 0 && columns.task === 'classification'
      ? codeCensus(census, columns.classes)
      : null;
  const warnings = [...prepared.warnings];
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
