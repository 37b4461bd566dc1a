import { TOP_K_ACCURACY_K } from '../metrics/probabilistic-metrics.js';
import type { BootstrapIntervals } from './bootstrap-intervals.js';
import { confusionReport } from './confusion-report.js';
import type { FoldScores } from './fold-metrics.js';
import { foldSummary, undefinedFoldWarnings } from './fold-summary.js';
import {
  noWidthIntervalWarning,
  outsideIntervalWarnings,
  sliceNoWidthWarning,
} from './interval-warnings.js';
import type { JobMetrics } from './job-metrics.js';
import { mapeZeroWarning } from './mape-zero-warning.js';
import { overallCoverageWarning } from './overall-coverage.js';
import type { ScoreJob } from './score-job.js';
import { FEW_BOOTSTRAP } from './score-options.js';
import type { MetricValue, ScoreReport } from './score-report.js';
import { undefinedMetricsWarning } from './undefined-metrics.js';
import { undefinedSliceWarnings } from './undefined-slice-metrics.js';
import type { SetValues, WholeSetCounts } from './whole-set-pass.js';
import { withWilsonFallback } from './wilson-fallback.js';

/** Everything the stages of a job computed, for {@link assembleReport}. */
export interface JobResults {
  /** The CV setting as the report shows it. */
  readonly cvText: string;
  readonly shuffle?: boolean | undefined;
  readonly values: SetValues;
  readonly counts: WholeSetCounts;
  readonly folds: FoldScores;
  readonly bootstrap: BootstrapIntervals;
  /** CV folds whose weights sum to 0 (their values blanked, named in a warning of their own). */
  readonly zeroWeightFolds: number;
  /** Milliseconds spent preparing the columns. */
  readonly prepMs: number;
  /** `performance.now()` when the computation after preparation began. */
  readonly computeStart: number;
}

function nullable(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/**
 * Adds the warnings on how to read the finished report's figures: folds where a metric is
 * undefined, rows that overall covers but no fold tests, and (with enough resamples: a
 * bootstrap of few has its own warning, as its ends move from seed to seed) values outside
 * their own interval and intervals of no width, on the whole set and on the slices.
 */
function addReadingWarnings(report: ScoreReport, zeroWeightFolds: number): void {
  const { bootstrap, ci, cv } = report.settings;
  report.warnings.push(
    ...undefinedFoldWarnings(report.summary, report.folds.length, zeroWeightFolds),
  );
  const notes = [overallCoverageWarning(report.n, report.folds, cv, bootstrap > 0)];
  if (bootstrap >= FEW_BOOTSTRAP) {
    report.warnings.push(...outsideIntervalWarnings(report.overall, ci));
    notes.push(noWidthIntervalWarning(report.overall), sliceNoWidthWarning(report.slices));
  }
  for (const note of notes) if (note !== undefined) report.warnings.push(note);
}

/**
 * Builds the report: NaN values become null, bootstrap intervals join their
 * values (a proportion's interval of no width replaced by its count's Wilson interval,
 * see `withWilsonFallback`), and the folds get their summary.
 *
 * @param job - the job
 * @param metrics - the job's metrics
 * @param results - what the stages computed
 * @returns the report
 */
export function assembleReport(
  job: ScoreJob,
  metrics: JobMetrics,
  results: JobResults,
): ScoreReport {
  const { columns, options, prepared, seed, bootstrap, ci } = job;
  const { names } = metrics;
  const { values, folds } = results;
  const { intervals, method } = results.bootstrap;
  const metricRecord = (row: Float64Array, si: number): Record<string, MetricValue> => {
    const out: Record<string, MetricValue> = {};
    // si 0 is the whole set, si s + 1 the slice of code s
    const selection =
      si === 0 || columns.slice === null ? null : { ids: columns.slice, value: si - 1 };
    names.forEach((name, j) => {
      const interval = intervals[si]?.[j];
      const value = nullable(row[j]!);
      out[name] = interval
        ? withWilsonFallback({ value, ci: interval }, name, columns, selection, ci)
        : { value };
    });
    return out;
  };
  const confusion = confusionReport(columns, results.counts.overall);
  if (confusion.note !== undefined) job.warnings.push(confusion.note);
  const undefinedNote = undefinedMetricsWarning(names, values.overall, columns);
  if (undefinedNote !== undefined) job.warnings.push(undefinedNote);
  const mapeNote = mapeZeroWarning(names, columns);
  if (mapeNote !== undefined) job.warnings.push(mapeNote);
  if (columns.slice !== null)
    job.warnings.push(...undefinedSliceWarnings(names, values.slices, columns));
  const report: ScoreReport = {
    n: columns.n,
    ...(columns.clusters ? { clusters: columns.clusters.count } : {}),
    task: columns.task,
    labels: [...columns.classes],
    overall: metricRecord(values.overall, 0),
    folds: folds.list.map((f, i) => ({
      fold: f.fold,
      repeat: f.repeat,
      nTrain: f.nTrain,
      nTest: f.nTest,
      metrics: Object.fromEntries(names.map((name, j) => [name, nullable(folds.values[i]![j]!)])),
    })),
    summary: foldSummary(names, folds.values),
    confusionMatrix: confusion.confusionMatrix,
    ...(confusion.sparseConfusionMatrix
      ? { sparseConfusionMatrix: confusion.sparseConfusionMatrix }
      : {}),
    ...(confusion.perClass ? { perClass: confusion.perClass } : {}),
    warnings: job.warnings,
    settings: {
      metrics: [...names],
      cv: results.cvText,
      ...(results.shuffle === undefined ? {} : { shuffle: results.shuffle }),
      // a reader of `f1` or `roc_auc` must know which class was positive, and what the
      // averages ranged over
      ...(columns.positive === undefined ? {} : { posLabel: columns.classes[columns.positive] }),
      // top_k_accuracy 0.95 says nothing without its k
      ...(names.includes('top_k_accuracy') ? { topK: TOP_K_ACCURACY_K } : {}),
      ...(options.labels === undefined ? {} : { labels: [...options.labels] }),
      ...(columns.weight === null ? {} : { weighted: true }),
      seed,
      bootstrap,
      ci,
      ...(bootstrap > 0 ? { bootstrapMethod: method } : {}),
      ...(bootstrap > 0 ? { resampling: columns.clusters ? 'clusters' : 'rows' } : {}),
    },
    timing: {
      loadMs: (options.loadMs ?? 0) + results.prepMs,
      computeMs: performance.now() - results.computeStart,
      workers: job.workers,
    },
  };
  if (columns.slice !== null) {
    report.slices = Object.fromEntries(
      columns.sliceValues.map((value, s) => [
        String(value),
        { n: values.sliceSizes[s]!, metrics: metricRecord(values.slices[s]!, s + 1) },
      ]),
    );
  }
  addReadingWarnings(report, results.zeroWeightFolds);
  if (prepared.dropped > 0) report.dropped = prepared.dropped;
  if (prepared.unseenPredLabels.length > 0) report.unseenPredLabels = prepared.unseenPredLabels;
  return report;
}
