import { RunnerError } from '../errors.js';
import { sharedFloat64 } from '../io/shared-arrays.js';
import { describeDataRow } from '../io/table-source.js';
import { clusterColumn } from '../score/cluster-ids-input.js';
import { locatingMissing, RowValueError } from '../score/missing-values.js';
import { fewBootstrapWarning, resolveNumericOptions } from '../score/score-options.js';
import type { ScoreReport } from '../score/score-report.js';
import { sliceWarning } from '../score/slice-warning.js';
import { track } from '../score/track-progress.js';
import { emptyReferenceWarning } from './empty-reference-warning.js';
import { generationIntervals } from './generation-bootstrap.js';
import { generationFolds } from './generation-folds.js';
import {
  type GenerationInput,
  type PreparedGenerations,
  prepareGenerations,
} from './generation-input.js';
import { runGenerationTask } from './generation-kernels.js';
import { type GenerationMetric, resolveGenerationMetrics } from './generation-metrics.js';
import {
  type GenerationOptions,
  resolveGenerationSettings,
  rowsPerTask,
} from './generation-options.js';
import { generationReport } from './generation-report.js';
import type {
  GenerationSettings,
  GenerationTaskRunner,
  RefusedRow,
  RowLayout,
} from './generation-tasks.js';
import { listReferenceWarning } from './list-reference-warning.js';
import { rougeScriptWarning } from './rouge-script-warning.js';
import { rowLayout } from './row-layout.js';
import {
  countLetters,
  type LetterCounts,
  mostlyUnspaced,
  unspacedBlindMetrics,
  unspacedTextWarning,
} from './unspaced-text.js';
import { unusedGenerationOptionWarnings } from './unused-option-warnings.js';

/**
 * Scores the rows on the pool, a range of rows per task, into one shared `n × width`
 * matrix: each row's per-row metric values and corpus statistics.
 */
async function scoreRows(
  run: GenerationTaskRunner,
  rows: PreparedGenerations,
  layout: RowLayout,
  settings: GenerationSettings,
  chunk: number,
  options: GenerationOptions,
): Promise<Float64Array> {
  const matrix = sharedFloat64(rows.n * layout.width);
  const tasks: Promise<void>[] = [];
  for (let start = 0; start < rows.n; start += chunk) {
    const end = Math.min(rows.n, start + chunk);
    const result = run({
      kind: 'generation-rows',
      outputs: rows.outputs.slice(start, end),
      references: rows.references.slice(start, end),
      layout,
      settings,
    });
    tasks.push(
      result.then((values) => {
        if (values instanceof Float64Array) matrix.set(values, start * layout.width);
        else throw refusedRowError(values, rows.dataRows[start + values.row]!);
      }),
    );
  }
  await track(tasks, 'metrics', { onProgress: options.onProgress });
  return matrix;
}

/** A row a metric refused for its size, as an error that {@link locatingMissing} places. */
function refusedRowError(refused: RefusedRow, dataRow: number): RowValueError {
  return new RowValueError(
    'TEXT_TOO_LONG',
    'The texts are too long for a metric',
    dataRow,
    'metrics',
    refused.reason,
  );
}

function clustersOf(options: GenerationOptions, rows: PreparedGenerations) {
  if (options.clusterIds === undefined) return undefined;
  if (rows.dropped > 0) {
    throw new RunnerError(
      'INVALID_OPTION',
      'clusterIds cannot be combined with dropMissing: the cluster ids would no longer line up with the rows; drop the rows before assigning clusters.',
      { path: 'clusterIds' },
    );
  }
  return clusterColumn(options.clusterIds, rows.n);
}

/** How many rows `dropMissing` dropped, and where the first was (its line in a loaded file). */
async function droppedRowsWarning(rows: PreparedGenerations, input: GenerationInput) {
  // the kept rows are in order, so the first dropped one is where they first skip a row
  let first = rows.dataRows.findIndex((row, i) => row !== i);
  if (first < 0) first = rows.dataRows.length;
  const table = 'table' in input ? input.table : undefined;
  const place = table === undefined ? `data row ${first + 1}` : await describeDataRow(table, first);
  return `${rows.dropped} row(s) with a missing value were dropped, the first at ${place}.`;
}

/**
 * The warnings about the data and options of a job, in the order a reader meets them: options
 * no metric reads, dropped rows, a thin slice, few resamples, text without spaces between
 * words, ROUGE on scripts it cannot split, empty references, references that look like lists.
 */
