import type { MetricSummary } from '@assay/report';
import type { ScoreReport } from '@assay/runner';
import { finiteOrNull } from '../run/prediction-row.js';

/**
 * A metric summary with no value, for a metric the rows cannot give.
 *
 * @param folds - folds of the run
 * @returns every field null
 * @example
 * nullSummary(5).folds.length; // 5
 */
export function nullSummary(folds: number): MetricSummary {
  return {
    value: null,
    mean: null,
    std: null,
    folds: new Array<number | null>(folds).fill(null),
    ciLow: null,
    ciHigh: null,
  };
}

/**
 * Reads one metric of a score report into the `results.json` shape: pooled value,
 * per-fold values (by fold number; null for a fold without scored rows), mean and
 * population std across folds, bootstrap percentile interval.
 *
 * @param report - the runner's report
 * @param key - the metric's name in the report
 * @param folds - folds of the run
 * @returns the summary
 * @example
 * const runner = createRunner();
 * const [pass] = taskFor(config.task).encode(rows, ['accuracy']);
 * const report = await runner.scorePredictions(pass.input, { task: pass.task, labels: pass.labels, metrics: ['accuracy'], foldIds: pass.foldIds, clusterIds: pass.clusterIds, bootstrap: 200, ci: 0.95, seed: 0 });
 * await runner.close();
 * summaryOf(report, 'accuracy', 1).value; // 0.9
 */
export function summaryOf(report: ScoreReport, key: string, folds: number): MetricSummary {
  const byFold = new Array<number | null>(folds).fill(null);
  for (const f of report.folds) {
    if (f.fold < folds && f.nTest > 0) byFold[f.fold] = finiteOrNull(f.metrics[key]);
  }
  const overall = report.overall[key];
  const summary = report.summary[key];
  return {
    value: finiteOrNull(overall?.value),
    mean: finiteOrNull(summary?.mean),
    std: finiteOrNull(summary?.std),
    folds: byFold,
    ciLow: finiteOrNull(overall?.ci?.[0]),
    ciHigh: finiteOrNull(overall?.ci?.[1]),
  };
}
