import type { PairedDifference, Runner } from '@assay/runner';
import type { PredictionRow } from '../run/prediction-row.js';
import type { TaskModule } from '../tasks/task-module.js';

/** Options of {@link pairedMetricDifferences}. */
export interface PairedMetricOptions {
  /** bootstrap resamples of each paired difference (at least 1) */
  readonly bootstrap: number;
  /** confidence level */
  readonly ci: number;
  /** seed of the resamples */
  readonly seed: number;
  /** the interval of each difference (default `percentile`) */
  readonly interval?: 'percentile' | 'bca';
}

/**
 * Every metric both sides' encodings give, as the runner's paired bootstrap of the same
 * items: both values, the difference B − A, its interval and bootstrap p-value.
 *
 * @param runner - the runner whose pool computes the replicates
 * @param rowsA - side A's scored rows
 * @param rowsB - side B's rows for the same items and folds, in the same order
 * @param task - the task module that encodes the rows
 * @param metrics - metric names to compare
 * @param options - resamples, level, seed and interval
 * @returns per reported metric name, the runner's paired difference
 * @remarks
 * Each replicate resamples items (`clusterIds` of the encoding: all of an item's
 * predictions at once, so repeated CV adds no false confidence) and scores both sides on
 * the same draw, with the same metric registry that scores each model.
 * @example
 * const runner = createRunner();
 * const differences = await pairedMetricDifferences(runner, baseline.rows, candidate.rows, taskFor(config.task), ['accuracy'], { bootstrap: 1000, ci: 0.95, seed: 1 });
 * await runner.close();
 * Object.keys(differences); // ['accuracy']
 */
export async function pairedMetricDifferences(
  runner: Runner,
  rowsA: readonly PredictionRow[],
  rowsB: readonly PredictionRow[],
  task: TaskModule,
  metrics: readonly string[],
  options: PairedMetricOptions,
): Promise<Record<string, PairedDifference>> {
  const out: Record<string, PairedDifference> = {};
  const passesB = task.encode(rowsB, metrics);
  for (const passA of task.encode(rowsA, metrics)) {
    const passB = passesB.find((p) => p.metrics.some((m) => passA.metrics.includes(m)));
    if (passB === undefined) continue;
    const shared = passA.metrics.filter((m) => passB.metrics.includes(m));
    const report = await runner.pairedBootstrap(passA.input, passB.input, {
      task: passA.task,
      metrics: shared,
      ...(passA.labels === undefined ? {} : { labels: passA.labels }),
      bootstrap: Math.max(1, options.bootstrap),
      ci: options.ci,
      seed: options.seed,
      // the sides' rows are the same items in the same order: resample items, not rows
      clusterIds: passA.clusterIds,
      interval: options.interval ?? 'percentile',
    });
    shared.forEach((name, j) => {
      out[passA.reportAs?.[passA.metrics.indexOf(name)] ?? name] =
        report.metrics[report.settings.metrics[j]!]!;
    });
  }
  return out;
}