async function dataWarnings(
  input: GenerationInput,
  options: GenerationOptions,
  rows: PreparedGenerations,
  metrics: readonly GenerationMetric[],
  resampling: { bootstrap: number; ci: number },
  letters: LetterCounts,
): Promise<string[]> {
  const warnings: (string | undefined)[] = unusedGenerationOptionWarnings(options, metrics);
  if (rows.dropped > 0) warnings.push(await droppedRowsWarning(rows, input));
  if (rows.slice !== null) {
    const name = 'roles' in input ? (input.roles.slice ?? 'slice') : 'slice';
    warnings.push(sliceWarning(name, rows.sliceValues, rows.n));
  }
  warnings.push(fewBootstrapWarning(resampling.bootstrap, resampling.ci));
  const bleuTokenize = resolveGenerationSettings(options).bleuTokenize;
  warnings.push(unspacedTextWarning(metrics, bleuTokenize, letters));
  // text without spaces has one warning for ROUGE and the rest, the unspaced one
  if (!mostlyUnspaced(letters))
    warnings.push(rougeScriptWarning(metrics, rows.outputs, rows.references));
  warnings.push(await emptyReferenceWarning(rows, input));
  warnings.push(await listReferenceWarning(rows, input));
  return warnings.filter((w): w is string => w !== undefined);
}

/**
 * Scores generated outputs against references: the engine behind `Runner.scoreGenerations`.
 * Rows are scored on the pool (per-row values and per-row corpus statistics); the whole
 * set, folds, slices and bootstrap replicates are then sums over rows of that matrix.
 *
 * @param run - runs a generation task on the pool, or null for the calling thread
 * @param workers - the pool size, for the report and the task size
 * @param input - the outputs and references
 * @param options - metrics, normalization, stemmer, CV, clusters, bootstrap
 * @returns the report
 * @throws {@link RunnerError} for bad options or data
 * @example
 * const report = await scoreGenerationsWith(null, 0, { references: ['a'], outputs: ['a'] }, {});
 * report.overall.exact_match; // { value: 1 }
 */
export async function scoreGenerationsWith(
  run: GenerationTaskRunner | null,
  workers: number,
  input: GenerationInput,
  options: GenerationOptions,
): Promise<ScoreReport> {
  const started = performance.now();
  const { seed, bootstrap, ci } = resolveNumericOptions({
    seed: options.seed,
    bootstrap: options.bootstrap,
    ci: options.ci,
  });
  const metrics = resolveGenerationMetrics(options.metrics);
  const settings = resolveGenerationSettings(options);
  const rows = await locatingMissing(input, () =>
    prepareGenerations(input, options.dropMissing === true),
  );
  const chunk = rowsPerTask(rows.n, workers, options.chunkRows);
  const clusters = clustersOf(options, rows);
  const {
    cvText,
    shuffle,
    foldings,
    warnings: foldWarnings = [],
  } = generationFolds({ ...options, ...rows, seed });
  options.onFoldIds?.(foldings.map((f) => f.ids));
  const layout = rowLayout(metrics);
  const letters = countLetters(rows.outputs, rows.references);
  const warnings = [
    ...foldWarnings,
    ...(await dataWarnings(input, options, rows, metrics, { bootstrap, ci }, letters)),
  ];
  const loadMs = (options.loadMs ?? 0) + (performance.now() - started);
  const computeStart = performance.now();
  const exec: GenerationTaskRunner = run ?? (async (task) => runGenerationTask(task));
  // a row refused for its size is named by its line in the file, as a bad value is
  const matrix = await scoreRows(exec, rows, layout, settings, chunk, options).catch((error) =>
    locatingMissing(input, () => {
      throw error;
    }),
  );
  const intervals =
    bootstrap > 0
      ? await generationIntervals({
          run: exec,
          rows: matrix,
          n: rows.n,
          layout,
          slice: rows.slice,
          sliceCount: rows.sliceValues.length,
          clusters,
          seed,
          bootstrap,
          ci,
          onProgress: options.onProgress,
        })
      : [];
  return generationReport({
    layout,
    settings,
    rows: matrix,
    n: rows.n,
    unspacedBlind: unspacedBlindMetrics(
      metrics,
      resolveGenerationSettings(options).bleuTokenize,
      letters,
    ),
    slice: rows.slice,
    sliceValues: rows.sliceValues,
    cvText,
    shuffle,
    foldings,
    intervals,
    clusters: clusters?.count,
    seed,
    bootstrap,
    ci,
    dropped: rows.dropped,
    warnings,
    workers,
    loadMs,
    computeStart,
  });
}
