import type { MetricSummary } from '@assay/report';
import { metricSpec, type Runner } from '@assay/runner';
import type { PredictionRow } from '../run/prediction-row.js';
import type { ScoringPass, TaskModule } from '../tasks/task-module.js';
import { nullSummary, summaryOf } from './metric-summary.js';
import { withWilsonFallback } from './wilson-fallback.js';

/** Options of {@link scoreModelOnPool}. */
export interface PoolScoreOptions {
  /** number of folds of the run (length of each metric's `folds`) */
  folds: number;
  /** bootstrap resamples (0: no interval) */
  bootstrap: number;
  /** confidence level */
  ci: number;
  /** seed of the bootstrap */
  seed: number;
}

async function scorePass(
  runner: Runner,
  pass: ScoringPass,
  options: PoolScoreOptions,
  out: Record<string, MetricSummary>,
): Promise<void> {
  const report = await runner.scorePredictions(pass.input, {
    task: pass.task,
    metrics: pass.metrics,
    foldIds: pass.foldIds,
    clusterIds: pass.clusterIds,
    ...(pass.labels === undefined ? {} : { labels: pass.labels }),
    seed: options.seed,
    bootstrap: options.bootstrap,
    ci: options.ci,
  });
  // the report names metrics canonically (`mean_absolute_error` → `mae`) and once: two aliases
  // of one metric (`mae <= 6` beside the default `mean_absolute_error`) share its entry, so the
  // key comes from the name, not from the position (the second read past the end: no value)
  pass.metrics.forEach((name, j) => {
    const key = metricSpec(name)?.name ?? report.settings.metrics[j]!;
    // a share at 0 or 1 (5 of 5 right) resamples to one value: its count gives the interval
    const summary = withWilsonFallback(
      summaryOf(report, key, options.folds),
      key,
      pass,
      options.ci,
    );
    if (summary.value === null) {
      // the runner says why a metric failed in a warning that starts with its name
      const warning = report.warnings.find((w) => w.startsWith(`${key}: `));
      summary.reason = warning?.slice(key.length + 2) ?? 'undefined on these answers';
    }
    out[pass.reportAs?.[j] ?? name] = summary;
  });
}

/**
 * Scores one model's predictions on the runner's worker pool: every metric on
 * all test predictions pooled, per fold, mean ± std across folds and a
 * bootstrap percentile CI of the pooled value (the Wilson interval of its count instead for
 * a proportion metric whose bootstrap interval has no width: see `withWilsonFallback`).
 *
 * @param runner - the run's runner (one pool for every model)
 * @param rows - the model's prediction rows (one per item × fold)
 * @param task - the task module (encodes the rows for the runner)
 * @param metrics - `assay run` metric names
 * @param options - fold count, bootstrap, CI level, seed
 * @returns metric summaries by name (the `results.json` shape); a metric the rows cannot
 *   give (no scores, no parseable answer) is all null
 * @throws RunnerError from the runner (`WORKER_FAILED`, `INTERRUPTED` when closed)
 * @remarks
 * Failed requests are left out. Each prediction row belongs to exactly one test fold
 * (its `fold`: for repeated CV the fold number across repeats, `repeat·k + i`; holdout
 * is fold 0), which is the runner's `foldIds`; the pooled value runs over all rows, so an
 * item of repeated CV counts once per repeat, but the bootstrap resamples items (each row's
 * item is its cluster, the runner's `clusterIds`): repeats of an item add no information and
 * do not narrow the interval. How rows become label codes is the task's `encode` (see the
 * classification and regression task modules).
 * @example
 * const runner = createRunner();
 * const metrics = await scoreModelOnPool(runner, rows, taskFor(config.task), ['accuracy'], { folds: 1, bootstrap: 1000, ci: 0.95, seed: 1 });
 * await runner.close();
 * metrics.accuracy.value; // 0.9
 */
export async function scoreModelOnPool(
  runner: Runner,
  rows: readonly PredictionRow[],
  task: TaskModule,
  metrics: readonly string[],
  options: PoolScoreOptions,
): Promise<Record<string, MetricSummary>> {
  const out: Record<string, MetricSummary> = {};
  for (const m of metrics) out[m] = nullSummary(options.folds);
  const answered = rows.filter((r) => r.outcome !== 'failed');
  const passes = task.encode(answered, metrics);
  for (const pass of passes) await scorePass(runner, pass, options, out);
  const encoded = new Set(passes.flatMap((p) => p.reportAs ?? p.metrics));
  for (const m of metrics) if (!encoded.has(m)) out[m]!.reason = task.missingReason(m, answered);
  return out;
}
