// --- assay score: pool, loading, scoring, bootstrap (exports added below) ---
export { sampleBinomial } from './bootstrap/binomial.js';
export { sampleMultinomial } from './bootstrap/multinomial.js';
export { percentileInterval } from './bootstrap/percentile-interval.js';
export { formatConfigIssues, formatConfigPath } from './config/format-issues.js';
export { runConfigJsonSchema } from './config/json-schema.js';
export type { LoadRunConfigOptions } from './config/load-config.js';
export { loadRunConfig, parseRunConfig } from './config/load-config.js';
// --- assay run: config, prompts, evaluation, statistics, reports (exports added below) ---
export type {
  ClassificationMetricName,
  RegressionMetricName,
  ServiceMetricName,
} from './config/metric-names.js';
export {
  CLASSIFICATION_METRICS,
  higherIsBetter,
  REGRESSION_METRICS,
  SERVICE_METRICS,
} from './config/metric-names.js';
export type { ModelConfig, RunConfig, RunConfigInput } from './config/run-config-schema.js';
export {
  ModelConfigSchema,
  RunConfigSchema,
  SPAM_ASSASSIN_GROUPS,
} from './config/run-config-schema.js';
export type { Threshold, ThresholdOperator } from './config/thresholds.js';
export { parseThreshold, thresholdHolds } from './config/thresholds.js';
export type { DatasetItem } from './datasets/dataset-item.js';
export type { ColumnMapping, LoadFileDatasetOptions } from './datasets/file-dataset.js';
export { loadFileDataset } from './datasets/file-dataset.js';
export { DEFAULT_SPAM_ASSASSIN_GROUPS, loadSpamAssassin } from './datasets/spam-assassin.js';
export { stratifiedSample } from './datasets/stratified-sample.js';
export type { ConfigErrorCode } from './errors.js';
export { ConfigError } from './errors.js';
export type { InputFormat, LoadColumnsOptions } from './io/load-columns.js';
export { detectFormat, INPUT_FORMATS, loadColumns } from './io/load-columns.js';
export type {
  ColumnKind,
  LabelColumn,
  LoadedColumn,
  LoadedTable,
  NumberColumn,
} from './io/loaded-column.js';
export type {
  ConfusionMetric,
  MetricNeeds,
  MetricSpec,
  RowsMetric,
} from './metrics/metric-spec.js';
export type { AvailableInputs } from './metrics/registry.js';
export {
  defaultMetrics,
  METRIC_REGISTRY,
  metricNames,
  resolveMetrics,
} from './metrics/registry.js';
export type { RunnerOptions } from './pool/runner.js';
export { createRunner, Runner, scorePredictions } from './pool/runner.js';
export type { ProgressBar, ProgressBarOptions, ProgressStream } from './progress/progress-bar.js';
export { createProgressBar } from './progress/progress-bar.js';
export type { PromptMessage, PromptSpec } from './prompt/build-messages.js';
export { buildMessages, promptHash } from './prompt/build-messages.js';
export { pickFewShot } from './prompt/few-shot.js';
export type { AnswerSpec, ParsedAnswer } from './prompt/parse-answer.js';
export { parseAnswer } from './prompt/parse-answer.js';
export { renderTemplate, templateSlots } from './prompt/render-template.js';
export { confusionHeatmap } from './report/charts/confusion-heatmap.js';
export type { FoldBars } from './report/charts/fold-bar-chart.js';
export { foldBarChart } from './report/charts/fold-bar-chart.js';
export { histogramChart } from './report/charts/histogram-chart.js';
export { latencyCdfChart } from './report/charts/latency-cdf-chart.js';
export type { LineChartOptions, LineSeries } from './report/charts/line-chart.js';
export { lineChart } from './report/charts/line-chart.js';
export { escapeHtml } from './report/escape-html.js';
export { htmlReport } from './report/html-report.js';
export { markdownReport } from './report/markdown-report.js';
export type { EncodedPredictions } from './run/classification-scores.js';
export { classificationScore, confusionOf } from './run/classification-scores.js';
export type { Outcome, OutcomeMetrics } from './run/journal.js';
export { RunJournal } from './run/journal.js';
export type { PredictionOutcome, PredictionRow } from './run/prediction-row.js';
export type { ProgressPrinterOptions } from './run/progress-printer.js';
export { createProgressPrinter } from './run/progress-printer.js';
export type {
  MetricSummary,
  ModelComparison,
  ModelResult,
  RunResults,
  ServiceStats,
  ThresholdResult,
} from './run/results-schema.js';
export { RunResultsSchema } from './run/results-schema.js';
export type { ExecutedRun, ExecuteRunOptions } from './run/run-evaluation.js';
export { executeRun, loadRunDataset, promptFor } from './run/run-evaluation.js';
export { runEvaluation } from './run/run-from-config.js';
export type { CompletionClientLike, ModelProgress } from './run/send-requests.js';
export { summarizeRun } from './run/summarize-run.js';
export { summaryTable } from './run/summary-table.js';
export { predictionsTable, readPredictions, writePredictions } from './run/write-predictions.js';
export type { CvSpec } from './score/parse-cv-spec.js';
export { CV_SPEC_FORMS, parseCvSpec } from './score/parse-cv-spec.js';
export type {
  ArrowPredictions,
  ColumnRoles,
  LabelValues,
  LoadedPredictions,
  NumberValues,
  PredictionColumns,
  PredictionInput,
} from './score/prediction-input.js';
export type { ScoreTask } from './score/score-columns.js';
export type { ScoreOptions, ScoreProgress } from './score/score-options.js';
export type { MetricValue, ScoreReport } from './score/score-report.js';
export { FoldSummarySchema, MetricValueSchema, ScoreReportSchema } from './score/score-report.js';
export { holmAdjust } from './stats/holm.js';
export type { McNemarResult } from './stats/mcnemar.js';
export { binomialTestHalf, mcnemarExact } from './stats/mcnemar.js';
export type { PairedBootstrapOptions, PairedBootstrapResult } from './stats/paired-bootstrap.js';
export { pairedBootstrap } from './stats/paired-bootstrap.js';
export type { PercentileSummary } from './stats/percentiles.js';
export {
  meanStd,
  percentileSorted,
  percentiles,
  summarizePercentiles,
} from './stats/percentiles.js';
